/// One respondent's way through a survey so far, kept by the channel between steps.
///
/// It holds nothing that identifies the respondent and no time of any kind. It belongs to the
/// engine's survey: ask only the engine that started it to move it on.
public struct Interview: Sendable, Hashable, Codable {
    /// Where an interview stands.
    enum Position: Sendable, Hashable, Codable {
        /// At the consent step: before agreeing, or back from the first question.
        case consent
        /// At the question or note with this index in the survey.
        case question(Int)
        /// Every relevant question has been passed; the response is ready to save.
        case complete
        /// The respondent declined or withdrew; nothing may be saved.
        case declined
    }

    /// The language tag texts are shown in.
    public internal(set) var language: String
    /// Whether the respondent agreed to take part; only an explicit decline takes it back.
    public internal(set) var hasConsented: Bool
    /// The answers so far, by question id; only ever answers to questions still relevant.
    public internal(set) var answers: [String: Answer]
    var position: Position
    /// Indices of the questions and notes passed on the way to `position`, oldest first, for BACK.
    var history: [Int]

    init(language: String) {
        self.language = language
        self.hasConsented = false
        self.answers = [:]
        self.position = .consent
        self.history = []
    }
}
