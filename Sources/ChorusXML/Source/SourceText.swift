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
        if let nul = bytes.firstIndex(of: 0) {
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
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library's validation is vectorized; decode by hand only to find the place.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
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
