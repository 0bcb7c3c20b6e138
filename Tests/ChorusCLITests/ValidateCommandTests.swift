import Foundation
import Testing

/// `chorus validate` as an organizer or CI runs it: the real binary, real files, exit codes.
@Suite struct ValidateCommandTests {
    @Test func sampleSurveysAreClean() async throws {
        let surveys = try FileManager.default.contentsOfDirectory(atPath: ChorusProcess.packageRoot.path + "/Surveys")
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(surveys.count >= 2)
        let result = try await ChorusProcess.run(["validate"] + surveys.map { "Surveys/\($0)" })
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
    }

    @Test func problemsGoToStandardErrorWithExit65() async throws {
        let file = try Scratch.write(
            try Scratch.fixture("every-kind.xml").replacingOccurrences(of: "id=\"help\"", with: "id=\"area\""))
        let result = try await ChorusProcess.run(["validate", file])
        #expect(result.status == 65)
        #expect(result.standardOutput.isEmpty)
        #expect(
            result.standardError == "\(file):20:13: error: duplicate question id 'area'; question 1 already uses it\n")
    }

    @Test func jsonFormatListsProblemsOnStandardOutput() async throws {
        let file = try Scratch.write(
            try Scratch.fixture("every-kind.xml").replacingOccurrences(of: "max=\"2\"", with: "max=\"9\""))
        let result = try await ChorusProcess.run(["validate", "--format", "json", file])
        #expect(result.status == 65)
        let decoded = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        let first = try #require(decoded?.first)
        #expect(first["line"] as? Int == 20 && first["column"] as? Int == 39)
        #expect(first["severity"] as? String == "error")
        #expect((first["message"] as? String)?.hasPrefix("max '9' must be a whole number from 1 to 3") == true)
    }

    @Test func missingFileOrDirectoryExits66() async throws {
        let missing = try await ChorusProcess.run(["validate", "Surveys/no-such-survey.xml"])
        #expect(missing.status == 66)
        #expect(missing.standardError == "Surveys/no-such-survey.xml: error: no such file\n")
        let directory = try await ChorusProcess.run(["validate", "Surveys"])
        #expect(directory.status == 66)
        #expect(directory.standardError == "Surveys: error: is a directory, not a survey file\n")
    }

    @Test func hugeConditionIsTooLongForValidateAndPreviewInsteadOfACrash() async throws {
        // 100,000 terms overflowed the stack (exit 139) while the expression tree was released.
        let condition = Array(repeating: "area = 'north'", count: 100_000).joined(separator: " or ")
        let file = try Scratch.write(
            try Scratch.fixture("every-kind.xml")
                .replacingOccurrences(of: #"max="2">"#, with: #"max="2" show-if="\#(condition)">"#))
        for command in ["validate", "preview"] {
            let result = try await ChorusProcess.run([command, file])
            #expect(result.status == 65, "\(command)")
            #expect(
                result.standardError
                    == "\(file):20:56: error: in show-if: expression is too long: "
                    + "split it into several questions or conditions\n")
        }
    }

    @Test func fileNameWithALineBreakStaysOnOneLine() async throws {
        let result = try await ChorusProcess.run(["validate", "no-such\nsurvey.xml"])
        #expect(result.status == 66)
        #expect(result.standardError == #"no-such\nsurvey.xml: error: no such file"# + "\n")
    }

    @Test(arguments: [
        ["validate", "--print-schema"],
        ["validate", "--format", "json", "Surveys/safety-priorities.xml"],
        ["validate", "--format", "json", "Surveys/no-such-survey.xml"],
        ["preview", "Surveys/safety-priorities.xml"],
    ])
    func outputThatCannotBeWrittenExits74(arguments: [String]) async throws {
        let result = try await ChorusProcess.run(arguments, outputFile: "/dev/full")
        #expect(result.status == 74)
        #expect(result.standardError == "chorus: error: cannot write to standard output: No space left on device\n")
    }

    @Test func noFileIsAUsageError() async throws {
        let result = try await ChorusProcess.run(["validate"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Please name at least one survey file."))
    }

    @Test func printedSchemaValidatesTheSampleSurveysInXmllint() async throws {
        let schema = try await ChorusProcess.run(["validate", "--print-schema"])
        #expect(schema.status == 0)
        let path = try Scratch.write(schema.standardOutput, name: "chorus-survey.rng")
        let xmllint = try await ChorusProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/xmllint"),
            ["--noout", "--relaxng", path, "Surveys/safety-priorities.xml"])
        #expect(xmllint.status == 0, "\(xmllint.standardError)")
    }
}

/// Files a test writes for the binary to read, in a fresh temporary folder.
enum Scratch {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!, encoding: .utf8)
    }

    static func write(_ contents: String, name: String = "survey.xml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
