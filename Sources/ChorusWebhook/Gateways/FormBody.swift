/// An `application/x-www-form-urlencoded` body as its fields, in order, repeated names kept.
struct FormBody: Sendable {
    /// Name and value of each field, decoded.
    let fields: [(name: String, value: String)]

    /// Decodes `bytes`: `+` is a space, `%XX` a byte, and the bytes must be UTF-8.
    ///
    /// - Throws: ``WebhookError`` for a broken escape or bytes that are not UTF-8.
    init(_ bytes: [UInt8]) throws(WebhookError) {
        // Through a buffer rather than `split`: every message's body is read here, and slices of
        // an array take the slow, generic way into a String.
        fields = try bytes.withUnsafeBufferPointer { (body) throws(WebhookError) in
            var fields: [(name: String, value: String)] = []
            var start = 0
            while start < body.count {
                let end = body[start...].firstIndex(of: UInt8(ascii: "&")) ?? body.count
                if end > start {
                    let pair = UnsafeBufferPointer(rebasing: body[start..<end])
                    if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                        fields.append(
                            (
                                try Self.decode(UnsafeBufferPointer(rebasing: pair[..<equals])),
                                try Self.decode(UnsafeBufferPointer(rebasing: pair[(equals + 1)...]))
                            ))
                    } else {
                        fields.append((try Self.decode(pair), ""))
                    }
                }
                start = end + 1
            }
            return fields
        }
    }

    /// The first value of `name`.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    private static func decode(_ encoded: UnsafeBufferPointer<UInt8>) throws(WebhookError) -> String {
        // Most fields have nothing to unescape.
        if !encoded.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) {
            guard let text = String(validating: encoded, as: UTF8.self) else {
                throw WebhookError.malformed("the form body is not UTF-8")
            }
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard index + 2 < encoded.endIndex, let high = hexValue(encoded[index + 1]),
                    let low = hexValue(encoded[index + 2])
                else { throw WebhookError.malformed("a broken %-escape in the form body") }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw WebhookError.malformed("the form body is not UTF-8")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
