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
    let queue: DatabaseQueue

    /// Opens the database at `path`, creating it (mode 0600) and its tables if it does not exist.
    ///
    /// With `readOnly`, the database must already exist and nothing is ever written to it: that
    /// is how `chorus status` looks and how a kiosk's database is read for merging.
    ///
    /// - Throws: ``StoreError``; a file that is not a Chorus database is refused, never altered.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let file = DatabaseFile(path: path)
        switch file.state {
        case .missing:
            guard !readOnly else { throw StoreError.notFound(path) }
            try file.createIfMissing()
        case .unusable(let reason):
            throw StoreError.cannotOpen(path, reason)
        case .regularFile:
            // Look before writing: even switching to WAL would alter a file that is not ours.
            let probe = try Self.open(path, readOnly: true)
            try Self.check(probe, path: path, writable: !readOnly)
            if readOnly {
                queue = probe
                return
            }
        }
        queue = try Self.open(path, readOnly: false)
        do {
            try Schema.migrator.migrate(queue)
        } catch {
            throw StoreError(error, path: path)
        }
        // A WAL left by a crash still lists its last commits in order; fold it in now. This waits
        // for readers such as `chorus status` and may give up; the next kiosk save does it again.
        try? queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    private static func open(_ path: String, readOnly: Bool) throws -> DatabaseQueue {
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: readOnly))
            DatabaseFile(path: path).narrowCompanions()
            return queue
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
            guard !db.configuration.readonly else { return }
            // GRDB's own WAL set-up would choose synchronous = NORMAL, which may lose the last
            // commits on power loss; so WAL is set here, followed by FULL: a saved response is on
            // disk before save returns and the resident sees "thank you".
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode == "wal" else { throw DatabaseError(message: "cannot use write-ahead logging") }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return configuration
    }

    /// Refuses a file that is not a Chorus database, or whose schema this version does not know,
    /// before anything is written to it. An empty database is fine to write: migrations fill it.
    private static func check(_ queue: DatabaseQueue, path: String, writable: Bool) throws {
        let migrator = Schema.migrator
        do {
            try queue.read { db in
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
            return try queue.write(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Runs `body` in a read transaction, turning any failure into a ``StoreError``.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }
}
