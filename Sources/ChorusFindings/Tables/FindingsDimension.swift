public import ChorusCore

/// One axis of a table: a question's answers, a quasi-identifier's groups, channels, sites,
/// languages or rank positions.
public struct FindingsDimension: Sendable, Hashable, Identifiable {
    /// What a dimension ranges over.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The answers to the table's question.
        case answer
        /// The answers to a quasi-identifier question, as groups.
        case group
        /// How responses came in: `kiosk` or `sms`.
        case channel
        /// The collection site a kiosk was started for.
        case site
        /// The language a respondent finished in.
        case language
        /// A place in a rank question's order, 1 first.
        case position
    }

    /// `answer`, `channel`, `site`, `language`, `position`, or the quasi-identifier question's id.
    public var id: String
    /// What it ranges over.
    public var kind: Kind
    /// The quasi-identifier question's prompt for a group dimension; `nil` for the others.
    public var title: LocalizedText?
    /// The values in a fixed order: the survey's option order, ascending numbers, channels as
    /// declared, sites and languages by name; then the missing value, then the total, when present.
    public var values: [FindingsDimensionValue]

    /// Creates a dimension.
    public init(id: String, kind: Kind, title: LocalizedText?, values: [FindingsDimensionValue]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.values = values
    }
}

/// One value along a dimension.
public struct FindingsDimensionValue: Sendable, Hashable {
    /// What kind of value it is.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// An answer, group, channel, site, language or position.
        case category
        /// Respondents without one: a quasi-identifier left unanswered, a response with no site.
        case missing
        /// Everyone along this dimension. For the answers of a multiple-choice or rank question it
        /// is the respondents who answered, not the sum of the cells, since one may choose several.
        case total
    }

    /// The stored value (option value, scale point, `yes`/`no`, channel, site name, language tag,
    /// position number, number range such as `10-20`); `missing` or `total` for those roles.
    public var code: String
    /// What it is called in the survey's words, when the survey has words for it (options, scale
    /// ends, yes and no); `nil` where the writer names it (channels, missing, total, positions, ranges).
    public var label: LocalizedText?
    /// What kind of value it is.
    public var role: Role

    /// Creates a value.
    public init(code: String, label: LocalizedText?, role: Role) {
        self.code = code
        self.label = label
        self.role = role
    }
}
