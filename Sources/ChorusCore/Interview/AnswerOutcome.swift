/// Whether the engine took an answer or a skip.
public enum AnswerOutcome: Sendable, Hashable {
    /// Taken; the interview has moved on.
    case accepted(Interview)
    /// Not taken, with why, in the interview's language; the interview has not changed.
    case refused(String)
}
