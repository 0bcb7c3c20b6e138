/// A condition or calculation in the XPath 1.0 subset that ODK XForms uses.
///
/// A bare question id, `${id}` or a path whose last step is a question id stands for that
/// question's answer; `.` stands for the answer being checked (in constraints).
public struct Expression: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let source: String

    /// Parses `source`.
    ///
    /// - Throws: ``ExpressionError`` whose offset points at the offending character.
    public init(parsing source: String) throws(ExpressionError) {
        fatalError("unimplemented")
    }

    /// The question ids the expression reads, unique, in order of first appearance.
    public var referencedQuestionIDs: [String] { fatalError("unimplemented") }

    /// Evaluates the expression against the answers in `context`.
    public func evaluate(in context: EvaluationContext) throws(ExpressionError) -> ExpressionValue {
        fatalError("unimplemented")
    }

    /// Evaluates the expression and converts the result as XPath's `boolean()` does.
    public func isTrue(in context: EvaluationContext) throws(ExpressionError) -> Bool {
        fatalError("unimplemented")
    }

    public var description: String { source }
}
