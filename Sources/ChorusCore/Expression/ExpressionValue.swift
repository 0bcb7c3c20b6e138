/// The result of evaluating an expression: one of XPath's three scalar types.
public enum ExpressionValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case boolean(Bool)
}
