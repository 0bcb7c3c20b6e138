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

/// `[condition]` after a step or a primary expression.
struct Predicate: Sendable, Equatable {
    var condition: ExpressionNode
    /// Where the `[` is, for the error that refuses to evaluate it.
    var offset: Int
}

extension LocationPath.Step.Test {
    /// The step as written, for messages.
    var text: String {
        switch self {
        case .name(let name): name
        case .wildcard: "*"
        case .current: "."
        case .parent: ".."
        }
    }
}
