/// Why a survey file could not be turned into a survey.
public enum SurveyReadError: Error, Sendable, CustomStringConvertible {
    /// The file is missing, unreadable or not a file (exit 66).
    case cannotOpen(file: String, reason: String)
    /// The file was read and has problems, all of them listed (exit 65).
    case invalid([Diagnostic])

    public var description: String {
        switch self {
        case .cannotOpen(let file, let reason): "\(file.escapingControlCharacters): error: \(reason)"
        case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
