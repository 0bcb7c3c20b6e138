/// Reads a stored choices answer, a JSON array of strings such as `["traffic","lighting"]`, one
/// value at a time, straight from SQLite's bytes.
///
/// The store writes these arrays itself (JSONEncoder), so only strings separated by commas are
/// expected; an escape in a value is decoded into `scratch`, which is reused between values.
struct ChoiceList {
    /// Calls `body` with each value's bytes in order; `false` if the text is not such an array.
    static func forEach(
        in bytes: UnsafeRawBufferPointer,
        scratch: inout [UInt8],
        _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        var position = 0
        let count = bytes.count
        func skipSpace() {
            while position < count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x09 {
                position += 1
            }
        }
        skipSpace()
        guard position < count, bytes[position] == UInt8(ascii: "[") else { return false }
        position += 1
        skipSpace()
        if position < count, bytes[position] == UInt8(ascii: "]") { return true }
        while true {
            skipSpace()
            guard position < count, bytes[position] == UInt8(ascii: "\"") else { return false }
            position += 1
            let start = position
            var escaped = false
            while position < count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\") {
                    escaped = true
                    position += 1
                }
                position += 1
            }
            guard position < count else { return false }
            let value = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
            if escaped {
                guard unescape(value, into: &scratch) else { return false }
                scratch.withUnsafeBytes(body)
            } else {
                body(value)
            }
            position += 1
            skipSpace()
            guard position < count else { return false }
            if bytes[position] == UInt8(ascii: "]") { return true }
            guard bytes[position] == UInt8(ascii: ",") else { return false }
            position += 1
        }
    }

    /// Decodes JSON string escapes; `false` for a malformed one.
    static func unescape(_ value: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Bool {
        output.removeAll(keepingCapacity: true)
        var index = 0
        while index < value.count {
            let byte = value[index]
            index += 1
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                continue
            }
            guard index < value.count else { return false }
            let escape = value[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(escape)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex(value, at: index) else { return false }
                index += 4
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 6 <= value.count, value[index] == UInt8(ascii: "\\"),
                        value[index + 1] == UInt8(ascii: "u"), let low = hex(value, at: index + 2),
                        (0xDC00..<0xE000).contains(low)
                    else { return false }
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return false }
                output.append(contentsOf: Array(String(Character(unicode)).utf8))
            default: return false
            }
        }
        return true
    }

    private static func hex(_ value: UnsafeRawBufferPointer, at index: Int) -> UInt32? {
        guard index + 4 <= value.count else { return nil }
        var result: UInt32 = 0
        for byte in value[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            result = result << 4 | UInt32(digit)
        }
        return result
    }
}
