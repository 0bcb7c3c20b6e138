public import ChorusCore
package import ChorusStore

/// Everything one export publishes about one survey version: aggregate tables that passed
/// disclosure control, the priorities computed from them, and how they were protected.
///
/// Nothing in a release identifies a respondent: every count is 0 or at least ``threshold``,
/// suppressed counts cannot be recovered from the other numbers of this release or of earlier
/// ones, percentages are computed only from published counts, and no date is finer than a month.
/// Re-building from unchanged data gives an equal value, so writers that render it in order
/// produce identical files.
public struct FindingsRelease: Sendable, Hashable {
    /// The survey's identifier.
    public var surveyID: String
    /// The survey version whose responses are counted; other versions are never mixed in.
    public var surveyVersion: Int
    /// The survey's title, in its own words.
    public var title: LocalizedText
    /// The survey's languages in the organizer's order; the first is the default.
    public var languages: [String]
    /// The month the release is made for, as given by the caller.
    public var month: Month
    /// The first and last month in which counted responses were completed; `nil` with no responses.
    public var period: MonthRange?
    /// The smallest count published, and why it differs from the default.
    public var threshold: Threshold
    /// Every table of the release, in a fixed order: reach first, then each question in survey
    /// order with its breakdowns.
    public var tables: [FindingsTable]
    /// Rankings of the options of rank and multiple-choice questions, in survey order.
    public var priorities: [PriorityResult]
    /// How many people answered, overall and by channel, site and language.
    public var reach: Reach
    /// Free-text answers, which are counted but never exported.
    public var freeText: FreeTextSummary
    /// How disclosure control was applied, for the release's disclosure log.
    public var disclosure: DisclosureSummary
    /// What ``ChorusStore/ChorusDatabase/recordRelease(_:)`` records; `nil` for a release not made by FindingsBuilder.
    package var ledger: ReleaseLedger?

    /// Creates a release.
    public init(
        surveyID: String,
        surveyVersion: Int,
        title: LocalizedText,
        languages: [String],
        month: Month,
        period: MonthRange?,
        threshold: Threshold,
        tables: [FindingsTable],
        priorities: [PriorityResult],
        reach: Reach,
        freeText: FreeTextSummary,
        disclosure: DisclosureSummary
    ) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.title = title
        self.languages = languages
        self.month = month
        self.period = period
        self.threshold = threshold
        self.tables = tables
        self.priorities = priorities
        self.reach = reach
        self.freeText = freeText
        self.disclosure = disclosure
    }

    /// The table with `id`, if the release has one.
    public func table(_ id: String) -> FindingsTable? {
        tables.first { $0.id == id }
    }
}

/// How many people a release counts, and through which channels and sites they answered.
public struct Reach: Sendable, Hashable {
    /// Every counted response.
    public var respondents: PublishedCount
    /// The id of the table of responses by channel (kiosk, text message).
    public var byChannel: String
    /// The id of the table of responses by collection site.
    public var bySite: String
    /// The id of the table of responses by the language the respondent finished in.
    public var byLanguage: String

    /// Creates a reach summary.
    public init(respondents: PublishedCount, byChannel: String, bySite: String, byLanguage: String) {
        self.respondents = respondents
        self.byChannel = byChannel
        self.bySite = bySite
        self.byLanguage = byLanguage
    }
}

/// Free-text answers are held back: only how many there are is published.
public struct FreeTextSummary: Sendable, Hashable {
    /// The free-text questions, by id in survey order.
    public var questionIDs: [String]
    /// How many free-text answers were given to them in all; suppressed means fewer than the threshold.
    public var answers: PublishedCount

    /// Creates a summary.
    public init(questionIDs: [String], answers: PublishedCount) {
        self.questionIDs = questionIDs
        self.answers = answers
    }
}
