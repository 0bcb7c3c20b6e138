/// Fitting text into columns by display width: wrapping at words, cutting, padding.
enum TextLayout {
    /// `text` broken into lines of at most `width` columns, at spaces where it can be.
    ///
    /// Each line of `text` is a paragraph, with a blank line before the next. A word wider than a
    /// whole line is cut between characters, never inside one, so a wide character is never split.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 2)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n") {
            if !lines.isEmpty { lines.append("") }
            var line = ""
            var lineWidth = 0
            for word in sanitized(paragraph).split(separator: " ") {
                var word = Substring(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 { lines.append(line) }
                while wordWidth > width {
                    let (head, headWidth) = prefix(of: word, width: width)
                    lines.append(String(head))
                    word = word[head.endIndex...]
                    wordWidth -= headWidth
                }
                line = String(word)
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
    }

    /// `text` cut to at most `width` columns.
    static func truncated(_ text: String, width: Int) -> String {
        String(prefix(of: sanitized(text), width: width).text)
    }

    /// `text` with spaces added to fill `width` columns (cut first if it is wider).
    static func padded(_ text: String, width: Int) -> String {
        let cut = truncated(text, width: width)
        return cut + String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    }

    /// The longest start of `text` that fits in `width` columns, and its width.
    static func prefix(of text: Substring, width: Int) -> (text: Substring, width: Int) {
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = DisplayWidth.of(text[index])
            if used + next > width { break }
            used += next
            end = text.index(after: index)
        }
        return (text[..<end], used)
    }

    private static func prefix(of text: String, width: Int) -> (text: Substring, width: Int) {
        prefix(of: text[...], width: width)
    }

    /// `text` with control characters (tabs, escapes, C1 codes) made spaces.
    ///
    /// Survey texts come from a file; an escape character in one must not reach the terminal,
    /// where it could move the cursor, change the title, or worse.
    static func sanitized(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return String(text)
        }
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
