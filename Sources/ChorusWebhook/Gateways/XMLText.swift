/// Text for the XML replies gateways read (TwiML, Plivo XML).
enum XMLText {
    /// `text` as XML character data or a quoted attribute value, without the control characters
    /// XML 1.0 cannot carry.
    static func escaped(_ text: String) -> String {
        // Most replies have nothing to escape.
        if !text.utf8.contains(where: Self.needsLook) { return text }
        // Built as bytes: every reply goes through here, and appending to a String is slower.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 32)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": bytes.append(contentsOf: "&amp;".utf8)
            case "<": bytes.append(contentsOf: "&lt;".utf8)
            case ">": bytes.append(contentsOf: "&gt;".utf8)
            case "\"": bytes.append(contentsOf: "&quot;".utf8)
            case "'": bytes.append(contentsOf: "&apos;".utf8)
            case "\t", "\n", "\r": bytes.append(UInt8(scalar.value))
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: bytes.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `byte` may need escaping or leaving out: markup, a control character other than a
    /// tab or line break, or the lead byte of U+FFFE and U+FFFF.
    private static func needsLook(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): false
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: byte < 0x20
        }
    }
}
