/// Why an expression cannot be parsed or evaluated.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Characters (Unicode scalars) from the start of the expression to the problem.
    public var offset: Int
    /// Lowercase, naming the offending token or function.
    public var message: String

    /// Creates an error.
    public init(offset: Int, _ message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { message }
}
