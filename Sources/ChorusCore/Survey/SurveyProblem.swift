/// One thing wrong with a survey, said so that its author can fix it.
public struct SurveyProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where it is.
    public var location: SurveyLocation
    /// Characters into the attribute's value where the problem starts, for expression errors.
    public var offset: Int?
    /// Lowercase, naming the offending value.
    public var message: String

    /// Creates a problem.
    public init(_ location: SurveyLocation, offset: Int? = nil, _ message: String) {
        self.location = location
        self.offset = offset
        self.message = message
    }

    public var description: String { message }
}
