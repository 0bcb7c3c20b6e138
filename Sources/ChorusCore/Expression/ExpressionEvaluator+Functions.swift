extension ExpressionEvaluator {
    func call(
        _ function: ExpressionFunction,
        _ arguments: [ExpressionNode],
        offset: Int
    ) throws(ExpressionError) -> XPathValue {
        // Only the branch taken is evaluated, so the other may read what this context cannot.
        if function == .if {
            return try evaluate(try evaluate(arguments[0]).boolean ? arguments[1] : arguments[2])
        }
        var values: [XPathValue] = []
        for argument in arguments {
            values.append(try evaluate(argument))
        }
        switch function {
        case .if, .selected, .countSelected, .selectedAt, .not, .coalesce, .true, .false, .boolean,
            .booleanFromString, .regex:
            return try logical(function, values, offset: offset)
        case .string, .concat, .stringLength, .contains, .startsWith, .endsWith, .substr, .normalizeSpace,
            .translate:
            return textual(function, values)
        case .number, .int, .round, .abs, .floor, .ceiling, .sqrt, .min, .max, .pow, .today, .date:
            return numeric(function, values)
        }
    }

    private func logical(
        _ function: ExpressionFunction,
        _ values: [XPathValue],
        offset: Int
    ) throws(ExpressionError) -> XPathValue {
        switch function {
        case .selected:
            let wanted = values[1].string.trimmingXMLWhitespace
            return .boolean(values[0].string.xmlWhitespaceSeparatedItems.contains { $0.isIdentical(to: wanted) })
        case .countSelected:
            return .number(Double(values[0].string.xmlWhitespaceSeparatedItems.count))
        case .selectedAt:
            let items = values[0].string.xmlWhitespaceSeparatedItems
            let index = values[1].number.rounded(.towardZero)
            guard index >= 0, index < Double(items.count) else { return .string("") }
            return .string(items[Int(index)])
        case .not:
            return .boolean(!values[0].boolean)
        case .coalesce:
            return values[0].string.isEmpty ? values[1] : values[0]
        case .true:
            return .boolean(true)
        case .false:
            return .boolean(false)
        case .boolean:
            return .boolean(values[0].boolean)
        case .booleanFromString:
            let text = values[0].string
            return .boolean(text == "true" || text == "1")
        case .regex:
            let pattern = values[1].string
            guard let regex = try? Regex(pattern) else {
                throw ExpressionError(offset: offset, "invalid regular expression '\(pattern)'")
            }
            // ODK tests whether the pattern matches anywhere, as Java's find() does; anchors must be explicit.
            return .boolean(values[0].string.contains(regex))
        default:
            preconditionFailure("\(function) is not a logical function")
        }
    }

    private func textual(_ function: ExpressionFunction, _ values: [XPathValue]) -> XPathValue {
        // Without an argument these functions read the context node, which is the answer being checked.
        let first = values.first?.string ?? context.currentValue ?? ""
        switch function {
        case .string:
            return .string(first)
        case .concat:
            return .string(values.map(\.string).joined())
        case .stringLength:
            // XPath counts characters as code points, so "é" written as e + U+0301 is 2.
            return .number(Double(first.unicodeScalars.count))
        case .contains:
            return .boolean(Array(first.unicodeScalars).contains(subsequence: Array(values[1].string.unicodeScalars)))
        case .startsWith:
            return .boolean(first.unicodeScalars.starts(with: values[1].string.unicodeScalars))
        case .endsWith:
            return .boolean(first.unicodeScalars.reversed().starts(with: values[1].string.unicodeScalars.reversed()))
        case .substr:
            return .string(substring(first, from: values[1].number, to: values.count > 2 ? values[2].number : nil))
        case .normalizeSpace:
            return .string(first.xmlWhitespaceSeparatedItems.joined(separator: " "))
        case .translate:
            return .string(translate(first, from: values[1].string, to: values[2].string))
        default:
            preconditionFailure("\(function) is not a string function")
        }
    }

    /// ODK's `substr`: 0-based, `end` exclusive, negative positions counted from the end.
    private func substring(_ text: String, from start: Double, to end: Double?) -> String {
        let scalars = Array(text.unicodeScalars)
        let count = Double(scalars.count)
        func position(_ value: Double) -> Int? {
            guard !value.isNaN else { return nil }
            let whole = value.rounded(.towardZero)
            return Int(whole < 0 ? Swift.max(0, count + whole) : Swift.min(count, whole))
        }
        guard let first = position(start), let last = position(end ?? count), first < last else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first..<last])
        return String(view)
    }

    /// XPath `translate`: each character of `from` becomes the one at the same place in `to`, or is removed.
    private func translate(_ text: String, from: String, to: String) -> String {
        let sources = Array(from.unicodeScalars)
        let targets = Array(to.unicodeScalars)
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard let index = sources.firstIndex(of: scalar) else {
                result.append(scalar)
                continue
            }
            if index < targets.count {
                result.append(targets[index])
            }
        }
        return String(result)
    }

    private func numeric(_ function: ExpressionFunction, _ values: [XPathValue]) -> XPathValue {
        let numbers = values.map(\.number)
        switch function {
        case .number: return .number(numbers[0])
        case .int: return .number(numbers[0].rounded(.towardZero))
        case .round:
            guard numbers.count == 2 else { return .number(XPathNumber.round(numbers[0])) }
            let digits = numbers[1].rounded(.towardZero)
            guard digits.magnitude <= 300 else { return .number(digits.isNaN ? .nan : numbers[0]) }
            return .number(XPathNumber.round(numbers[0], digits: Int(digits)))
        case .abs: return .number(numbers[0].magnitude)
        case .floor: return .number(numbers[0].rounded(.down))
        case .ceiling: return .number(numbers[0].rounded(.up))
        case .sqrt: return .number(numbers[0].squareRoot())
        case .min: return .number(numbers.contains(where: \.isNaN) ? .nan : numbers.min()!)
        case .max: return .number(numbers.contains(where: \.isNaN) ? .nan : numbers.max()!)
        case .pow: return .number(XPathNumber.power(numbers[0], numbers[1]))
        case .today: return .date(context.today)
        case .date:
            if case .date = values[0] { return values[0] }
            // An unreadable date reads as an unanswered date question does.
            return XPathValue.date(fromDays: numbers[0]) ?? .string("")
        default: preconditionFailure("\(function) is not a numeric function")
        }
    }
}

extension String {
    /// Code point equality, the way XPath compares strings.
    func isIdentical(to other: String) -> Bool {
        unicodeScalars.elementsEqual(other.unicodeScalars)
    }
}

extension Array where Element: Equatable {
    func contains(subsequence needle: [Element]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
