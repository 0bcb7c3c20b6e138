/// A condition an answer must meet, with what to tell the respondent when it does not.
public struct Constraint: Sendable, Hashable {
    /// The condition; `.` stands for the answer being checked.
    public var test: Expression
    /// Shown, in the respondent's language, when `test` is false.
    public var message: LocalizedText

    /// Creates a constraint.
    public init(test: Expression, message: LocalizedText) {
        self.test = test
        self.message = message
    }
}
