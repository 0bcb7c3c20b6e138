/// A value during evaluation: XPath's three scalar types plus the date ODK's `today()` and `date()` return.
enum XPathValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case boolean(Bool)
    /// Days since 1970-01-01.
    case date(Int)

    /// XPath `number()`, extended as ODK does: a date or dateTime string is its day count.
    var number: Double {
        switch self {
        case .string(let text):
            let trimmed = text.trimmingXMLWhitespace
            return XPathNumber.parse(trimmed) ?? CivilDate.days(from: trimmed) ?? .nan
        case .number(let value): return value
        case .boolean(let value): return value ? 1 : 0
        case .date(let days): return Double(days)
        }
    }

    /// XPath `string()`; a date reads as ODK stores one, `YYYY-MM-DD`.
    var string: String {
        switch self {
        case .string(let text): text
        case .number(let value): XPathNumber.format(value)
        case .boolean(let value): value ? "true" : "false"
        case .date(let days): CivilDate(daysSince1970: days).formatted
        }
    }

    /// XPath `boolean()`: so a stored `"false"`, being non-empty, is true.
    var boolean: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .number(let value): value != 0 && !value.isNaN
        case .boolean(let value): value
        case .date: true
        }
    }

    /// The public form, in which a date is its string.
    var expressionValue: ExpressionValue {
        switch self {
        case .string(let text): .string(text)
        case .number(let value): .number(value)
        case .boolean(let value): .boolean(value)
        case .date: .string(string)
        }
    }

    /// A date from a day count, if the count is a whole day that a calendar date can express.
    static func date(fromDays days: Double) -> XPathValue? {
        let whole = days.rounded(.down)
        // About 2.7 million years either way keeps the calendar arithmetic far from overflow.
        guard whole.magnitude < 1e9 else { return nil }
        return .date(Int(whole))
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    var trimmingXMLWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isXMLWhitespace }),
            let last = scalars.lastIndex(where: { !$0.isXMLWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The string split on runs of XML whitespace, as ODK stores the choices of a multiple-choice answer.
    var xmlWhitespaceSeparatedItems: [String] {
        unicodeScalars.split(whereSeparator: \.isXMLWhitespace).map { String($0) }
    }
}
