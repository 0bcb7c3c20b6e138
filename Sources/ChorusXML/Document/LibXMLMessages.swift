/// libxml2's messages, reworded for organizers who write surveys by hand rather than for XML
/// specialists; anything not recognized passes through with a lowercase first letter.
enum LibXMLMessages {
    /// A well-formedness error from the parser.
    static func parser(_ message: String) -> String {
        let rules: [(prefix: String, rewrite: ([Substring]) -> String?)] = [
            (
                "Opening and ending tag mismatch: ",
                { words in
                    // "A line N and B"
                    guard words.count >= 5 else { return nil }
                    return "</\(words[4])> does not close <\(words[0])>, opened on line \(words[2])"
                }
            ),
            (
                "Premature end of data in tag ",
                { words in
                    guard words.count >= 3 else { return nil }
                    return "the file ends before <\(words[0])> (line \(words[2])) is closed"
                }
            ),
            ("Extra content at the end of the document", { _ in "there is content after the closing </survey>" }),
            ("StartTag: invalid element name", { _ in "'<' must start an element; write &lt; for a literal <" }),
            (
                "Unescaped '<' not allowed in attributes values",
                { _ in "'<' cannot be written as itself inside an attribute; write &lt;, as in show-if=\"age &lt; 18\""
                }
            ),
            (
                "xmlParseEntityRef: no name",
                { _ in "'&' must start a reference such as &amp;; write &amp; for a literal &" }
            ),
            (
                "Entity '",
                { words in
                    let name = words.first?.split(separator: "'").first ?? ""
                    return "unknown entity &\(name);; only &lt; &gt; &amp; &quot; &apos; and &#…; are allowed"
                }
            ),
            (
                "Attribute ",
                { words in
                    guard words.count >= 2, words[1] == "redefined" else { return nil }
                    return "attribute \(words[0]) is given twice"
                }
            ),
            ("Document is empty", { _ in "no XML element found; a survey starts with <survey>" }),
            ("Start tag expected, '<' not found", { _ in "no XML element found; a survey starts with <survey>" }),
        ]
        for rule in rules where message.hasPrefix(rule.prefix) {
            let rest = message.dropFirst(rule.prefix.count).split(separator: " ")
            if let rewritten = rule.rewrite(rest) { return rewritten }
        }
        return lowercasedFirst(message)
    }

    /// A schema violation, or nil for those Chorus reports better itself (attributes).
    static func schema(_ message: String, parent: String?, known: [String]) -> String? {
        if message.hasPrefix("Invalid attribute") || message.hasSuffix("failed to validate attributes") { return nil }
        let words = message.split(separator: " ").map(String.init)
        if message.hasPrefix("Expecting an element "), words.count >= 4 {
            // Without a name, libxml2 means a required child is missing, which the builder names.
            let name = words[3].trimmingCharacters(",")
            return name.isEmpty ? nil : "<\(parent ?? "survey")> needs a <\(name)> here"
        }
        guard let misplaced = misplacedElement(message) else { return lowercasedFirst(message) }
        let order = parent.flatMap { SurveyBuilder.childOrder[$0] }
        guard known.contains(misplaced) else {
            let suggestion = meant(message, known: known).map { "; did you mean <\($0)>?" } ?? ""
            let context = parent.map { " in <\($0)>" } ?? ""
            return "unknown element <\(misplaced)>\(context)\(suggestion)"
        }
        guard let parent, let order else { return "<\(misplaced)> is not allowed here" }
        return "<\(misplaced)> is not allowed here; inside <\(parent)> the order is \(order.joined(separator: ", "))"
            + (parent == "survey" ? ", and title, consent and at least one question are required" : "")
    }

    /// Whether the parser stopped at a `<` inside an attribute's value, which may be one left
    /// unclosed (see ``RunawayValue``).
    static func isLessThanInValue(_ message: String) -> Bool {
        message.hasPrefix("Unescaped '<' not allowed in attributes values")
    }

    /// The known element an unknown one in a schema violation seems a misspelling of.
    static func meant(_ message: String, known: [String]) -> String? {
        guard let name = misplacedElement(message), !known.contains(name) else { return nil }
        return SurveyBuilder.closest(to: name, in: known)
    }

    /// The element a schema violation finds out of place, or not allowed at all.
    static func misplacedElement(_ message: String) -> String? {
        let words = message.split(separator: " ").map(String.init)
        if message.hasPrefix("Did not expect element "), words.count >= 5 { return words[4] }
        if message.contains(" has extra content: ") { return words.last }
        return nil
    }

    /// Whether a schema violation says only that an element is wrong somewhere, which the
    /// builder's own checks say better, as for a text without `xml:lang`.
    static func isVague(_ message: String) -> Bool {
        message.hasSuffix("failed to validate content")
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension String {
    fileprivate func trimmingCharacters(_ characters: String) -> String {
        String(drop { characters.contains($0) }.reversed().drop { characters.contains($0) }.reversed())
    }
}
