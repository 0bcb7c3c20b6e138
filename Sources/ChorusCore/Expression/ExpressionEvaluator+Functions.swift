extension ExpressionEvaluator {
    func call(
        _ function: ExpressionFunction,
        _ arguments: [ExpressionNode],
        offset: Int
    ) throws(ExpressionError) -> XPathValue {
        // Arguments are evaluated on demand, so `if` reads only the branch it takes.
        func value(_ index: Int) throws(ExpressionError) -> XPathValue {
            try evaluate(arguments[index])
        }
        func string(_ index: Int) throws(ExpressionError) -> String {
            // Without an argument, `string()` and `normalize-space()` read the context node: the answer checked.
            arguments.isEmpty ? context.currentValue ?? "" : try value(index).string
        }
        // Strings compare by code point in XPath; Swift's String operations would equate canonical equivalents.
        func scalars(_ index: Int) throws(ExpressionError) -> [Unicode.Scalar] {
            Array(try string(index).unicodeScalars)
        }
        func number(_ index: Int) throws(ExpressionError) -> Double {
            try value(index).number
        }
        func numbers() throws(ExpressionError) -> [Double] {
            var result: [Double] = []
            for index in arguments.indices {
                result.append(try number(index))
            }
            return result
        }

        switch function {
        case .if:
            return try value(try value(0).boolean ? 1 : 2)
        case .selected:
            let wanted = try string(1).trimmingXMLWhitespace
            return .boolean(try string(0).xmlWhitespaceSeparatedItems.contains { $0.isIdentical(to: wanted) })
        case .countSelected:
            return .number(Double(try string(0).xmlWhitespaceSeparatedItems.count))
        case .selectedAt:
            let items = try string(0).xmlWhitespaceSeparatedItems
            let index = try number(1).rounded(.towardZero)
            return .string(index >= 0 && index < Double(items.count) ? items[Int(index)] : "")
        case .not:
            return .boolean(!(try value(0).boolean))
        case .coalesce:
            let first = try value(0)
            return first.string.isEmpty ? try value(1) : first
        case .true, .false:
            return .boolean(function == .true)
        case .boolean:
            return .boolean(try value(0).boolean)
        case .booleanFromString:
            let text = try string(0)
            return .boolean(text == "true" || text == "1")
        case .regex:
            return .boolean(try matches(string(0), pattern: string(1), offset: offset))
        case .string:
            return .string(try string(0))
        case .concat:
            var text = ""
            for index in arguments.indices {
                text += try string(index)
            }
            return .string(text)
        case .stringLength:
            // XPath counts characters as code points, so "é" written as e + U+0301 is 2.
            return .number(Double(try string(0).unicodeScalars.count))
        case .contains:
            return .boolean(try scalars(0).contains(subsequence: scalars(1)))
        case .startsWith:
            return .boolean(try scalars(0).starts(with: scalars(1)))
        case .endsWith:
            return .boolean(try scalars(0).reversed().starts(with: scalars(1).reversed()))
        case .substr:
            let end = arguments.count > 2 ? try number(2) : nil
            return .string(substring(try string(0), from: try number(1), to: end))
        case .normalizeSpace:
            return .string(try string(0).xmlWhitespaceSeparatedItems.joined(separator: " "))
        case .translate:
            return .string(translate(try string(0), from: try string(1), to: try string(2)))
        case .number:
            return .number(try number(0))
        case .int:
            return .number(try number(0).rounded(.towardZero))
        case .round:
            return .number(round(try number(0), digits: arguments.count > 1 ? try number(1) : nil))
        case .abs:
            return .number(try number(0).magnitude)
        case .floor:
            return .number(try number(0).rounded(.down))
        case .ceiling:
            return .number(try number(0).rounded(.up))
        case .sqrt:
            return .number(try number(0).squareRoot())
        case .min, .max:
            let all = try numbers()
            guard !all.contains(where: \.isNaN) else { return .number(.nan) }
            return .number((function == .min ? all.min() : all.max()) ?? .nan)
        case .pow:
            return .number(XPathNumber.power(try number(0), try number(1)))
        case .today:
            return .date(context.today)
        case .date:
            let argument = try value(0)
            if case .date = argument { return argument }
            // An unreadable date reads as an unanswered date question does.
            return XPathValue.date(fromDays: argument.number) ?? .string("")
        }
    }

    private func matches(_ text: String, pattern: String, offset: Int) throws(ExpressionError) -> Bool {
        guard let regex = try? Regex(pattern) else {
            throw ExpressionError(offset: offset, "invalid regular expression '\(pattern)'")
        }
        // ODK tests whether the pattern matches anywhere, as Java's find() does; anchors must be explicit.
        return text.contains(regex)
    }

    private func round(_ number: Double, digits: Double?) -> Double {
        guard let digits else { return XPathNumber.round(number) }
        let whole = digits.rounded(.towardZero)
        guard whole.magnitude <= 300 else { return whole.isNaN ? .nan : number }
        return XPathNumber.round(number, digits: Int(whole))
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
