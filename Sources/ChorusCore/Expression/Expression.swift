/// A condition or calculation in the XPath 1.0 subset that ODK XForms uses.
///
/// A bare question id, `${id}` or a path whose last step is a question id stands for that
/// question's answer; `.` stands for the answer being checked (in constraints).
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let source: String
    let root: ExpressionNode

    /// Parses `source`.
    ///
    /// - Throws: ``ExpressionError`` whose offset points at the offending character.
    public init(parsing source: String) throws(ExpressionError) {
        self.source = source
        root = try ExpressionParser.parse(source)
        nodes = root.allNodes
        questionIDs = Self.questionIDs(in: nodes)
    }

    /// Every node of the tree, parents first, listed once: a survey's checks go through them
    /// several times for each expression.
    let nodes: [ExpressionNode]

    /// Worked out once, because the interview engine asks for it on every answer.
    private let questionIDs: [String]

    /// The question ids the expression reads, unique, in order of first appearance.
    public var referencedQuestionIDs: [String] { questionIDs }

    /// Evaluates the expression against the answers in `context`.
    public func evaluate(in context: EvaluationContext) throws(ExpressionError) -> ExpressionValue {
        try ExpressionEvaluator(context: context).evaluate(root).expressionValue
    }

    /// Evaluates the expression and converts the result as XPath's `boolean()` does.
    public func isTrue(in context: EvaluationContext) throws(ExpressionError) -> Bool {
        try ExpressionEvaluator(context: context).evaluate(root).boolean
    }

    public var description: String { source }

    /// The source in canonical layout, as `explained(language:)` shows parts it has no words for.
    var normalizedSource: String { root.normalizedSource }

    // The tree follows from the source, so the source alone decides equality.
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
