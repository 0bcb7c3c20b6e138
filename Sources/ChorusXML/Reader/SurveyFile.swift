import Glibc

/// Reads a survey file's bytes, refusing what is not a regular file of reasonable size before
/// reading any of it.
enum SurveyFile {
    enum Failure: Error {
        case cannotOpen(String)
        case tooLarge(Int)
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.cannotOpen(describe(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.cannotOpen(describe(errno))) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.cannotOpen("is a directory, not a survey file")) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.cannotOpen("is not a regular file")) }
        let size = Int(info.st_size)
        guard size <= SourceText.maximumSize else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var total = 0
        while total < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + total, size - total)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                return .failure(.cannotOpen(count == 0 ? "file shrank while reading" : describe(errno)))
            }
            total += count
        }
        return .success(bytes)
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "is a directory, not a survey file"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
