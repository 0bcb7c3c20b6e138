/// One problem in a survey file, printed as compilers print theirs so editors can jump to it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int
    /// Always `error` for now; kept so that editors and CI can filter.
    public var severity: String
    /// Lowercase, naming the offending value.
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.line = position.line
        self.column = position.column
        self.severity = "error"
        self.message = message
    }

    /// `file:line:column: error: message`.
    public var description: String { "\(file):\(line):\(column): \(severity): \(message)" }
}
