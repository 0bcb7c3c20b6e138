/// A respondent's answer to one question.
///
/// Codable so that a channel can keep an unfinished ``Interview`` between messages.
public enum Answer: Sendable, Hashable, Codable {
    /// The value of the option chosen (single choice).
    case choice(String)
    /// The values chosen: a set for multiple choice, best first for rank.
    case choices([String])
    /// A number, including a scale point.
    case number(Double)
    /// Yes (`true`) or no.
    case yesNo(Bool)
    /// Free text.
    case text(String)

    /// The answer as ODK stores it, which is what expressions see: choices joined by spaces,
    /// yes/no as `yes` or `no`, whole numbers without a decimal point.
    public var expressionValue: String {
        switch self {
        case .choice(let value): value
        case .choices(let values): values.joined(separator: " ")
        case .number(let number): Answer.format(number)
        case .yesNo(let yes): yes ? "yes" : "no"
        case .text(let text): text
        }
    }

    /// Formats a number as ODK does: no trailing `.0` on whole numbers.
    public static func format(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }
}
