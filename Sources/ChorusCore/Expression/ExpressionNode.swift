/// The parsed form of an expression.
indirect enum ExpressionNode: Sendable, Equatable {
    case number(Double)
    /// A string literal, with the offset of its opening quote (option checks point at it).
    case string(String, offset: Int)
    /// `${id}`, with the offset of its `$`.
    case questionReference(String, offset: Int)
    /// A location path; a bare name is a relative path of one step.
    case path(LocationPath)
    case negate(ExpressionNode)
    case binary(BinaryOperator, ExpressionNode, ExpressionNode, offset: Int)
    case call(ExpressionFunction, [ExpressionNode], offset: Int)
    /// A primary expression followed by predicates, as in `(a)[1]`.
    case filter(ExpressionNode, predicates: [Predicate])

    /// The question whose answer the node stands for, if it is a plain reference to one.
    var referencedQuestion: String? {
        switch self {
        case .questionReference(let id, _): id
        case .path(let path): path.questionID
        default: nil
        }
    }

    var children: [ExpressionNode] {
        switch self {
        case .number, .string, .questionReference: []
        case .path(let path): path.children
        case .negate(let operand): [operand]
        case .binary(_, let left, let right, _): [left, right]
        case .call(_, let arguments, _): arguments
        case .filter(let primary, let predicates): [primary] + predicates.map(\.condition)
        }
    }

    /// Every node of the tree, parents before children, left to right.
    ///
    /// Iterative, so that very long `or` chains cannot exhaust the stack here.
    var allNodes: [ExpressionNode] {
        var result: [ExpressionNode] = []
        var pending = [self]
        while let node = pending.popLast() {
            result.append(node)
            pending.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// The length of the longest chain from this node to a leaf.
    var height: Int {
        var deepest = 0
        var pending = [(self, 1)]
        while let (node, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            pending.append(contentsOf: node.children.map { ($0, depth + 1) })
        }
        return deepest
    }
}
