/// An attribute value whose closing quote was left out, as in `type="yes-no>`: libxml2 reads on
/// into the next lines and stops at the first `<` there, far from the slip, saying that `<` may
/// not be written in an attribute.
enum RunawayValue {
    /// Where the value libxml2 was still reading at `line` and `column` opened, with its
    /// attribute's name, when that is on an earlier line; `nil` otherwise, as for a `<` written
    /// inside a value on its own line.
    static func opening(in bytes: [UInt8], line: Int, column: Int) -> (name: String, at: SourcePosition)? {
        var lineStart = 0
        var lines = 1
        while lines < line, let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) {
            lineStart = newline + 1
            lines += 1
        }
        let stop = min(bytes.count, lineStart + max(column - 1, 0))
        // The nearest quote before the stop that follows an equals sign.
        var quote = stop - 1
        while quote >= 0 {
            if bytes[quote] == UInt8(ascii: "\"") || bytes[quote] == UInt8(ascii: "'"),
                let equals = bytes[..<quote].lastIndex(where: { !isSpace($0) }), bytes[equals] == UInt8(ascii: "=")
            {
                break
            }
            quote -= 1
        }
        guard quote >= 0, bytes[quote..<stop].contains(UInt8(ascii: "\n")) else { return nil }
        let equals = bytes[..<quote].lastIndex { !isSpace($0) }!
        let nameEnd = (bytes[..<equals].lastIndex { !isSpace($0) } ?? -1) + 1
        let nameStart = (bytes[..<nameEnd].lastIndex { !isNameByte($0) } ?? -1) + 1
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        guard !name.isEmpty else { return nil }
        let quoteLineStart = (bytes[..<quote].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let quoteLine = bytes[..<quote].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = bytes[quoteLineStart..<quote].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
        return (name, SourcePosition(line: quoteLine, column: column))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: ".")
    }
}
