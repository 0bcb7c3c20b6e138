/// Builds an HTML document as text; every piece of text that is not markup goes through ``escape(_:)``.
struct HTMLText {
    private(set) var text = ""

    /// Appends markup as written: only ever literal tags from this module, never data.
    mutating func raw(_ markup: String) {
        text += markup
    }

    /// Appends text, escaped.
    mutating func escaped(_ content: String) {
        text += Self.escape(content)
    }

    /// Appends `<tag attributes>text</tag>`, the text escaped.
    mutating func element(_ tag: String, _ attributes: String = "", _ content: String) {
        text += "<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>\(Self.escape(content))</\(tag)>"
    }

    /// Text safe inside an element or a quoted attribute value.
    static func escape(_ content: String) -> String {
        var result = ""
        result.reserveCapacity(content.utf8.count)
        for character in content.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
