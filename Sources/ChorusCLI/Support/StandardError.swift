import Glibc

/// Writes to standard error unbuffered, so diagnostics interleave correctly with other output.
enum StandardError {
    static func write(_ text: String, newline: Bool = true) {
        var text = text
        if newline, !text.hasSuffix("\n") { text += "\n" }
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}
