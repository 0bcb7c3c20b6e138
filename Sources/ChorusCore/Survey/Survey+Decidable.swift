extension Survey {
    /// Largest answer set tried when deciding whether a constraint can hold; beyond it, the
    /// survey's author is trusted.
    static let decidableDomainLimit = 4096

    /// A message when `test` holds for none of the answers `question` can take, decided by
    /// trying them all where they are few and the test reads nothing but `.`.
    func neverHolds(_ test: Expression, on question: Question) -> String? {
        guard test.referencedQuestionIDs.isEmpty, !test.source.contains("today") else { return nil }
        guard let (domain, description) = Self.domain(of: question.kind) else { return nil }
        let holds = domain.contains { value in
            (try? test.isTrue(in: EvaluationContext(answers: [:], currentValue: value, today: 0))) == true
        }
        return holds ? nil : "constraint '\(test.source)' can never hold for \(description)"
    }

    /// A message when `showIf` holds for none of the answers the questions it reads can have,
    /// unanswered included, decided by trying them all where they are few: the question would
    /// never be asked. `indexByID` finds each question it reads.
    func neverShown(_ showIf: Expression, on question: Question, indexByID: [String: Int]) -> String? {
        guard !showIf.isConstant, !showIf.source.contains("today") else { return nil }
        var read: [(id: String, values: [String], description: String)] = []
        for id in showIf.referencedQuestionIDs {
            // A multiple choice's answer lists its choices in the order they were made, which
            // trying each set in one order would not cover.
            guard let asked = indexByID[id].map({ questions[$0] }), !asked.kind.isMultiple,
                let (domain, description) = Self.domain(of: asked.kind)
            else { return nil }
            read.append((id, domain + [""], description))
        }
        guard !read.isEmpty, read.reduce(1, { $0 * $1.values.count }) <= Self.decidableDomainLimit else { return nil }
        var places = Array(repeating: 0, count: read.count)
        while true {
            let answers = Dictionary(
                uniqueKeysWithValues: read.indices.map { (read[$0].id, read[$0].values[places[$0]]) })
            if (try? showIf.isTrue(in: EvaluationContext(answers: answers, today: 0))) == true { return nil }
            guard let next = places.indices.first(where: { places[$0] + 1 < read[$0].values.count }) else { break }
            places[next] += 1
            for earlier in 0..<next { places[earlier] = 0 }
        }
        let whatever = read.map { "'\($0.id)' (\($0.description))" }.joined(separator: " and ")
        return "show-if '\(showIf.source)' can never hold, whatever the answer to \(whatever), "
            + "so '\(question.id)' would never be asked"
    }

    private static func domain(of kind: QuestionKind) -> ([String], String)? {
        switch kind {
        case .scale(let minimum, let maximum, _, _):
            return ((minimum...maximum).map(String.init), "a scale from \(minimum) to \(maximum)")
        case .single(let options):
            return (options.map(\.value), "any of its options")
        case .yesNo:
            return (["yes", "no"], "yes or no")
        case .number(let minimum?, let maximum?, 0) where maximum - minimum < Double(decidableDomainLimit):
            let range = Int(minimum.rounded(.up))...Int(maximum.rounded(.down))
            return (
                range.map(String.init), "a whole number from \(Answer.format(minimum)) to \(Answer.format(maximum))"
            )
        case .multiple(let options, let maximum) where options.count <= 12:
            let limit = maximum ?? options.count
            var subsets: [String] = []
            for mask in 1..<(1 << options.count) where mask.nonzeroBitCount <= limit {
                subsets.append(
                    options.indices.filter { mask & (1 << $0) != 0 }.map { options[$0].value }.joined(separator: " "))
            }
            return (subsets, "any choice of its options")
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
