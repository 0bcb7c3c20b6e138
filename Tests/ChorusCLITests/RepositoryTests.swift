import Foundation
import Testing

/// The repository's own promises: every command documented, man pages clean, code formatted.
@Suite struct RepositoryTests {
    static let commands = ["validate", "preview", "kiosk", "serve", "status", "merge", "export"]

    @Test func everyCommandHasAManPageThatLintsClean() async throws {
        let man = ChorusProcess.packageRoot.appendingPathComponent("Man")
        let pages = ["chorus.1", "chorus-survey.5"] + Self.commands.map { "chorus-\($0).1" }
        for page in pages {
            #expect(
                FileManager.default.fileExists(atPath: man.appendingPathComponent(page).path), "Man/\(page) is missing")
        }
        let all = try FileManager.default.contentsOfDirectory(atPath: man.path).filter {
            $0.hasSuffix(".1") || $0.hasSuffix(".5")
        }
        let lint = try await ChorusProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/mandoc"), ["-Tlint", "-Wwarning"] + all.map { "Man/\($0)" })
        #expect(lint.standardOutput + lint.standardError == "")
    }

    @Test func helpListsEveryCommand() async throws {
        let help = try await ChorusProcess.run(["--help"])
        for command in Self.commands { #expect(help.standardOutput.contains(command)) }
    }

    @Test func sourcesPassSwiftFormatLintStrict() async throws {
        let swift = try #require(Self.which("swift"))
        let lint = try await ChorusProcess.run(
            executable: swift, ["format", "lint", "--strict", "--recursive", "Package.swift", "Sources", "Tests"])
        #expect(lint.status == 0, "\(lint.standardError)")
    }

    static func which(_ tool: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(tool) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
