extension Survey {
    /// Phrase overrides with keys Chorus does not know, and languages that lack wording for
    /// some interface phrase (a language Chorus has no built-in phrasebook for must supply all).
    func phraseProblems() -> [SurveyProblem] {
        var problems: [SurveyProblem] = []
        let known = Phrase.allCases.map(\.rawValue)
        for key in phrases.keys.sorted() where Phrase(rawValue: key) == nil {
            let suggestion = Self.closest(to: key, in: known, within: 3).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(
                SurveyProblem(.surveyText(element: "phrase:\(key)"), "unknown phrase key '\(key)'\(suggestion)"))
        }
        let missing = Phrasebook.missingPhrases(in: self)
        let builtIn = Phrasebook.builtInLanguages.sorted()
        for language in languages {
            guard let phrases = missing[language], !phrases.isEmpty else { continue }
            var message = "Chorus has no built-in wording in '\(language)' (only \(builtIn.joined(separator: ", ")))"
            if phrases.count == Phrase.allCases.count {
                // None given: most likely a slip for a language Chorus has, not a new language.
                if let meant = Self.closest(to: language.lowercased(), in: builtIn, within: 1)
                    ?? Self.languageNames[language.lowercased()]
                {
                    message += "; did you mean '\(meant)'? To"
                } else {
                    message += "; to"
                }
                message +=
                    " survey in '\(language)', add a <phrase xml:lang=\"\(language)\"> for each of the "
                    + "\(phrases.count) phrases chorus-survey(5) lists"
            } else {
                message +=
                    "; add a <phrase xml:lang=\"\(language)\"> for each of: "
                    + phrases.map(\.rawValue).joined(separator: ", ")
            }
            problems.append(SurveyProblem(.survey(attribute: "languages"), message))
        }
        return problems
    }

    /// Tags that organizers write for the languages Chorus has wording in.
    private static let languageNames = [
        "sp": "es", "spa": "es", "spanish": "es", "espanol": "es", "español": "es", "eng": "en", "english": "en",
    ]

    /// The candidate fewest edits from `name`, if it is at most `within` edits away: what an author
    /// who wrote `name` probably meant.
    package static func closest(to name: String, in candidates: some Sequence<String>, within: Int) -> String? {
        let scored = candidates.map { ($0, distance(name, $0)) }.filter { $0.1 <= within }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Edit distance, for suggesting the key an author probably meant.
    package static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
