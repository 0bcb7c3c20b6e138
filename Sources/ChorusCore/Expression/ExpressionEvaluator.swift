/// Evaluates a parsed expression against one set of answers.
struct ExpressionEvaluator {
    let context: EvaluationContext

    func evaluate(_ node: ExpressionNode) throws(ExpressionError) -> XPathValue {
        switch node {
        case .number(let value):
            return .number(value)
        case .string(let value, _):
            return .string(value)
        case .questionReference(let id, _):
            return answer(to: id)
        case .path(let path):
            return try evaluate(path)
        case .negate(let operand):
            return .number(-(try evaluate(operand).number))
        case .binary(let operation, let left, let right, let offset):
            return try evaluate(operation, left, right, offset: offset)
        case .call(let function, let arguments, let offset):
            return try call(function, arguments, offset: offset)
        case .filter(_, let predicates):
            throw Self.refusePredicate(predicates[0])
        }
    }

    private func answer(to id: String) -> XPathValue {
        .string(context.answers[id] ?? "")
    }

    private func evaluate(_ path: LocationPath) throws(ExpressionError) -> XPathValue {
        switch path.start {
        case .expression:
            throw ExpressionError(offset: path.offset, "a path that starts from an expression cannot be evaluated")
        case .root where path.steps.isEmpty:
            throw ExpressionError(offset: path.offset, "'/' alone cannot be evaluated: name a question")
        case .root, .context:
            break
        }
        for step in path.steps {
            if let predicate = step.predicates.first {
                throw Self.refusePredicate(predicate)
            }
            if step.test == .wildcard {
                throw ExpressionError(offset: step.offset, "'*' cannot be evaluated: name a question")
            }
        }
        let last = path.steps[path.steps.count - 1]
        switch last.test {
        case .name(let id):
            return answer(to: id)
        case .current where path.start == .context && path.steps.allSatisfy({ $0.test == .current }):
            return .string(context.currentValue ?? "")
        case .parent, .current, .wildcard:
            // Chorus answers are flat: there is no group or repeat around a question to step into.
            throw ExpressionError(offset: last.offset, "'\(last.test.text)' cannot be evaluated here: name a question")
        }
    }

    private static func refusePredicate(_ predicate: Predicate) -> ExpressionError {
        ExpressionError(offset: predicate.offset, "predicates ('[…]') cannot be evaluated")
    }

    private func evaluate(
        _ operation: BinaryOperator,
        _ left: ExpressionNode,
        _ right: ExpressionNode,
        offset: Int
    ) throws(ExpressionError) -> XPathValue {
        switch operation {
        // Written out because `||` and `&&` take autoclosures, which lose the typed throw.
        case .or:
            if try evaluate(left).boolean { return .boolean(true) }
            return .boolean(try evaluate(right).boolean)
        case .and:
            if try !evaluate(left).boolean { return .boolean(false) }
            return .boolean(try evaluate(right).boolean)
        case .union:
            throw ExpressionError(offset: offset, "'|' cannot be evaluated: chorus has no node sets")
        default:
            break
        }
        let (a, b) = (try evaluate(left), try evaluate(right))
        switch operation {
        case .equal: return .boolean(Self.equal(a, b))
        case .notEqual: return .boolean(!Self.equal(a, b))
        case .less: return .boolean(a.number < b.number)
        case .lessOrEqual: return .boolean(a.number <= b.number)
        case .greater: return .boolean(a.number > b.number)
        case .greaterOrEqual: return .boolean(a.number >= b.number)
        case .plus: return .number(a.number + b.number)
        case .minus: return .number(a.number - b.number)
        case .multiply: return .number(a.number * b.number)
        case .divide: return .number(a.number / b.number)
        case .modulo: return .number(a.number.truncatingRemainder(dividingBy: b.number))
        case .or, .and, .union: preconditionFailure("handled above")
        }
    }

    /// XPath 1.0 `=` on scalars: as booleans if either is one, else as numbers if either is one (a date counts
    /// as its day number, so `today() = '2024-01-02'` works), else as strings.
    static func equal(_ a: XPathValue, _ b: XPathValue) -> Bool {
        switch (a, b) {
        case (.boolean, _), (_, .boolean):
            return a.boolean == b.boolean
        case (.number, _), (_, .number), (.date, _), (_, .date):
            return a.number == b.number
        case (.string(let x), .string(let y)):
            // Code point equality, as XPath compares; Swift's `==` would also equate canonical equivalents.
            return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        }
    }
}
