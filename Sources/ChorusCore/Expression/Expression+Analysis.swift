extension Expression {
    /// Every comparison of a question's answer with a string literal, in source order.
    public var optionReferences: [OptionReference] {
        let references = nodes.compactMap { node -> OptionReference? in
            switch node {
            case .call(.selected, let arguments, _):
                Self.optionReference(arguments[0], arguments[1])
            case .binary(.equal, let left, let right, _), .binary(.notEqual, let left, let right, _):
                Self.optionReference(left, right) ?? Self.optionReference(right, left)
            default:
                nil
            }
        }
        return references.sorted { $0.offset < $1.offset }
    }

    /// Text standing alone as a side of `and` or `or`, as in `area = 'north' or 'south'`: there it
    /// is true unless empty, whatever anyone answered, which its author hardly ever means. With
    /// it, the question the other side compares, if it compares one.
    var bareTextConditions: [(literal: String, offset: Int, comparedQuestion: String?)] {
        var found: [(literal: String, offset: Int, comparedQuestion: String?)] = []
        for node in nodes {
            guard case .binary(let op, let left, let right, _) = node, op == .or || op == .and else { continue }
            for (side, other) in [(left, right), (right, left)] {
                guard case .string(let literal, let offset) = side else { continue }
                let compared = other.allNodes.lazy.compactMap { node -> String? in
                    guard case .binary(.equal, let a, let b, _) = node else { return nil }
                    return a.referencedQuestion ?? b.referencedQuestion
                }.first
                found.append((literal, offset, compared))
            }
        }
        return found.sorted { $0.offset < $1.offset }
    }

    /// Whether the value is the same for every respondent on every day: no question, `.` or `today()`.
    public var isConstant: Bool {
        !nodes.contains { node in
            switch node {
            case .questionReference, .path, .call(.today, _, _): true
            // Without an argument these read the answer being checked.
            case .call(.string, let arguments, _), .call(.normalizeSpace, let arguments, _): arguments.isEmpty
            default: false
            }
        }
    }

    /// Where the expression reads `.`, the answer being checked, if it does; meaningless outside a constraint.
    public var currentValueOffset: Int? {
        for node in nodes {
            if case .path(let path) = node, path.start == .context, path.steps.count == 1,
                path.steps[0].test == .current
            {
                return path.offset
            }
        }
        return nil
    }

    private static func optionReference(_ question: ExpressionNode, _ literal: ExpressionNode) -> OptionReference? {
        guard let id = question.referencedQuestion, case .string(let value, let offset) = literal else { return nil }
        return OptionReference(questionID: id, value: value, offset: offset)
    }

    static func questionIDs(in nodes: [ExpressionNode]) -> [String] {
        var found: [(id: String, offset: Int)] = []
        for node in nodes {
            switch node {
            case .questionReference(let id, let offset):
                found.append((id, offset))
            case .path(let path):
                // Intermediate steps are groups; only the last one names a question.
                if let id = path.questionID, let last = path.steps.last {
                    found.append((id, last.offset))
                }
            default:
                break
            }
        }
        // The tree lists a path before the names in its predicates, though they come first in the source.
        var seen: Set<String> = []
        return found.sorted { $0.offset < $1.offset }.map(\.id).filter { seen.insert($0).inserted }
    }
}
