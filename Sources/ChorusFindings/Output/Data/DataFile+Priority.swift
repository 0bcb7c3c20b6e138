import ChorusCore

extension DataFile {
    /// One question's priorities: an option a row, in ranked order, with its place, score, first
    /// choices and how many respondents named it in their top N.
    init(priority: PriorityResult, words: ReleaseWords, languages: [String]) {
        var fields = [
            DataField(
                name: "option", type: .string, title: words.text(priority.title),
                description: words.priorityOptionDescription(priority.questionID) + "\n\n"
                    + words.everyLanguage(priority.title, languages),
                categories: priority.options.map { ($0.value, words.text($0.label)) }),
            DataField(
                name: "place", type: .integer, title: words.placeTitle, description: words.placeDescription,
                isCount: true),
            DataField(
                name: "score", type: .integer, title: words.scoreTitle,
                description: words.scoreDescription(priority.method), isCount: true),
            DataField(
                name: "first_choices", type: .integer, title: words.firstChoicesTitle,
                description: words.firstChoicesDescription, isCount: true),
        ]
        fields += Self.countFields(words: words, shareOf: words.ballotsBase, countName: "named").map { field in
            var field = field
            if field.name == "named" { field.title = words.namedTitle(topN: priority.topN) }
            return field
        }
        fields.append(
            DataField(
                name: "tie", type: .string, title: words.tieTitle, description: words.tieDescription,
                categories: PriorityTie.Resolution.allCases.map { ($0.rawValue, words.tieResolution($0)) }))

        var resolutions: [String: String] = [:]
        for tie in priority.ties {
            for value in tie.values { resolutions[value] = tie.resolution.rawValue }
        }
        let none = MissingCode.notApplicable
        self.init(
            path: "priorities/\(priority.questionID).csv",
            title: words.priorityTitle(priority),
            description: words.priorityDescription(priority),
            fields: fields,
            primaryKey: ["option"],
            records: priority.options.map { option in
                let withheld = option.score == nil ? MissingCode.suppressed : none
                let first = option.firstChoices.map { $0.value.map(String.init) ?? MissingCode.suppressed }
                return [
                    option.value, option.place.map(String.init) ?? withheld, option.score.map(String.init) ?? withheld,
                    first ?? none,
                ] + Self.countValues(count: option.named, share: option.topShare) + [resolutions[option.value] ?? none]
            }
        )
    }
}
