/// A place where an expression compares a question's answer with a literal option value.
///
/// `selected(concerns, 'traffic')`, `area = 'north'` and `'north' != area` each give one, so a survey checker
/// can report a value that is not an option of the question.
public struct OptionReference: Sendable, Hashable {
    /// The question whose answer is compared.
    public var questionID: String
    /// The literal, without its quotes.
    public var value: String
    /// Unicode scalars from the start of the expression to the literal's opening quote.
    public var offset: Int

    /// Creates a reference.
    public init(questionID: String, value: String, offset: Int) {
        self.questionID = questionID
        self.value = value
        self.offset = offset
    }
}
