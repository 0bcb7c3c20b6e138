extension String {
    /// The string with each control character written as an escape (`\n`, `\t`, `\u{1B}`), so that a
    /// value quoted in a one-line message can neither break the line nor move a terminal's cursor.
    package var escapingControlCharacters: String {
        guard unicodeScalars.contains(where: \.isLineBreaking) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result.append(contentsOf: #"\n"#.unicodeScalars)
            case "\r": result.append(contentsOf: #"\r"#.unicodeScalars)
            case "\t": result.append(contentsOf: #"\t"#.unicodeScalars)
            case _ where scalar.isLineBreaking:
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls and DEL, and the Unicode line and paragraph separators that some editors
    /// also break lines at.
    fileprivate var isLineBreaking: Bool {
        properties.generalCategory == .control || self == "\u{2028}" || self == "\u{2029}"
    }
}
