/// A finished interview as it is saved: the answers and what they answered, nothing else.
///
/// It carries no time and no respondent identifier; the store adds a coarse period itself.
public struct Response: Sendable, Hashable {
    /// The survey answered.
    public var surveyID: String
    /// The survey's version, so answers are compared only with answers to the same questions.
    public var surveyVersion: Int
    /// The language the respondent finished in.
    public var language: String
    /// Answers to the questions that were relevant at the end, by question id.
    public var answers: [String: Answer]

    /// Creates a response.
    public init(surveyID: String, surveyVersion: Int, language: String, answers: [String: Answer]) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.language = language
        self.answers = answers
    }
}
