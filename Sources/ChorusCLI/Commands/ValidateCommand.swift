import ArgumentParser
import ChorusXML
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check surveys and report every problem with its line and column."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "How to report problems: text on standard error, or json on standard output.")
    var format: Format = .text

    @Flag(help: "Print the survey format's RELAX NG schema and exit.")
    var printSchema = false

    @Argument(help: "The survey files to check.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, !printSchema { throw ValidationError("Please name at least one survey file.") }
    }

    func run() throws {
        if printSchema {
            try StandardOutput.write(SurveyReader.schema)
            return
        }
        Allocator.tuneForOneBurst()
        let reader = SurveyReader()
        var diagnostics: [Diagnostic] = []
        var unreadable: [(file: String, reason: String)] = []
        for file in files {
            do {
                _ = try reader.read(file: file)
            } catch .cannotOpen(let file, let reason) {
                unreadable.append((file, reason))
            } catch .invalid(let found) {
                diagnostics += found
            }
        }
        switch format {
        case .text:
            for (file, reason) in unreadable { StandardError.write("\(file): error: \(reason)") }
            for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
        case .json:
            // Unreadable files have no position; line and column 0 say the problem is the whole file.
            let all =
                unreadable.map { Diagnostic(file: $0.file, position: .init(line: 0, column: 0), message: $0.reason) }
                + diagnostics
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try StandardOutput.write(String(decoding: try encoder.encode(all), as: UTF8.self) + "\n")
        }
        if !unreadable.isEmpty { throw ExitStatus.noInput }
        if !diagnostics.isEmpty { throw ExitStatus.dataError }
    }
}
