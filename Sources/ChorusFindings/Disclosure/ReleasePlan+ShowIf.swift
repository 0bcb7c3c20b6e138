import ChorusCore

/// What a reader of the survey knows from its show-ifs: those who answered a question shown only
/// to those who gave some answers to an earlier one are among them, in every group; all of them,
/// when the question must be answered. "safe-night ≤ 2" makes the people who answered
/// safer-with at a site some of those who rated 1 or 2 there.
extension ReleasePlan {
    mutating func addShowIfRelations() {
        for slot in slots {
            guard let showIf = slot.question.showIf, let (from, values, isExact) = shownFor(showIf) else { continue }
            let base = StatisticKey.question(slot.question.id)
            let answeredCounts = statistics.statistics.indices.filter { id in
                let key = statistics.statistics[id].key
                return key == base || key.hasPrefix(base + "|")
            }
            for answered in answeredCounts {
                let group = String(statistics.statistics[answered].key.dropFirst(base.count))
                let parts = values.compactMap { statistics.id(of: StatisticKey.answer(from, $0) + group) }
                guard parts.count == values.count else { continue }
                let counts = statistics.statistics
                let shown = parts.reduce(0) { $0 + counts[$1].value }
                // Answers the survey's rule does not explain, from data stored otherwise, say nothing.
                guard counts[answered].value <= shown else { continue }
                statistics.relate(
                    [(answered, 1)] + parts.map { ($0, -1) },
                    isEquality: isExact && slot.question.isRequired && counts[answered].value == shown)
            }
        }
    }

    /// The question `showIf` reads and those of its answers that show the question, when it reads
    /// one question, no one who left that out is shown it, and which answers show it can be told
    /// answer by answer: any answer of a single choice, scale or yes-no, exactly; or one option
    /// chosen among others, which every choice that shows it has.
    private func shownFor(_ showIf: Expression) -> (id: String, values: [String], isExact: Bool)? {
        guard showIf.referencedQuestionIDs.count == 1, let id = showIf.referencedQuestionIDs.first,
            !showIf.source.contains("today"), let slot = slots.first(where: { $0.question.id == id })
        else { return nil }
        func shows(_ answer: String) -> Bool {
            (try? showIf.isTrue(in: EvaluationContext(answers: [id: answer], today: 0))) ?? true
        }
        guard !shows("") else { return nil }
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
