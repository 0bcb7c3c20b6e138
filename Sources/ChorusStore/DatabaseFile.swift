import Glibc

/// The database file and its WAL companions on disk: existence, creation with owner-only access,
/// and identity.
struct DatabaseFile {
    /// Owner read and write only: the database holds respondents' answers.
    static let mode: mode_t = 0o600

    let path: String

    /// SQLite's write-ahead log and shared-memory index, which hold the same data while it is open.
    var companions: [String] { [path + "-wal", path + "-shm"] }

    enum State {
        case missing
        case regularFile(device: UInt64, inode: UInt64)
        case unusable(String)
    }

    var state: State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .unusable(Self.describe(errno))
        }
        if info.st_mode & S_IFMT == S_IFDIR { return .unusable("is a directory") }
        guard info.st_mode & S_IFMT == S_IFREG else { return .unusable("is not a regular file") }
        return .regularFile(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Creates the file empty with mode 0600 if it does not exist, before SQLite opens it.
    ///
    /// SQLite would create it with 0644 less the umask; creating it here, and setting the mode
    /// with fchmod so a permissive umask cannot widen it, means the data is never readable by
    /// others, not even for an instant. SQLite gives the -wal and -shm files the database's mode.
    func createIfMissing() throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, Self.mode)
        if descriptor < 0 {
            if errno == EEXIST { return }
            throw .cannotCreate(path, Self.describe(errno))
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, Self.mode) == 0 else { throw .cannotCreate(path, Self.describe(errno)) }
    }

    /// Whether a -wal or -shm is beside the file: someone has it open, or had and did not remove them.
    var hasCompanions: Bool {
        var info = stat()
        return companions.contains { stat($0, &info) == 0 || errno != ENOENT }
    }

    /// Narrows the -wal and -shm files to 0600 if they exist.
    ///
    /// SQLite already copies the database's mode to them; this covers a database whose mode an
    /// administrator widened, and would make a future SQLite that behaved otherwise harmless.
    /// Failure is ignored: a reader that does not own the files cannot change them, and they are
    /// no wider than the database itself.
    func narrowCompanions() {
        for companion in companions { _ = chmod(companion, Self.mode) }
    }

    /// Whether the file holds every commit: no -wal beside it holds any that a checkpoint has not
    /// yet copied in.
    var holdsEveryCommit: Bool {
        var info = stat()
        return stat(path + "-wal", &info) != 0 ? errno == ENOENT : info.st_size == 0
    }

    /// Whether this user may change the file and create files beside it, as a writer must.
    var isWritable: Bool {
        access(path, W_OK) == 0 && isInWritableFolder
    }

    /// Whether files can be created beside this one, as SQLite's -wal and -shm must be.
    var isInWritableFolder: Bool {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        return access(folder, W_OK) == 0
    }

    /// An SQLite URI that opens the file as one no one changes while it is read.
    var immutableURI: String {
        // Unreserved characters and slashes stay; the rest, "?" and "#" and "%" among them, are escaped.
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var escaped = ""
        for byte in path.utf8 {
            escaped += kept.contains(byte) ? String(UnicodeScalar(byte)) : "%" + Hex.string([byte])
        }
        // An absolute path gets an empty authority, so "//host/share" is read as a path, not a host.
        return "file:" + (path.hasPrefix("/") ? "//" : "") + escaped + "?immutable=1"
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or directory"
        case EACCES: "permission denied"
        case EISDIR: "is a directory"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
