import Glibc

extension SenderKey {
    /// Reads the key from its file, creating the file with a new random key on first run.
    ///
    /// The file must hold exactly 32 bytes and be open to its owner only; anything else is refused
    /// rather than replaced, because a new key would forget every opt-out made under the old one.
    ///
    /// - Parameter path: The key file; keep it outside the database's folder and backups.
    /// - Returns: The key, the same on every run with the same file.
    /// - Throws: ``StoreError`` naming `path` when the file cannot be read or created, is open to
    ///   other users, or has the wrong size.
    public static func loadOrCreate(at path: String) throws(StoreError) -> SenderKey {
        if let key = try load(path) { return key }
        if let key = try create(path) { return key }
        // Another process created it between the two calls: use theirs.
        if let key = try load(path) { return key }
        throw .keyFile(path, "it disappeared while being created")
    }

    /// The key in the file at `path`, or `nil` if there is no such file.
    private static func load(_ path: String) throws(StoreError) -> SenderKey? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .keyFile(path, DatabaseFile.describe(errno))
        }
        defer { close(descriptor) }
        // fstat on the open file, so what is checked is what is read.
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .keyFile(path, DatabaseFile.describe(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .keyFile(path, "it is not a regular file") }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw .keyFile(path, "its mode \(String(mode, radix: 8)) lets other users at it; it must be 600")
        }
        guard info.st_size == byteCount else {
            throw .keyFile(path, "it holds \(info.st_size) bytes, not \(byteCount)")
        }
        var bytes = [UInt8](repeating: 0, count: byteCount)
        var count = 0
        while count < byteCount {
            let done = bytes.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + count, byteCount - count)
            }
            if done < 0, errno == EINTR { continue }
            guard done > 0 else { throw .keyFile(path, done < 0 ? DatabaseFile.describe(errno) : "it was cut short") }
            count += done
        }
        return SenderKey(bytes: bytes)
    }

    /// Creates the file with a new key, on disk when this returns; `nil` if the file already exists.
    private static func create(_ path: String) throws(StoreError) -> SenderKey? {
        // O_EXCL: never overwrite a key some database's handles depend on.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DatabaseFile.mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { return nil }
            throw .cannotCreateKeyFile(path, DatabaseFile.describe(errno))
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        // fchmod: a permissive umask must not widen the mode; fsync: a key lost in a power cut
        // would silently start a new one.
        let failed =
            fchmod(descriptor, DatabaseFile.mode) != 0 || !write(bytes, to: descriptor) || fsync(descriptor) != 0
        let failure = failed ? errno : 0
        close(descriptor)
        guard !failed else {
            // A partial file would be refused on every later start; without it, the next start tries again.
            unlink(path)
            throw .cannotCreateKeyFile(path, DatabaseFile.describe(failure))
        }
        syncDirectory(of: path)
        return SenderKey(bytes: bytes)
    }

    /// Writes all of `bytes`, or returns `false` with `errno` set.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let done = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if done < 0, errno == EINTR { continue }
            guard done > 0 else {
                if done == 0 { errno = EIO }
                return false
            }
            written += done
        }
        return true
    }

    /// Makes the new file's name durable too; best effort, since the key itself is already on disk.
    private static func syncDirectory(of path: String) {
        let folder =
            switch path.lastIndex(of: "/") {
            case nil: "."
            case path.startIndex: "/"
            case let slash?: String(path[..<slash])
            }
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
