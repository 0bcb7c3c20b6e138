import Foundation
import Testing

@testable import ChorusXML

/// Test files shipped as resources, and a shortcut from text to diagnostics.
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    static func diagnostics(_ source: String, file: String = "test.xml") -> [Diagnostic] {
        diagnostics(Array(source.utf8), file: file)
    }

    static func diagnostics(_ bytes: [UInt8], file: String = "test.xml") -> [Diagnostic] {
        do {
            _ = try SurveyReader().read(bytes, file: file)
            return []
        } catch .invalid(let diagnostics) {
            return diagnostics
        } catch {
            Issue.record("unexpected \(error)")
            return []
        }
    }
}
