extension Expression {
    /// The condition in plain words for a survey preview, in English (`en`) or Spanish (`es`).
    ///
    /// Other languages get English. Parts with no plain reading keep their normalized source text, so
    /// `selected(concerns, 'traffic') and int(age) > 3` reads `concerns includes “traffic” and int(age) > 3`.
    public func explained(language: String) -> String {
        ExpressionExplainer(spanish: language == "es" || language.hasPrefix("es-")).condition(root)
    }
}

/// Renders conditions as sentences; only the handful of shapes conditions usually take get words.
private struct ExpressionExplainer {
    let spanish: Bool

    func condition(_ node: ExpressionNode) -> String {
        switch node {
        case .binary(let operation, let left, let right, _) where operation == .and || operation == .or:
            let word = operation == .and ? (spanish ? "y" : "and") : (spanish ? "o" : "or")
            return "\(part(left, of: operation)) \(word) \(part(right, of: operation))"
        case .binary(let operation, let left, let right, _):
            // Compared with '', an answer is there or not: "area != ''" is "area is answered".
            if operation == .equal || operation == .notEqual, let id = left.referencedQuestion, right.isEmptyText {
                return operation == .notEqual ? answered(id) : notAnswered(id)
            }
            guard let verb = verb(operation), let subject = operand(left), let object = operand(right) else { break }
            return "\(subject) \(verb) \(object)"
        case .call(.selected, let arguments, _):
            guard let list = operand(arguments[0]), let value = operand(arguments[1]) else { break }
            return "\(list) \(spanish ? "incluye" : "includes") \(value)"
        case .call(.contains, let arguments, _):
            guard let text = operand(arguments[0]), let part = operand(arguments[1]) else { break }
            return "\(text) \(spanish ? "contiene" : "contains") \(part)"
        case .call(.not, let arguments, _):
            return negated(arguments[0])
        default:
            if let id = node.referencedQuestion { return answered(id) }
        }
        return node.normalizedSource
    }

    /// An operand of `and`/`or`, in parentheses where the other connective would otherwise regroup it.
    private func part(_ node: ExpressionNode, of connective: BinaryOperator) -> String {
        if case .binary(let operation, _, _, _) = node, operation != connective,
            operation == .and || operation == .or
        {
            return "(\(condition(node)))"
        }
        return condition(node)
    }

    private func negated(_ node: ExpressionNode) -> String {
        if case .call(.selected, let arguments, _) = node, let list = operand(arguments[0]),
            let value = operand(arguments[1])
        {
            return "\(list) \(spanish ? "no incluye" : "does not include") \(value)"
        }
        if case .call(.contains, let arguments, _) = node, let text = operand(arguments[0]),
            let part = operand(arguments[1])
        {
            return "\(text) \(spanish ? "no contiene" : "does not contain") \(part)"
        }
        if let id = node.referencedQuestion { return notAnswered(id) }
        return "\(spanish ? "no" : "not") (\(condition(node)))"
    }

    private func answered(_ id: String) -> String {
        spanish ? "\(id) tiene respuesta" : "\(id) is answered"
    }

    private func notAnswered(_ id: String) -> String {
        spanish ? "\(id) no tiene respuesta" : "\(id) is not answered"
    }

    private func verb(_ operation: BinaryOperator) -> String? {
        switch (operation, spanish) {
        case (.equal, false): "is"
        case (.equal, true): "es"
        case (.notEqual, false): "is not"
        case (.notEqual, true): "no es"
        case (.less, false): "is less than"
        case (.less, true): "es menor que"
        case (.lessOrEqual, false): "is at most"
        case (.lessOrEqual, true): "es como máximo"
        case (.greater, false): "is more than"
        case (.greater, true): "es mayor que"
        case (.greaterOrEqual, false): "is at least"
        case (.greaterOrEqual, true): "es como mínimo"
        default: nil
        }
    }

    /// A value named in words, or `nil` when it has no plain reading.
    private func operand(_ node: ExpressionNode) -> String? {
        switch node {
        case .number(let value):
            return XPathNumber.format(value)
        case .string(let value, _):
            return spanish ? "«\(value)»" : "“\(value)”"
        case .call(.today, _, _):
            return spanish ? "hoy" : "today"
        case .call(.countSelected, let arguments, _):
            guard let answer = answer(arguments[0]) else { return nil }
            return spanish ? "el número de opciones elegidas en \(answer)" : "the number of choices in \(answer)"
        case .call(.stringLength, let arguments, _):
            guard let answer = answer(arguments[0]) else { return nil }
            return spanish ? "la longitud de \(answer)" : "the length of \(answer)"
        default:
            return answer(node)
        }
    }

    /// A question's id, or words for `.` (the answer a constraint checks).
    private func answer(_ node: ExpressionNode) -> String? {
        if case .path(let path) = node, path.start == .context, path.steps.map(\.test) == [.current] {
            return spanish ? "esta respuesta" : "this answer"
        }
        return node.referencedQuestion
    }
}

extension ExpressionNode {
    fileprivate var isEmptyText: Bool {
        if case .string("", _) = self { true } else { false }
    }
}
