extension Survey {
    /// Largest answer set tried when deciding whether a constraint can hold; beyond it, the
    /// survey's author is trusted.
    static let decidableDomainLimit = 4096

    /// A message when `test` holds for none of the answers `question` can take, decided by
    /// trying them all where they are few and the test reads nothing but `.`.
    func neverHolds(_ test: Expression, on question: Question) -> String? {
        guard test.referencedQuestionIDs.isEmpty, !test.source.contains("today") else { return nil }
        guard let domain = Domain(question.kind) else { return nil }
        let holds = (0..<domain.count).contains { index in
            let context = EvaluationContext(answers: [:], currentValue: domain.answer(index), today: 0)
            return (try? test.isTrue(in: context)) == true
        }
        return holds ? nil : "constraint '\(test.source)' can never hold for \(domain.description)"
    }

    /// A message when `showIf` holds for none of the answers the questions it reads can have,
    /// unanswered included, decided by trying them all where they are few: the question would
    /// never be asked. `indexByID` finds each question it reads.
    func neverShown(_ showIf: Expression, on question: Question, indexByID: [String: Int]) -> String? {
        guard !showIf.isConstant, !showIf.source.contains("today") else { return nil }
        var read: [(id: String, domain: Domain)] = []
        for id in showIf.referencedQuestionIDs {
            // A multiple choice's answer lists its choices in the order they were made, which
            // trying each set in one order would not cover.
            guard let asked = indexByID[id].map({ questions[$0] }), !asked.kind.isMultiple,
                let domain = Domain(asked.kind)
            else { return nil }
            read.append((id, domain))
        }
        // One more place for each question: unanswered.
        guard !read.isEmpty, read.reduce(1, { $0 * ($1.domain.count + 1) }) <= Self.decidableDomainLimit else {
            return nil
        }
        var places = Array(repeating: 0, count: read.count)
        while true {
            var answers: [String: String] = [:]
            for (place, (id, domain)) in zip(places, read) {
                answers[id] = place < domain.count ? domain.answer(place) : ""
            }
            if (try? showIf.isTrue(in: EvaluationContext(answers: answers, today: 0))) == true { return nil }
            guard let next = places.indices.first(where: { places[$0] < read[$0].domain.count }) else { break }
            places[next] += 1
            for earlier in 0..<next { places[earlier] = 0 }
        }
        let whatever = read.map { "'\($0.id)' (\($0.domain.description))" }.joined(separator: " and ")
        return "show-if '\(showIf.source)' can never hold, whatever the answer to \(whatever), "
            + "so '\(question.id)' would never be asked"
    }
}

/// The answers a question can take where they are few enough to try, each made only when tried:
/// most conditions hold for the first.
private struct Domain {
    let count: Int
    let answer: (Int) -> String
    /// The answers in words, such as "a scale from 1 to 5".
    let description: String

    init?(_ kind: QuestionKind) {
        switch kind {
        case .scale(let minimum, let maximum, _, _):
            (count, answer) = (maximum - minimum + 1, { String(minimum + $0) })
            description = "a scale from \(minimum) to \(maximum)"
        case .single(let options):
            (count, answer) = (options.count, { options[$0].value })
            description = "any of its options"
        case .yesNo:
            (count, answer) = (2, { $0 == 0 ? "yes" : "no" })
            description = "yes or no"
        case .number(let minimum?, let maximum?, 0) where maximum - minimum < Double(Survey.decidableDomainLimit):
            let low = Int(minimum.rounded(.up))
            (count, answer) = (max(0, Int(maximum.rounded(.down)) - low + 1), { String(low + $0) })
            description = "a whole number from \(Answer.format(minimum)) to \(Answer.format(maximum))"
        case .multiple(let options, let maximum) where options.count <= 12:
            let limit = maximum ?? options.count
            var subsets: [String] = []
            for mask in 1..<(1 << options.count) where mask.nonzeroBitCount <= limit {
                subsets.append(
                    options.indices.filter { mask & (1 << $0) != 0 }.map { options[$0].value }.joined(separator: " "))
            }
            (count, answer) = (subsets.count, { subsets[$0] })
            description = "any choice of its options"
        default:
            return nil
        }
    }
}

extension QuestionKind {
    fileprivate var isMultiple: Bool {
        if case .multiple = self { true } else { false }
    }
}
