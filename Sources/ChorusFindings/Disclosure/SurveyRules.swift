import ChorusCore

/// What a reader knows from the survey itself, and so of every release of a survey version, the
/// earlier ones too: a ranking names exactly its picks and fills every place; those who answered
/// a question shown for some answers of an earlier one are among those who gave them, in
/// everyone and in each group, and all of them when it must be answered ("safe-night ≤ 2" makes
/// those who answered safer-with at a site some of those who rated 1 or 2 there).
enum SurveyRules {
    struct Rule: Sendable {
        var terms: [(key: String, coefficient: Int)]
        var isEquality: Bool
    }

    /// The rules among the counts named `keys`.
    static func rules(_ slots: [QuestionSlot], keys: some Sequence<String>) -> [Rule] {
        let keys = Set(keys)
        var rules: [Rule] = []
        for slot in slots {
            let id = slot.question.id
            let base = StatisticKey.question(id)
            let groups =
                [""] + keys.filter { $0.hasPrefix(base + "|") }.map { String($0.dropFirst(base.count)) }.sorted()
            if case .ranked(let picks) = slot.shape {
                for group in groups {
                    let named = slot.values.map { StatisticKey.answer(id, $0.code) + group }
                    guard keys.contains(base + group), named.allSatisfy(keys.contains) else { continue }
                    rules.append(Rule(terms: named.map { ($0, 1) } + [(base + group, -picks)], isEquality: true))
                }
                for position in 2...max(2, picks) where keys.contains(StatisticKey.reached(id, position: position)) {
                    rules.append(
                        Rule(terms: [(StatisticKey.reached(id, position: position), 1), (base, -1)], isEquality: true))
                }
            }
            guard let showIf = slot.question.showIf, let shown = shownFor(showIf, slots) else { continue }
            for group in groups {
                let parts = shown.values.map { StatisticKey.answer(shown.id, $0) + group }
                guard keys.contains(base + group), parts.allSatisfy(keys.contains) else { continue }
                rules.append(
                    Rule(
                        terms: [(base + group, 1)] + parts.map { ($0, -1) },
                        isEquality: shown.isExact && slot.question.isRequired))
            }
        }
        return rules
    }

    /// The counts among `keys` the survey makes 0, whatever anyone answered: in a breakdown, an
    /// answer to a question asked only for some answers of another by those who gave one of the
    /// others or left it out ("years-here" among those from "elsewhere", who are never asked it),
    /// and the other way round ("elsewhere" among those who answered years-here). A reader knows
    /// each of them from the survey, so publishing one tells nothing about anyone.
    static func forcedZeros(_ slots: [QuestionSlot], keys: some Sequence<String>) -> [String] {
        var zeros: [String] = []
        // Those with groups only: a count of everyone is never forced.
        let grouped = keys.map { ($0, StatisticKey.parts(of: $0)) }.filter { $0.1.count > 1 }
        for slot in slots {
            guard let showIf = slot.question.showIf, let shown = shownFor(showIf, slots), shown.isExact,
                let reads = slots.first(where: { $0.question.id == shown.id })
            else { continue }
            let id = slot.question.id
            let hidden = reads.values.map(\.code).filter { !shown.values.contains($0) }
            // Those who left out what the show-if reads are never shown the question, unless
            // everyone answers it, and then there are none of them.
            let outside = Set(
                hidden.map { StatisticKey.grouped(by: shown.id, $0) } + [StatisticKey.grouped(by: shown.id, nil)])
            let hiddenAnswers = Set(hidden.map { StatisticKey.answer(shown.id, $0) })
            for (key, parts) in grouped {
                let (first, groups) = (parts[0], parts.dropFirst())
                if StatisticKey.isAbout(first, question: id), groups.contains(where: { outside.contains(String($0)) }) {
                    zeros.append(key)
                } else if hiddenAnswers.contains(String(first)),
                    groups.contains(where: { StatisticKey.isInGroup($0, of: id) })
                {
                    zeros.append(key)
                }
            }
        }
        return zeros
    }

    /// The question `showIf` reads and those of its answers that show the question, when it reads
    /// one question, no one who left that out is shown it (or everyone answers it, as
    /// "area != 'elsewhere'" reads a required area), and which answers show it can be told
    /// answer by answer: any answer of a single choice, scale or yes-no, exactly; or one option
    /// chosen among others, which every choice that shows it has.
    private static func shownFor(_ showIf: Expression, _ slots: [QuestionSlot])
        -> (id: String, values: [String], isExact: Bool)?
    {
        guard showIf.referencedQuestionIDs.count == 1, let id = showIf.referencedQuestionIDs.first,
            !showIf.source.contains("today"), let slot = slots.first(where: { $0.question.id == id })
        else { return nil }
        func shows(_ answer: String) -> Bool {
            (try? showIf.isTrue(in: EvaluationContext(answers: [id: answer], today: 0))) ?? true
        }
        // Leaving out a question everyone must answer is not an answer anyone can give.
        let isAlwaysAnswered = slot.question.isRequired && slot.question.showIf == nil
        guard isAlwaysAnswered || !shows("") else { return nil }
        let codes = slot.values.map(\.code)
        switch slot.question.kind {
        case .single, .scale, .yesNo:
            return (id, codes.filter(shows), true)
        case .multiple, .rank:
            // Only "selected(concerns, 'police')": every choice with that option shows it, and
            // every choice of all the others does not.
            let references = showIf.optionReferences
            guard references.count == 1, let option = references.first?.value, codes.contains(option),
                shows(option), !shows(codes.filter { $0 != option }.joined(separator: " "))
            else { return nil }
            return (id, [option], false)
        default:
            return nil
        }
    }
}
