import Foundation
import Testing

/// The issue's own acceptance check, run as an organizer would run it.
@Suite struct AcceptanceTests {
    @Test func duplicatedQuestionMissingSpanishAndBrokenExpressionAreAllReported() async throws {
        // Given a copy of the sample survey with three mistakes an organizer could make
        var source = try String(
            contentsOf: ChorusProcess.packageRoot.appendingPathComponent("Surveys/safety-priorities.xml"),
            encoding: .utf8)
        source = source.replacingOccurrences(of: #"<question id="city-listens""#, with: #"<question id="safe-night""#)
        let spanishPrompt = try #require(source.range(of: #"<prompt xml:lang="es">¿Cuánto tiempo"#))
        let promptEnd = try #require(source.range(of: "</prompt>", range: spanishPrompt.upperBound..<source.endIndex))
        source.removeSubrange(spanishPrompt.lowerBound..<promptEnd.upperBound)
        source = source.replacingOccurrences(
            of: "show-if=\"selected(concerns, 'traffic')\"", with: "show-if=\"selected(concerns, 'traffic'\"")
        let file = try Scratch.write(source)

        // When it is validated
        let result = try await ChorusProcess.run(["validate", file])

        // Then all three are reported, each at its line and column
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(result.status == 65)
        #expect(lines.count == 3, "\(lines)")
        let pattern = try Regex(#"^.+\.xml:\d+:\d+: error: "#)
        #expect(lines.allSatisfy { $0.contains(pattern) })
        #expect(lines.contains { $0.contains("prompt of question 'years-here' has no 'es' text") })
        #expect(lines.contains { $0.contains("in show-if: expected ')' to close '('") })
        #expect(lines.contains { $0.contains("duplicate question id 'safe-night'") })
    }

    @Test(arguments: ["es", "ES"])
    func spanishPreviewReadsInSpanish(_ tag: String) async throws {
        // Language tags are matched without regard to case, as BCP 47 has them.
        let result = try await ChorusProcess.run(["preview", "--lang", tag, "Surveys/safety-priorities.xml"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Prioridades de seguridad en nuestro barrio\n"))
        #expect(result.standardOutput.contains("Consentimiento\n"))
        #expect(result.standardOutput.contains("Se muestra si: concerns incluye «traffic»"))
        #expect(!result.standardOutput.contains("Shown if"))
    }

    @Test func smsPreviewCountsTheTextsOfEveryStep() async throws {
        let result = try await ChorusProcess.run(["preview", "--sms", "--lang", "es", "Surveys/safety-priorities.xml"])
        #expect(result.status == 0)
        let output = result.standardOutput.replacing("\n   ", with: " ").replacing("\n  ", with: " ")
        let steps = output.matches(of: try Regex(#"Por SMS[^:\n]*: \d+ mensajes? \([^)]*: 70 caracteres"#))
        // The consent, the eleven questions and the closing, all with accents.
        #expect(steps.count == 13, "\(result.standardOutput)")
    }
}
