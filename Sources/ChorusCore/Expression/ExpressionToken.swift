/// One lexical token of an expression, with where it starts in the source.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        /// A name test or function name, prefix included (`jr:choice-name`).
        case name(String)
        /// `${id}`, the XLSForm way of naming a question.
        case questionReference(String)
        case leftParenthesis, rightParenthesis, leftBracket, rightBracket, comma
        case dot, dotDot, slash, wildcard
        case binaryOperator(BinaryOperator)
        case end
    }

    var kind: Kind
    /// Unicode scalars from the start of the source.
    var offset: Int
    /// The token as written, for messages.
    var text: String

    /// Whether a name or `*` after this token is an operator, following the XPath 1.0 lexical rules (§3.7).
    var putsNextInOperatorPosition: Bool {
        switch kind {
        case .number, .string, .name, .questionReference, .rightParenthesis, .rightBracket, .dot, .dotDot, .wildcard:
            true
        case .leftParenthesis, .leftBracket, .comma, .slash, .binaryOperator, .end:
            false
        }
    }
}
