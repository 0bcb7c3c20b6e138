import ChorusXML
import Glibc

/// Writes to standard error unbuffered, so diagnostics interleave correctly with other output.
enum StandardError {
    /// Writes `message` as one line. A control character in it, as in a file name or value the
    /// user gave, is escaped (`\n`), so that each message stays one line for editors and scripts.
    static func write(_ message: String) {
        let line = message.hasSuffix("\n") ? String(message.dropLast()) : message
        writeRaw(line.escapingControlCharacters + "\n")
    }

    /// Writes `text` exactly as given, for the terminal controls of the progress bar.
    static func writeRaw(_ text: String) {
        var text = text
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
