/// A JSON document whose objects keep their keys in the order given, so a release's JSON files
/// read in a sensible order and come out byte for byte the same from the same release.
enum JSONValue {
    case null
    case bool(Bool)
    /// A number, already written out (see ``FixedPoint``), so its digits never depend on a formatter.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// `value`, or `null` when it is absent.
    static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    /// The document, indented by two spaces, with a final line break.
    func encoded() -> [UInt8] {
        var output: [UInt8] = []
        write(into: &output, indent: 0)
        output.append(0x0A)
        return output
    }

    private func write(into output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let text): output += text.utf8
        case .string(let text): Self.writeString(text, into: &output)
        case .array(let elements):
            // Short lists of plain values stay on one line; a list of codes reads better that way.
            if elements.isEmpty || (elements.count <= 8 && elements.allSatisfy(\.isScalar)) {
                output.append(UInt8(ascii: "["))
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += ", ".utf8 }
                    element.write(into: &output, indent: indent)
                }
                output.append(UInt8(ascii: "]"))
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                output += (index > 0 ? ",\n" : "\n").utf8
                Self.pad(&output, indent + 1)
                element.write(into: &output, indent: indent + 1)
            }
            output.append(0x0A)
            Self.pad(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}".utf8
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                output += (index > 0 ? ",\n" : "\n").utf8
                Self.pad(&output, indent + 1)
                Self.writeString(key, into: &output)
                output += ": ".utf8
                value.write(into: &output, indent: indent + 1)
            }
            output.append(0x0A)
            Self.pad(&output, indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private static func pad(_ output: inout [UInt8], _ depth: Int) {
        output += repeatElement(UInt8(ascii: " "), count: depth * 2)
    }

    /// Escapes what RFC 8259 requires, and nothing else: text stays readable UTF-8.
    private static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += "\\\"".utf8
            case 0x5C: output += "\\\\".utf8
            case 0x0A: output += "\\n".utf8
            case 0x0D: output += "\\r".utf8
            case 0x09: output += "\\t".utf8
            case 0x00..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output += "\\u00".utf8
                output += [digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }
}
