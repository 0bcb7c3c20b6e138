/// How far an interview has come, counting only questions that are still relevant.
public struct Progress: Sendable, Hashable {
    /// Relevant questions that have an answer.
    public var answered: Int
    /// Questions that will be asked given the answers so far; notes are not counted.
    public var total: Int
    /// Of the `total`, those before the one on screen, answered or skipped: how far along the
    /// respondent is, which `answered` is not after a skip or going back.
    public var passed: Int
    /// The place of the question on screen among the `total` (from 1), for "Question 2 of 7";
    /// `nil` when no question is on screen.
    public var current: Int?

    /// Creates a progress.
    public init(answered: Int, total: Int, passed: Int, current: Int?) {
        self.answered = answered
        self.total = total
        self.passed = passed
        self.current = current
    }
}
