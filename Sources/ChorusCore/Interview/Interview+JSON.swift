extension Interview {
    /// The interview as JSON in the shape its `Codable` conformance reads, written by hand: a
    /// channel that keeps an interview between messages stores one for nearly every message, and
    /// the generic encoder spends far longer on it. `nil` if an answer is a number JSON cannot
    /// hold (infinite or not a number); encode with `JSONEncoder` then, to get its error.
    package var json: String? {
        var json = #"{"language":"#
        Self.appendString(language, to: &json)
        json += #","hasConsented":"#
        json += hasConsented ? "true" : "false"
        json += #","answers":{"#
        for (index, (question, answer)) in answers.enumerated() {
            if index > 0 { json += "," }
            Self.appendString(question, to: &json)
            json += ":"
            guard Self.append(answer, to: &json) else { return nil }
        }
        json += #"},"position":"#
        switch position {
        case .consent: json += #"{"consent":{}}"#
        case .question(let index): json += #"{"question":{"_0":\#(index)}}"#
        case .complete: json += #"{"complete":{}}"#
        case .declined: json += #"{"declined":{}}"#
        }
        json += #","history":["#
        json += history.map(String.init).joined(separator: ",")
        json += "]}"
        return json
    }

    /// Appends `answer` as `Codable` writes an enum case: its name, then its value under `_0`.
    private static func append(_ answer: Answer, to json: inout String) -> Bool {
        switch answer {
        case .choice(let value):
            json += #"{"choice":{"_0":"#
            appendString(value, to: &json)
        case .choices(let values):
            json += #"{"choices":{"_0":["#
            for (index, value) in values.enumerated() {
                if index > 0 { json += "," }
                appendString(value, to: &json)
            }
            json += "]"
        case .number(let number):
            guard number.isFinite else { return false }
            // The shortest digits that read back as the same number, in JSON's syntax.
            json += #"{"number":{"_0":\#(number)"#
        case .yesNo(let yes):
            json += #"{"yesNo":{"_0":\#(yes)"#
        case .text(let text):
            json += #"{"text":{"_0":"#
            appendString(text, to: &json)
        }
        json += "}}"
        return true
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, the
    /// rest as it is.
    private static func appendString(_ text: String, to json: inout String) {
        json += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            json += text
            json += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += #"\""#
            case "\\": json += #"\\"#
            case "\n": json += #"\n"#
            case "\r": json += #"\r"#
            case "\t": json += #"\t"#
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                json += #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
