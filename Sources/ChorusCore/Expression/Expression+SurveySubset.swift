extension Expression {
    /// The parts of the expression that chorus-survey(5) leaves out of a survey's XPath, in source
    /// order: predicates, `|`, the `.` and `..` steps of a longer path, `*`, `/` alone, and a path
    /// that goes on from an expression.
    ///
    /// The parser takes them because ODK forms use them. A survey's answers are one flat list, so
    /// each of them would either be refused when evaluated, which hides the question for good, or
    /// quietly mean something other than what was written.
    var unsupportedInSurvey: [ExpressionError] {
        var found: [ExpressionError] = []
        for node in nodes {
            switch node {
            case .binary(.union, _, _, let offset):
                found.append(ExpressionError(offset: offset, Self.unionAdvice))
            case .filter(let primary, let predicates):
                found.append(Self.predicateError(predicates[0], question: primary.referencedQuestion))
            case .path(let path):
                found += unsupported(in: path)
            default:
                break
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    private static let unionAdvice =
        "'|' is not supported in a survey; to test either of two answers, join two conditions with or, "
        + "as in a = 'x' or b = 'y'"

    private func unsupported(in path: LocationPath) -> [ExpressionError] {
        let advice = path.questionID.map { "write \($0) or ${\($0)}" } ?? "name a question"
        var found: [ExpressionError] = []
        switch path.start {
        case .root where path.steps.isEmpty:
            found.append(
                ExpressionError(offset: path.offset, "'/' alone is not supported in a survey; name a question"))
        case .expression:
            found.append(
                ExpressionError(
                    offset: slash(before: path.steps[0].offset),
                    "a path after an expression is not supported in a survey; \(advice)"))
        case .root, .context:
            break
        }
        for step in path.steps {
            switch step.test {
            case .parent:
                found.append(
                    ExpressionError(
                        offset: step.offset,
                        "'..' is not supported in a survey: questions are not nested; \(advice)"))
            case .current where path.steps.count > 1:
                found.append(
                    ExpressionError(
                        offset: step.offset, "'.' inside a path is not supported in a survey; \(advice)"
                    ))
            case .wildcard:
                found.append(ExpressionError(offset: step.offset, "'*' is not supported in a survey; name a question"))
            case .name, .current:
                break
            }
            if let predicate = step.predicates.first {
                found.append(Self.predicateError(predicate, question: path.questionID))
            }
        }
        return found
    }

    private static func predicateError(_ predicate: Predicate, question: String?) -> ExpressionError {
        let id = question ?? "id"
        return ExpressionError(
            offset: predicate.offset,
            "predicates like [1] are not supported in a survey; a question has one answer, so compare it directly, "
                + "as in \(id) = 'value'")
    }

    /// Where the `/` before the step at `offset` is; only whitespace can stand between them.
    private func slash(before offset: Int) -> Int {
        let scalars = Array(source.unicodeScalars.prefix(offset))
        return scalars.lastIndex(of: "/") ?? offset
    }
}
