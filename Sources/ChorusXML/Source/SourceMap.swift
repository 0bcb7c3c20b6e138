/// Where each start tag and attribute of a well-formed document is, in document order.
///
/// libxml2 records only a line per node, so Chorus finds columns itself. The scan runs after
/// libxml2 has accepted the document, which lets it assume well-formedness: the n-th start tag
/// found here is the n-th element of libxml2's tree.
struct SourceMap {
    struct Attribute {
        var name: String
        var nameOffset: Int
        /// Byte range of the value between its quotes, as written (entities not expanded).
        var valueRange: Range<Int>
    }

    struct Tag {
        var offset: Int
        var attributes: [Attribute]
    }

    let bytes: [UInt8]
    private(set) var tags: [Tag] = []
    private var lineStarts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") {
                lineStarts.append(index + 1)
            }
            tags = Self.scanTags(buffer)
        }
    }

    /// The line and column of the byte at `offset`.
    func position(ofByte offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The position of the element with document-order index `element`, or of one of its attributes.
    func position(element: Int, attribute: String? = nil) -> SourcePosition {
        guard tags.indices.contains(element) else { return .start }
        let tag = tags[element]
        guard let attribute, let found = tag.attributes.first(where: { $0.name == attribute }) else {
            return position(ofByte: tag.offset)
        }
        return position(ofByte: found.nameOffset)
    }

    /// The position of the character `offset` characters into an attribute's value, where an
    /// entity or character reference counts as the one character it stands for.
    func position(element: Int, attribute: String, valueOffset: Int) -> SourcePosition {
        guard tags.indices.contains(element),
            let found = tags[element].attributes.first(where: { $0.name == attribute })
        else { return position(element: element) }
        var index = found.valueRange.lowerBound
        var remaining = valueOffset
        while remaining > 0, index < found.valueRange.upperBound {
            if bytes[index] == UInt8(ascii: "&") {
                while index < found.valueRange.upperBound, bytes[index] != UInt8(ascii: ";") { index += 1 }
                index += 1
            } else {
                index += 1
                while index < found.valueRange.upperBound, bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
            remaining -= 1
        }
        return position(ofByte: index)
    }

    private static func scanTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [Tag] {
        var tags: [Tag] = []
        var index = 0
        let count = bytes.count
        func skip(past terminator: StaticString, from start: Int) -> Int {
            let needle = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
            var cursor = start
            while cursor + needle.count <= count {
                if bytes[cursor] == needle[0], (0..<needle.count).allSatisfy({ bytes[cursor + $0] == needle[$0] }) {
                    return cursor + needle.count
                }
                cursor += 1
            }
            return count
        }
        func matches(_ prefix: StaticString, at start: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard start + length <= count else { return false }
            return (0..<length).allSatisfy { bytes[start + $0] == prefix.utf8Start[$0] }
        }
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches("<!--", at: index) {
                index = skip(past: "-->", from: index + 4)
            } else if matches("<![CDATA[", at: index) {
                index = skip(past: "]]>", from: index + 9)
            } else if matches("<?", at: index) {
                index = skip(past: "?>", from: index + 2)
            } else if matches("</", at: index) || matches("<!", at: index) {
                index = skip(past: ">", from: index + 2)
            } else {
                let (tag, end) = scanStartTag(bytes, at: index)
                tags.append(tag)
                index = end
            }
        }
        return tags
    }

    private static func scanStartTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Tag, Int) {
        var tag = Tag(offset: start, attributes: [])
        var index = start + 1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        }
        while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (tag, index + 1) }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
            while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "'") {
                index += 1
            }
            guard index < bytes.count else { break }
            let quote = bytes[index]
            let valueStart = index + 1
            index = valueStart
            while index < bytes.count, bytes[index] != quote { index += 1 }
            tag.attributes.append(Attribute(name: name, nameOffset: nameStart, valueRange: valueStart..<index))
            index += 1
        }
        return (tag, index)
    }
}
