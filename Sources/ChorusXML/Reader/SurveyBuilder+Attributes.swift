import ChorusCore

extension SurveyBuilder {
    /// Attributes each element takes, the required ones first; libxml2's schema validator stops
    /// at the first bad attribute of an element and names none, so Chorus checks them itself.
    static let attributes: [String: (required: [String], optional: [String])] = [
        "survey": (["id", "version", "languages"], ["sms-keyword"]),
        "question": (
            ["id", "type"],
            ["required", "quasi-identifier", "show-if", "min", "max", "picks", "decimals", "max-length"]
        ),
        "option": (["value"], []),
        "constraint": (["test"], []),
        "phrase": (["key", "xml:lang"], []),
    ]
    static let textElements: Set<String> = [
        "title", "intro", "consent", "closing", "prompt", "hint", "min-label", "max-label", "label", "message",
    ]
    /// Children in the order the schema requires, for messages about misplaced elements.
    static let childOrder: [String: [String]] = [
        "survey": ["title", "intro", "consent", "question", "closing", "phrase"],
        "question": ["prompt", "hint", "min-label", "max-label", "option", "constraint"],
        "option": ["label"],
        "constraint": ["message"],
    ]

    /// Each element's required attributes and all it may take, looked up once per element.
    private static let expectedAttributes: [String: (required: [String], known: [String])] = {
        var result = attributes.mapValues { (required: $0.required, known: $0.required + $0.optional) }
        for name in textElements { result[name] = (["xml:lang"], ["xml:lang"]) }
        return result
    }()

    /// Reports unknown and missing attributes everywhere in the tree, suggesting the likely name.
    mutating func checkAttributes(_ element: XMLElement) {
        if let expected = Self.expectedAttributes[element.name] {
            var meant: Set<String> = []
            for (name, _) in element.attributes where !expected.known.contains(name) {
                let closest = Self.closest(to: name, in: expected.known)
                if let closest { meant.insert(closest) }
                report(
                    element, name,
                    "unknown attribute \(name) on <\(element.name)>" + (closest.map { "; did you mean \($0)?" } ?? ""))
            }
            // A required attribute misspelled is missing too, which the suggestion already says.
            for name in expected.required where element.attribute(name) == nil && !meant.contains(name) {
                let example = name == "xml:lang" ? " (one of \(languages.joined(separator: ", ")))" : ""
                report(element, "<\(element.name)> has no \(name) attribute\(example)")
            }
        }
        for child in element.children { checkAttributes(child) }
    }

    /// The candidate within two edits of `name`, if there is one, or the one `name` is without
    /// its prefix, as `lang` is `xml:lang`.
    static func closest(to name: String, in candidates: [String]) -> String? {
        candidates.first { $0 != name && $0.hasSuffix(":" + name) }
            ?? Survey.closest(to: name, in: candidates, within: 2)
    }
}
