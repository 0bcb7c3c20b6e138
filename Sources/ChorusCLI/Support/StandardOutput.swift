import Glibc

/// Writes a command's output unbuffered and checks that it was written, which `print` does not:
/// output lost to a full disk must not end in exit 0 as if the survey had been printed.
enum StandardOutput {
    /// Writes `text` in full.
    ///
    /// - Throws: ``ExitStatus/ioError`` after saying why on standard error.
    static func write(_ text: String) throws {
        var text = text
        let failure: Int32? = text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                // A write of nothing would repeat forever; no device does that but one that cannot take more.
                guard written > 0 else { return written < 0 ? errno : EIO }
                offset += written
            }
            return nil
        }
        if let failure {
            StandardError.write("chorus: error: cannot write to standard output: \(String(cString: strerror(failure)))")
            throw ExitStatus.ioError
        }
    }
}
