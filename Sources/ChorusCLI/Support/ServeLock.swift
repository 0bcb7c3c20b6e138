import Glibc

/// The claim one `chorus serve` holds on its database for as long as it runs.
///
/// The server keeps each sender's conversation in memory between messages, which is only right
/// while nothing else writes the text-message tables; a second server on the same file would
/// also deliver, and delete, the first one's queued replies. The claim is an advisory lock on
/// the file, which SQLite's own locks do not touch, and which the kernel lets go of when the
/// process ends, however it ends.
enum ServeLock {
    /// Claims `path`, an existing database file, until the process ends.
    ///
    /// - Returns: Whether the claim is this process's; `false` when another process holds it.
    /// - Throws: ``ExitStatus/ioError`` after saying why, when the file cannot be opened.
    static func claim(_ path: String) throws -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            StandardError.write("chorus: error: cannot open \(path): \(String(cString: strerror(errno)))")
            throw ExitStatus.ioError
        }
        // The descriptor stays open, and the lock held, until the process ends.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return false
        }
        return true
    }
}
