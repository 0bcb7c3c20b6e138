/// The raw bytes of a survey file, checked for what libxml2 should never be asked to read.
struct SourceText {
    /// Largest survey accepted; real surveys are a few kilobytes, and a cap keeps a wrong file harmless.
    static let maximumSize = 10 * 1024 * 1024

    let bytes: [UInt8]

    /// Refuses empty, binary, non-UTF-8 and DTD-carrying files before any XML parsing happens.
    ///
    /// DTDs are refused outright rather than parsed without expansion: a survey never needs one,
    /// and refusing them closes off external entities and expansion bombs by construction.
    static func check(_ bytes: [UInt8]) -> (SourcePosition, String)? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return (.start, bytes.isEmpty ? "file is empty" : "file has only whitespace; expected a <survey> element")
        }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return (.start, "file is UTF-16; save it as UTF-8")
        }
        if let nul = bytes.withUnsafeBufferPointer({ $0.firstIndex(of: 0) }) {
            return (
                SourcePosition.start.advanced(over: bytes[..<nul]),
                "file contains NUL bytes; it is binary, not a survey"
            )
        }
        if let bad = firstInvalidUTF8(bytes) {
            return (SourcePosition.start.advanced(over: bytes[..<bad]), "file is not valid UTF-8 text")
        }
        if let doctype = doctypeOffset(bytes) {
            return (
                SourcePosition.start.advanced(over: bytes[..<doctype]),
                "DOCTYPE is not allowed: surveys may not declare a DTD or entities"
            )
        }
        return nil
    }

    /// The byte offset of the first byte that does not start a valid UTF-8 sequence, if any.
    ///
    /// By hand, as Unicode's table of well-formed sequences (overlong forms, surrogates and values
    /// past U+10FFFF refused) has it: the standard library validates only while copying the
    /// bytes into a `String`, a megabyte copied for nothing.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                // Surveys are mostly ASCII: eight bytes at a time until one has its high bit set.
                while index + 8 <= buffer.count,
                    UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                        & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                guard index < buffer.count else { return nil }
                let lead = buffer[index]
                var length = 1
                var second: ClosedRange<UInt8> = 0x80...0xBF
                switch lead {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0: (length, second) = (3, 0xA0...0xBF)
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: (length, second) = (3, 0x80...0x9F)
                case 0xF0: (length, second) = (4, 0x90...0xBF)
                case 0xF1...0xF3: length = 4
                case 0xF4: (length, second) = (4, 0x80...0x8F)
                default: return index
                }
                if length > 1 {
                    guard index + length <= buffer.count, second.contains(buffer[index + 1]) else { return index }
                    for next in index + 2..<index + length where buffer[next] & 0xC0 != 0x80 { return index }
                }
                index += length
            }
            return nil
        }
    }

    /// Where `<!DOCTYPE` starts in the prolog, skipping the XML declaration, comments and
    /// processing instructions; nil when the root element comes first.
    static func doctypeOffset(_ bytes: [UInt8]) -> Int? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            } else if bytes[index...].starts(with: Array("<!--".utf8)) {
                guard let end = find(Array("-->".utf8), in: bytes, from: index + 4) else { return nil }
                index = end + 3
            } else if bytes[index...].starts(with: Array("<?".utf8)) {
                guard let end = find(Array("?>".utf8), in: bytes, from: index + 2) else { return nil }
                index = end + 2
            } else if bytes[index...].starts(with: Array("<!DOCTYPE".utf8)) {
                return index
            } else {
                return nil
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
