extension ExpressionNode {
    /// The expression written back in one canonical layout: single spaces around operators, `, ` between
    /// arguments, and parentheses only where precedence needs them.
    var normalizedSource: String {
        switch self {
        case .number(let value):
            return XPathNumber.format(value)
        case .string(let value, _):
            return Self.quoted(value)
        case .questionReference(let id, _):
            return "${\(id)}"
        case .path(let path):
            return path.normalizedSource
        case .negate(let operand):
            return "-" + operand.rendered(within: Self.unaryPrecedence)
        case .binary(let operation, let left, let right, _):
            let leftText = left.rendered(within: operation.precedence)
            // Operators of one level associate to the left, so an equal-precedence right operand needs parentheses.
            let rightText = right.rendered(within: operation.precedence + 1)
            return "\(leftText) \(operation.rawValue) \(rightText)"
        case .call(let function, let arguments, _):
            return "\(function.rawValue)(\(arguments.map(\.normalizedSource).joined(separator: ", ")))"
        case .filter(let primary, let predicates):
            return primary.rendered(within: Self.primaryPrecedence) + predicates.map(\.normalizedSource).joined()
        }
    }

    private static let unaryPrecedence = 7
    fileprivate static let primaryPrecedence = 9

    private var precedence: Int {
        switch self {
        case .binary(let operation, _, _, _): operation.precedence
        case .negate: Self.unaryPrecedence
        // In `(/) * 2` the `*` would read as a name test after a bare `/`, so such a root always keeps parentheses.
        case .path(let path) where path.start == .root && path.steps.isEmpty: 0
        default: Self.primaryPrecedence
        }
    }

    fileprivate func rendered(within minimum: Int) -> String {
        precedence < minimum ? "(\(normalizedSource))" : normalizedSource
    }

    /// A literal in whichever quotes it does not contain (XPath 1.0 literals have no escapes).
    static func quoted(_ value: String) -> String {
        value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}

extension Predicate {
    var normalizedSource: String { "[\(condition.normalizedSource)]" }
}

extension LocationPath {
    var normalizedSource: String {
        let steps = steps.map { $0.test.text + $0.predicates.map(\.normalizedSource).joined() }.joined(separator: "/")
        switch start {
        case .context: return steps
        case .root: return "/" + steps
        case .expression(let node): return "\(node.rendered(within: ExpressionNode.primaryPrecedence))/\(steps)"
        }
    }
}
