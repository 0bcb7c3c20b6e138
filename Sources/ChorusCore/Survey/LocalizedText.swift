/// A text given once per survey language, keyed by its language tag (`en`, `es`, …).
public struct LocalizedText: Sendable, Hashable {
    /// The translations, by language tag.
    public var translations: [String: String]

    /// Creates a text from its translations.
    public init(_ translations: [String: String]) {
        self.translations = translations
    }

    /// The text in `language`, or in any language the survey has when that one is missing.
    ///
    /// A checked survey has every language, so the fallback only matters for unchecked values.
    public func text(in language: String) -> String {
        if let text = translations[language] { return text }
        return translations.keys.sorted().first.flatMap { translations[$0] } ?? ""
    }

    /// The declared languages that have no translation here, in the order given.
    public func missingLanguages(of languages: [String]) -> [String] {
        languages.filter { translations[$0] == nil }
    }
}
