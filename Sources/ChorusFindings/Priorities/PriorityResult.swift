public import ChorusCore

/// The options of one rank or multiple-choice question, ordered by how strongly respondents
/// named them, computed only from the release's published counts.
public struct PriorityResult: Sendable, Hashable {
    /// The question ranked.
    public var questionID: String
    /// The question's prompt, in the survey's words.
    public var title: LocalizedText
    /// How options were scored.
    public var method: PriorityMethod
    /// N of "named in their top N": the picks of a rank question; for multiple choice, any choice.
    public var topN: Int
    /// How many respondents answered the question: the ballots counted.
    public var ballots: PublishedCount
    /// Every option: ranked options by place, then options whose score is withheld, in survey order.
    public var options: [PriorityOption]
    /// Each group of options with equal scores, and how it was resolved, in place order.
    public var ties: [PriorityTie]
    /// The table the scores were computed from: a rank question's positions, or the question's own table.
    public var sourceTableID: String

    /// Creates a result.
    public init(
        questionID: String,
        title: LocalizedText,
        method: PriorityMethod,
        topN: Int,
        ballots: PublishedCount,
        options: [PriorityOption],
        ties: [PriorityTie],
        sourceTableID: String
    ) {
        self.questionID = questionID
        self.title = title
        self.method = method
        self.topN = topN
        self.ballots = ballots
        self.options = options
        self.ties = ties
        self.sourceTableID = sourceTableID
    }
}

/// How a question's options are scored.
public enum PriorityMethod: Sendable, Hashable {
    /// Truncated Borda count for a rank question with `picks` places: first place earns `picks`
    /// points, second `picks - 1`, …, last place 1, an option left out 0.
    case borda(picks: Int)
    /// Approval: one point from each respondent who chose the option (multiple choice).
    case approval

    /// The method's name for reports and logs.
    public var name: String {
        switch self {
        case .borda(let picks): "Borda count, truncated to \(picks) places (\(picks) points for first place)"
        case .approval: "approval count (one point per respondent choosing the option)"
        }
    }
}

/// One option's standing.
public struct PriorityOption: Sendable, Hashable {
    /// The option's value.
    public var value: String
    /// The option's label, in the survey's words.
    public var label: LocalizedText
    /// 1 for the highest published score; options that remain tied share a place. `nil` when the score is withheld.
    public var place: Int?
    /// The score, when every count it is made of is published.
    public var score: Int?
    /// How many respondents put the option first (rank questions); `nil` for multiple choice.
    public var firstChoices: PublishedCount?
    /// How many respondents named the option in their top N.
    public var named: PublishedCount
    /// ``named`` as a share of the ballots, when both are published.
    public var topShare: PublishedShare?

    /// Creates an option's standing.
    public init(
        value: String,
        label: LocalizedText,
        place: Int?,
        score: Int?,
        firstChoices: PublishedCount?,
        named: PublishedCount,
        topShare: PublishedShare?
    ) {
        self.value = value
        self.label = label
        self.place = place
        self.score = score
        self.firstChoices = firstChoices
        self.named = named
        self.topShare = topShare
    }
}

/// Options with the same score, and what decided their order.
public struct PriorityTie: Sendable, Hashable {
    /// What settled the order of tied options.
    public enum Resolution: String, Sendable, Hashable, CaseIterable {
        /// More respondents named the option in their top N.
        case named
        /// More respondents put the option first.
        case firstChoices
        /// Nothing published tells them apart: they share a place, listed in survey order.
        case unresolved
    }

    /// The tied options' values, in the order they are listed.
    public var values: [String]
    /// The equal score.
    public var score: Int
    /// What settled their order.
    public var resolution: Resolution

    /// Creates a tie.
    public init(values: [String], score: Int, resolution: Resolution) {
        self.values = values
        self.score = score
        self.resolution = resolution
    }
}
