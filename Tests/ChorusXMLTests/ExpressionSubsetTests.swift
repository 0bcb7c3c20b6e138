import Foundation
import Testing

@testable import ChorusXML

/// The XPath a survey may not use (chorus-survey(5), STANDARDS) is refused when the survey is
/// checked, at the offending character, though the parser takes it for ODK forms.
@Suite struct ExpressionSubsetTests {
    /// The minimal survey with a yes-no question after `area` on line 13, its show-if value starting at column 46.
    static func survey(showIf: String) throws -> String {
        let question = """
              <question id="safe" type="yes-no" show-if="\(showIf)">
                <prompt xml:lang="en">Safe?</prompt>
                <prompt xml:lang="es">¿Seguro?</prompt>
              </question>
            </survey>
            """
        return try Fixture.text("minimal.xml").replacingOccurrences(of: "</survey>", with: question)
    }

    @Test(arguments: [
        (
            "area[1] = 'north'", 4,
            "predicates like [1] are not supported in a survey; a question has one answer, so compare it directly, "
                + "as in area = 'value'"
        ),
        (
            "area[area != ''] = 'north'", 4,
            "predicates like [1] are not supported in a survey; a question has one answer, so compare it directly, "
                + "as in area = 'value'"
        ),
        (
            "${area}[2] = 'north'", 7,
            "predicates like [1] are not supported in a survey; a question has one answer, so compare it directly, "
                + "as in area = 'value'"
        ),
        (
            "area | area", 5,
            "'|' is not supported in a survey; to test either of two answers, join two conditions with or, "
                + "as in a = 'x' or b = 'y'"
        ),
        ("../area = 'north'", 0, "'..' is not supported in a survey: questions are not nested; write area or ${area}"),
        ("./area = 'north'", 0, "'.' inside a path is not supported in a survey; write area or ${area}"),
        ("/mini/* = 'north'", 6, "'*' is not supported in a survey; name a question"),
        ("(area)/area = 'north'", 6, "a path after an expression is not supported in a survey; write area or ${area}"),
        ("/ = 'north'", 0, "'/' alone is not supported in a survey; name a question"),
    ])
    func unsupportedXPathIsRefusedAtItsCharacter(showIf: String, offset: Int, message: String) throws {
        #expect(
            Fixture.diagnostics(try Self.survey(showIf: showIf)).map(\.description) == [
                "test.xml:13:\(46 + offset): error: in show-if: \(message)"
            ])
    }

    @Test func constraintIsHeldToTheSameSubset() throws {
        let question = """
              <question id="idea" type="text">
                <prompt xml:lang="en">Idea?</prompt>
                <prompt xml:lang="es">¿Idea?</prompt>
                <constraint test=". != area[1]">
                  <message xml:lang="en">Not your area.</message>
                  <message xml:lang="es">No su zona.</message>
                </constraint>
              </question>
            </survey>
            """
        let source = try Fixture.text("minimal.xml").replacingOccurrences(of: "</survey>", with: question)
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:16:32: error: in test: predicates like [1] are not supported in a survey; a question has "
                    + "one answer, so compare it directly, as in area = 'value'"
            ])
    }

    @Test func referencesTheManualAllowsAreAccepted() throws {
        let showIf = "/mini/area = 'north' and ${area} != '' or area = 'south'"
        #expect(Fixture.diagnostics(try Self.survey(showIf: showIf)).isEmpty)
    }
}
