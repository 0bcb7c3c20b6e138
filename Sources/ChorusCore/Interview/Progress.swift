/// How far an interview has come, counting only questions that are still relevant.
public struct Progress: Sendable, Hashable {
    /// Relevant questions that have an answer.
    public var answered: Int
    /// Questions that will be asked given the answers so far; notes are not counted.
    public var total: Int
    /// The place of the question on screen among the `total` (from 1), for "Question 2 of 7";
    /// `nil` when no question is on screen.
    public var current: Int?

    /// Creates a progress.
    public init(answered: Int, total: Int, current: Int?) {
        self.answered = answered
        self.total = total
        self.current = current
    }

    /// `answered` over `total`, from 0 to 1; 1 when there is nothing to answer.
    public var fraction: Double {
        total == 0 ? 1 : Double(answered) / Double(total)
    }
}
