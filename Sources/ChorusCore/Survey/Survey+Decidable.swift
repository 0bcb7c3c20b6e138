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
