/// The functions an expression may call, with how many arguments each takes.
enum ExpressionFunction: String, Sendable {
    case selected
    case countSelected = "count-selected"
    case selectedAt = "selected-at"
    case not
    case `if`
    case coalesce
    case `true`
    case `false`
    case boolean
    case booleanFromString = "boolean-from-string"
    case regex
    case string
    case concat
    case stringLength = "string-length"
    case contains
    case startsWith = "starts-with"
    case endsWith = "ends-with"
    case substr
    case normalizeSpace = "normalize-space"
    case translate
    case number
    case int
    case round
    case abs
    case floor
    case ceiling
    case sqrt
    case min
    case max
    case pow
    case today
    case date

    /// Argument counts accepted; `nil` as upper bound means any number.
    var arity: (minimum: Int, maximum: Int?) {
        switch self {
        case .true, .false, .today: (0, 0)
        case .string, .normalizeSpace: (0, 1)
        case .countSelected, .not, .boolean, .booleanFromString, .stringLength, .number, .int, .abs, .floor, .ceiling,
            .sqrt, .date:
            (1, 1)
        case .round: (1, 2)
        case .selected, .selectedAt, .coalesce, .regex, .contains, .startsWith, .endsWith, .pow: (2, 2)
        case .substr: (2, 3)
        case .if, .translate: (3, 3)
        case .concat, .min, .max: (1, nil)
        }
    }

    /// Functions of the ODK XForms and XPath 1.0 libraries that Chorus knows but does not evaluate, because they
    /// need repeats, secondary instances, randomness, the clock, or device data.
    static let unsupported: Set<String> = [
        "acos", "area", "asin", "atan", "atan2", "base64-decode", "checklist", "cos", "count", "count-non-empty",
        "current", "decimal-date-time", "decimal-time", "digest", "distance", "exp", "exp10", "format-date",
        "format-date-time", "id", "indexed-repeat", "instance", "jr:choice-name", "jr:itext", "join", "lang", "last",
        "local-name", "log", "log10", "name", "namespace-uri", "now", "once", "pi", "position", "pulldata", "random",
        "randomize", "sin", "substring", "substring-after", "substring-before", "sum", "tan", "uuid",
        "weighted-checklist",
    ]

    /// Looks up a function by name.
    ///
    /// - Throws: ``ExpressionError`` at `offset` for an unknown or unsupported function.
    static func named(_ name: String, offset: Int) throws(ExpressionError) -> Self {
        if let function = Self(rawValue: name) {
            return function
        }
        if unsupported.contains(name) {
            throw ExpressionError(offset: offset, "function '\(name)' is not supported")
        }
        throw ExpressionError(offset: offset, "unknown function '\(name)'")
    }

    /// - Throws: ``ExpressionError`` at `offset` when `count` is not an accepted argument count.
    func checkArgumentCount(_ count: Int, offset: Int) throws(ExpressionError) {
        let (minimum, maximum) = arity
        if count < minimum || count > maximum ?? Int.max {
            throw ExpressionError(offset: offset, "'\(rawValue)' takes \(arityDescription), not \(count)")
        }
    }

    private var arityDescription: String {
        switch arity {
        case (0, 0): "no arguments"
        case (1, 1): "1 argument"
        case (let minimum, nil): "at least \(minimum) \(minimum == 1 ? "argument" : "arguments")"
        case (let minimum, let maximum?) where minimum == maximum: "\(minimum) arguments"
        case (let minimum, let maximum?): "\(minimum) or \(maximum) arguments"
        }
    }
}
