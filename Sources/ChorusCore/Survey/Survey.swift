/// A survey as an organizer wrote it: texts in every declared language, questions in order.
public struct Survey: Sendable, Hashable {
    /// Stable identifier, used in the database and in exports.
    public var id: String
    /// Raised by the organizer whenever questions change, so responses stay comparable.
    public var version: Int
    /// Language tags in the organizer's order; the first is the default.
    public var languages: [String]
    /// The word that starts this survey by text message when several are served.
    public var smsKeyword: String?
    /// The survey's name, shown on the welcome screen.
    public var title: LocalizedText
    /// Read before consent.
    public var intro: LocalizedText?
    /// What the respondent agrees to; every interview starts here.
    public var consent: LocalizedText
    /// Shown with the thanks at the end.
    public var closing: LocalizedText?
    /// Questions and notes, in the order they are asked.
    public var questions: [Question]
    /// Interface phrases the survey supplies itself, by phrase key; they override Chorus's own.
    public var phrases: [String: LocalizedText]

    /// Creates a survey.
    public init(
        id: String,
        version: Int,
        languages: [String],
        smsKeyword: String? = nil,
        title: LocalizedText,
        intro: LocalizedText? = nil,
        consent: LocalizedText,
        closing: LocalizedText? = nil,
        questions: [Question],
        phrases: [String: LocalizedText] = [:]
    ) {
        self.id = id
        self.version = version
        self.languages = languages
        self.smsKeyword = smsKeyword
        self.title = title
        self.intro = intro
        self.consent = consent
        self.closing = closing
        self.questions = questions
        self.phrases = phrases
    }

    /// The question with `id`, if there is one.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }
}
