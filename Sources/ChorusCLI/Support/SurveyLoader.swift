import ChorusCore
import ChorusXML

/// Reads a survey for a command, printing its problems and exiting as chorus(1) documents.
enum SurveyLoader {
    static func load(_ file: String) throws -> Survey {
        do {
            return try SurveyReader().read(file: file)
        } catch .cannotOpen(let file, let reason) {
            StandardError.write("\(file): error: \(reason)")
            throw ExitStatus.noInput
        } catch .invalid(let diagnostics) {
            for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
            throw ExitStatus.dataError
        }
    }
}
