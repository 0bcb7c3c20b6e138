/// The infix operators, from loosest to tightest binding group.
enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "=", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-"
    case multiply = "*", divide = "div", modulo = "mod"
    case union = "|"

    /// Higher binds tighter; operators of one level associate to the left. Unary minus sits at 7, between `*` and
    /// `|`.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual: 3
        case .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .plus, .minus: 5
        case .multiply, .divide, .modulo: 6
        case .union: 8
        }
    }
}
