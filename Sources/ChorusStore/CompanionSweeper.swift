import GRDB

/// Removes the -wal and -shm that reading a database made beside it, once the reading is done.
///
/// SQLite reads a database in WAL mode only through a -shm, which a read-only connection creates
/// and, unlike one that can write, leaves behind when it closes: beside a kiosk's database on a
/// USB stick after `chorus merge`, and owned by whoever looked, which can keep the kiosk's own
/// user from opening the file. SQLite removes them when the last connection able to write
/// closes, and only then, so that is what is done here: such a connection is opened, reads,
/// and closes, writing nothing. Should anyone else have the database open, such as a kiosk
/// saving meanwhile, SQLite sees it and leaves everything as it is.
final class CompanionSweeper: Sendable {
    private let path: String
    private let reader: DatabaseQueue

    /// Sweeps `path` once `reader`, which is closed first, is no longer used.
    init(path: String, reader: DatabaseQueue) {
        self.path = path
        self.reader = reader
    }

    deinit {
        try? reader.close()
        // Only what reading made: a file that has gone, or that this user may not change, is left.
        guard case .regularFile = DatabaseFile(path: path).state, DatabaseFile(path: path).isWritable else { return }
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        guard let closer = try? DatabaseQueue(path: path, configuration: configuration) else { return }
        _ = try? closer.read { db in try db.execute(sql: "SELECT 1 FROM sqlite_master LIMIT 1") }
        try? closer.close()
    }
}
