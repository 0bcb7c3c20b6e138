import ChorusFindings
import Foundation
import Testing

/// The data package checked by the Frictionless Data validator from PyPI, the tool research
/// partners use, installed into a virtual environment under .build when missing.
@Suite(.serialized) struct DataPackageValidationTests {
    static let environment = SampleResponses.packageRoot.appendingPathComponent(".build/frictionless")

    /// The validator, installed on first use: Scripts/bootstrap provides python3 and its venv module.
    static func validator() async throws -> String {
        let frictionless = environment.appendingPathComponent("bin/frictionless").path
        if FileManager.default.isExecutableFile(atPath: frictionless) { return frictionless }
        let python = try #require(ExternalTool.which("python3"), "python3 is needed to install frictionless")
        let venv = try await ExternalTool.run(python, ["-m", "venv", environment.path])
        try #require(venv.status == 0, "cannot create a virtual environment: \(venv.error)")
        let pip = try await ExternalTool.run(
            environment.appendingPathComponent("bin/pip").path, ["install", "--quiet", "frictionless>=5.18,<6"])
        try #require(pip.status == 0, "cannot install frictionless from PyPI: \(pip.error)")
        return frictionless
    }

    static func validate(_ folder: URL) async throws -> ExternalTool.Result {
        try await ExternalTool.run(try await validator(), ["validate", "--json", "datapackage.json"], in: folder)
    }

    static func writeRelease(language: String = "en") throws -> URL {
        let survey = try SampleResponses.safetySurvey()
        let release = try SampleRelease.make(survey: survey, responses: 600, k: 7, reason: "a small pilot")
        let folder = try ExternalTool.folder().appendingPathComponent("release")
        _ = try ReleaseFolder(path: folder.path).write(release.files(survey: survey, language: language))
        return folder
    }

    @Test(arguments: ["en", "es"]) func releaseIsAValidDataPackage(language: String) async throws {
        let folder = try Self.writeRelease(language: language)
        let result = try await Self.validate(folder)
        #expect(result.status == 0, "frictionless validate reported errors:\n\(result.output)\n\(result.error)")
        #expect(result.output.contains("\"valid\": true"))
    }

    @Test func validatorRejectsACountThatIsNeitherANumberNorTheSuppressedCode() async throws {
        let folder = try Self.writeRelease()
        let file = folder.appendingPathComponent("tables/area.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        // The same length, so the byte count in datapackage.json still matches and only the value is wrong.
        let row = try #require(text.split(separator: "\r\n").first { $0.hasPrefix("north,") })
        var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = String(repeating: "x", count: fields[1].count)
        text = text.replacingOccurrences(of: row, with: fields.joined(separator: ","))
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try await Self.validate(folder)
        #expect(result.status != 0)
        #expect(result.output.contains("type-error") || result.output.contains("constraint-error"))
    }
}
