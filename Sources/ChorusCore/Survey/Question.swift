/// One screen of a survey: a question to answer, or a note to read.
public struct Question: Sendable, Hashable, Identifiable {
    /// Unique within the survey; other questions' expressions refer to the answer by it.
    public var id: String
    /// What is asked, and its limits.
    public var kind: QuestionKind
    /// The question itself (or the note's text).
    public var prompt: LocalizedText
    /// Extra guidance under the prompt.
    public var hint: LocalizedText?
    /// Whether the respondent must answer to go on.
    public var isRequired: Bool
    /// Whether answers may be used to break findings down, and so need disclosure control.
    public var isQuasiIdentifier: Bool
    /// When present, the question is asked only while this holds.
    public var showIf: Expression?
    /// Checked in order on every answer.
    public var constraints: [Constraint]

    /// Creates a question.
    public init(
        id: String,
        kind: QuestionKind,
        prompt: LocalizedText,
        hint: LocalizedText? = nil,
        isRequired: Bool = false,
        isQuasiIdentifier: Bool = false,
        showIf: Expression? = nil,
        constraints: [Constraint] = []
    ) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.hint = hint
        self.isRequired = isRequired
        self.isQuasiIdentifier = isQuasiIdentifier
        self.showIf = showIf
        self.constraints = constraints
    }
}
