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
    /// Lowercase, naming the offending value, on one line: control characters in a quoted value are
    /// escaped (`\n`).
    public var message: String

    /// Creates a diagnostic.
    public init(file: String, position: SourcePosition, message: String) {
        self.file = file
        self.line = position.line
        self.column = position.column
        self.severity = "error"
        // Escaped here, where every checker's message passes, so that no value can split it.
        self.message = message.escapingControlCharacters
    }

    /// `file:line:column: error: message`, always one line.
    public var description: String {
        "\(file.escapingControlCharacters):\(line):\(column): \(severity): \(message)"
    }
}
