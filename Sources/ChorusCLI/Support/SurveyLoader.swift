import ChorusCore
import ChorusXML

/// Reads a survey for a command, printing its problems and exiting as chorus(1) documents.
enum SurveyLoader {
    static func load(_ file: String) throws -> Survey {
        try loadWithSource(file).survey
    }

    static func loadWithSource(_ file: String) throws -> (survey: Survey, source: [UInt8]) {
        do {
            return try SurveyReader().readWithSource(file: file)
        } catch .cannotOpen(let file, let reason) {
            StandardError.write("\(file): error: \(reason)")
            throw ExitStatus.noInput
        } catch .invalid(let diagnostics) {
            for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
            throw ExitStatus.dataError
        }
    }
}
