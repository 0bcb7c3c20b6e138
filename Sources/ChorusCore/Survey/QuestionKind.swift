/// What a question asks for, with the limits that belong to that kind.
public enum QuestionKind: Sendable, Hashable {
    /// One option of a list.
    case single(options: [Option])
    /// Any number of options of a list, up to `maximum` when given.
    case multiple(options: [Option], maximum: Int?)
    /// The respondent's top `picks` options, in order of preference.
    case rank(options: [Option], picks: Int)
    /// A whole number from `minimum` to `maximum` with a label at each end.
    case scale(minimum: Int, maximum: Int, minimumLabel: LocalizedText, maximumLabel: LocalizedText)
    /// A number within optional bounds, with at most `decimals` digits after the point.
    case number(minimum: Double?, maximum: Double?, decimals: Int)
    /// Yes or no.
    case yesNo
    /// Free text of at most `maximumLength` characters.
    case text(maximumLength: Int)
    /// Text to read; nothing to answer.
    case note

    /// The options of a choice question, empty for every other kind.
    public var options: [Option] {
        switch self {
        case .single(let options), .multiple(let options, _), .rank(let options, _): options
        default: []
        }
    }

    /// The name used for this kind in the survey format (`type="…"`).
    public var formatName: String {
        switch self {
        case .single: "single"
        case .multiple: "multiple"
        case .rank: "rank"
        case .scale: "scale"
        case .number: "number"
        case .yesNo: "yes-no"
        case .text: "text"
        case .note: "note"
        }
    }
}
