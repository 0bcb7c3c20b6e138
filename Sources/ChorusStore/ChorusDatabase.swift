import GRDB

/// The durable response store: one SQLite file holding surveys, collection sites, completed
/// responses and the text-message channel's state, kept so that nothing in it can identify a
/// respondent: texting senders appear only as pseudonyms from a ``SenderKey`` kept elsewhere.
///
/// ```swift
/// let database = try ChorusDatabase(path: "chorus.sqlite")
/// try database.register(survey: survey, source: bytes)
/// try database.save(response, channel: .kiosk, site: "Central Library", day: Day(Date(), in: .current))
/// ```
public struct ChorusDatabase: Sendable {
    /// The database file, as given.
    public let path: String
    /// One connection, or with `concurrentReads` a pool of readers beside the one writer.
    let writer: any DatabaseWriter
    /// For a read-only database whose -wal and -shm reading made: removes them when done.
    private let sweeper: CompanionSweeper?

    /// Opens the database at `path`, creating it (mode 0600) and its tables if it does not exist.
    ///
    /// With `readOnly`, the database must already exist and nothing is ever written to it: that
    /// is how `chorus status` looks and how a kiosk's database is read for merging.
    ///
    /// With `concurrentReads`, as a server wants, reads run on connections of their own, each on
    /// a snapshot of the last commit, and never wait for the writer, which has the one connection
    /// left. Opening so writes an empty transaction, which a plain open does not.
    ///
    /// - Throws: ``StoreError``; a file that is not a Chorus database is refused, never altered.
    public init(path: String, readOnly: Bool = false, concurrentReads: Bool = false) throws {
        self.path = path
        let file = DatabaseFile(path: path)
        switch file.state {
        case .missing:
            guard !readOnly else { throw StoreError.notFound(path) }
            try file.createIfMissing()
        case .unusable(let reason):
            throw StoreError.cannotOpen(path, reason)
        case .regularFile:
            // SQLite would open it read-only without a word, and the first write would fail: after
            // a resident's last answer, or once an export's files are out. And its -wal and -shm,
            // made by this user, would keep the owner from opening it.
            if !readOnly, !file.isWritable { throw StoreError.readOnly(path) }
            let hadCompanions = file.hasCompanions
            // Look before writing: even switching to WAL would alter a file that is not ours.
            let probe = try Self.openToRead(path)
            try Self.check(probe, path: path, writable: !readOnly)
            if readOnly {
                writer = probe
                sweeper = hadCompanions ? nil : CompanionSweeper(path: path, reader: probe)
                return
            }
        }
        sweeper = nil
        writer = try concurrentReads ? Self.openPool(path) : Self.openQueue(path, readOnly: false)
        do {
            try Schema.migrator.migrate(writer)
        } catch {
            throw StoreError(error, path: path)
        }
        // A WAL left by a crash still lists its last commits in order; fold it in now. This waits
        // for readers such as `chorus status` and may give up; the next kiosk save does it again.
        try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    private static func openQueue(_ path: String, readOnly: Bool) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
            DatabaseFile(path: path).narrowCompanions()
            return queue
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Opens `path` read-only, also where its folder cannot be written, as on a write-protected
    /// USB stick or in an organizer's read-only share.
    ///
    /// SQLite reads a WAL database only through its -shm index, which it must create next to the
    /// file. Where it cannot, and no -wal holds commits the file lacks, the file alone is the whole
    /// database, and SQLite is told so: `immutable` reads it without the index or any lock. A
    /// writer could only start by creating the -wal that SQLite just failed to create.
    private static func openToRead(_ path: String) throws -> DatabaseQueue {
        do {
            let queue = try openQueue(path, readOnly: true)
            try queue.read { db in try db.execute(sql: "SELECT 1 FROM sqlite_master LIMIT 1") }
            return queue
        } catch let error as StoreError {
            let file = DatabaseFile(path: path)
            guard error.kind == .cannotOpen, !file.isInWritableFolder, file.holdsEveryCommit else { throw error }
            do {
                return try DatabaseQueue(path: file.immutableURI, configuration: configuration(readOnly: true))
            } catch {
                throw StoreError(error, path: path)
            }
        }
    }

    private static func openPool(_ path: String) throws -> DatabasePool {
        do {
            // The pool's own WAL set-up, after the configuration's, goes back to synchronous = NORMAL.
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            DatabaseFile(path: path).narrowCompanions()
            return pool
        } catch {
            throw StoreError(error, path: path)
        }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // A kiosk and an organizer's `chorus status` may touch the same file at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Zero what is deleted or rewritten instead of leaving it in free pages.
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // Keep VACUUM's copy of the data and any sort in memory, never in an unlinked file
            // on disk that outlives the process's use of it.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // A pool's readers are read-only connections; the writer sets the journal mode.
            guard !db.configuration.readonly else { return }
            // GRDB's own WAL set-up would choose synchronous = NORMAL, which may lose the last
            // commits on power loss; so WAL is set here, followed by FULL: a saved response is on
            // disk before save returns and the resident sees "thank you", and a webhook's 2xx
            // likewise follows its answer onto the disk.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw DatabaseError(message: "cannot use write-ahead logging") }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Refuses a file that is not a Chorus database, or whose schema this version does not know,
    /// before anything is written to it. An empty database is fine to write: migrations fill it.
    private static func check(_ probe: DatabaseQueue, path: String, writable: Bool) throws {
        let migrator = Schema.migrator
        do {
            try probe.read { db in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path) }
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if tables.isEmpty, writable { return }
                // Reading needs only "v1", which holds the responses: a kiosk database from an
                // older chorus must still merge and show its status without being migrated.
                guard tables.contains("grdb_migrations"), try writable || migrator.appliedIdentifiers(db).contains("v1")
                else {
                    throw StoreError.notChorus(path)
                }
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Runs `body` in a write transaction, turning any failure into a ``StoreError``.
    func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Runs `body` in a read transaction, turning any failure into a ``StoreError``.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// ``reading(_:)`` for a read on every request: the transaction is begun and ended with
    /// statements prepared once per connection, where GRDB's own prepares them on every read.
    func readingQuickly<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.unsafeRead { db in
                try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
                defer { try? db.cachedStatement(sql: "COMMIT TRANSACTION").execute() }
                return try body(db)
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
