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

/// `[condition]` after a step or a primary expression.
struct Predicate: Sendable, Equatable {
    var condition: ExpressionNode
    /// Where the `[` is, for the error that refuses to evaluate it.
    var offset: Int
}

/// `/data/q`, `../q`, `.`, `q` or `expr/q`.
struct LocationPath: Sendable, Equatable {
    enum Start: Sendable, Equatable {
        /// From the context node, as `q` or `../q`.
        case context
        /// From the document root, as `/data/q`.
        case root
        /// From the node set an expression returns, as `instance('x')/item`.
        case expression(ExpressionNode)
    }

    struct Step: Sendable, Equatable {
        enum Test: Sendable, Equatable {
            case name(String)
            case wildcard
            case current
            case parent
        }

        var test: Test
        var predicates: [Predicate]
        var offset: Int
    }

    var start: Start
    var steps: [Step]
    var offset: Int

    /// The question the path ends at: the last step, when it is a name.
    var questionID: String? {
        guard case .name(let name)? = steps.last?.test else { return nil }
        return name
    }

    var children: [ExpressionNode] {
        var result: [ExpressionNode] = []
        if case .expression(let node) = start {
            result.append(node)
        }
        for step in steps {
            result.append(contentsOf: step.predicates.map(\.condition))
        }
        return result
    }
}
