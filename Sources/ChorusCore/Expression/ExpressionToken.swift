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

/// The infix operators, from loosest to tightest binding group.
enum BinaryOperator: String, Sendable, CaseIterable {
    case or, and
    case equal = "=", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-"
    case multiply = "*", divide = "div", modulo = "mod"
    case union = "|"

    /// Higher binds tighter; operators of one level associate to the left.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .plus, .minus: 5
        case .multiply, .divide, .modulo: 6
        case .union: 7
        }
    }
}
