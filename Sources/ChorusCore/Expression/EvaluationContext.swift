/// What an expression can see while it is evaluated.
public struct EvaluationContext: Sendable {
    /// The stored answers by question id, as ODK strings (see ``Answer/expressionValue``).
    /// A question without an answer is absent and reads as the empty string.
    public var answers: [String: String]
    /// The value `.` stands for: the answer being checked by a constraint.
    public var currentValue: String?
    /// Today as days since 1970-01-01, injected so evaluation stays pure.
    public var today: Int

    /// Creates a context.
    public init(answers: [String: String], currentValue: String? = nil, today: Int) {
        self.answers = answers
        self.currentValue = currentValue
        self.today = today
    }
}
