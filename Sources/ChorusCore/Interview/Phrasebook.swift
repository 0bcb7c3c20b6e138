/// Chorus's interface texts for one survey: the survey's own phrases first, then the built-in ones.
public struct Phrasebook: Sendable, Hashable {
    /// The survey's replacements, by phrase key.
    let overrides: [String: LocalizedText]

    /// Creates the phrasebook of `survey`.
    public init(survey: Survey) {
        self.overrides = survey.phrases
    }

    /// The languages Chorus has its own texts for.
    public static var builtInLanguages: Set<String> { ["en", "es"] }

    /// The built-in text of `phrase` in `language`, if Chorus speaks it.
    static func builtIn(_ phrase: Phrase, in language: String) -> String? {
        switch language {
        case "en": english(phrase)
        case "es": spanish(phrase)
        default: nil
        }
    }

    /// The phrases each declared language lacks, for languages that have any missing.
    ///
    /// A built-in language lacks nothing. Any other language must supply every phrase itself,
    /// because there is nothing sensible to fall back on in front of a respondent.
    public static func missingPhrases(in survey: Survey) -> [String: [Phrase]] {
        var missing: [String: [Phrase]] = [:]
        for language in survey.languages where !builtInLanguages.contains(language) {
            let lacking = Phrase.allCases.filter { survey.phrases[$0.rawValue]?.translations[language] == nil }
            if !lacking.isEmpty { missing[language] = lacking }
        }
        return missing
    }

    /// The text of `phrase` in `language`, with `{name}` placeholders filled from `values`.
    ///
    /// A placeholder named after a phrase (`{sms-word-back}`) is filled with that phrase unless
    /// `values` has it; an unknown placeholder is left as written, so a mistake shows rather than
    /// silently vanishing. An unchecked survey with no text for `language` falls back to English.
    public func text(_ phrase: Phrase, in language: String, _ values: [String: String] = [:]) -> String {
        fill(plain(phrase, in: language), in: language, values)
    }

    private func plain(_ phrase: Phrase, in language: String) -> String {
        overrides[phrase.rawValue]?.translations[language]
            ?? Self.builtIn(phrase, in: language)
            ?? Self.english(phrase)
    }

    private func fill(_ template: String, in language: String, _ values: [String: String]) -> String {
        // Searched as bytes, not characters: every reply is made of phrases.
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")),
            let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                result += value
            } else if let phrase = Phrase(rawValue: name) {
                // One level only: a phrase used inside another is not filled again, so no cycle can loop.
                result += plain(phrase, in: language)
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
