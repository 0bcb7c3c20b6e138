import Foundation
import Testing

@testable import ChorusXML

/// Each diagnostic is one line, whatever the values it quotes contain.
@Suite struct DiagnosticTests {
    @Test func controlCharactersInAQuotedValueAreEscaped() throws {
        let source = try Fixture.text("minimal.xml")
            .replacingOccurrences(of: #"id="area""#, with: #"id="block&#10;party&#9;2""#)
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                #"test.xml:7:13: error: question id 'block\nparty\t2' must start with a letter and contain only "#
                    + #"letters, digits, '-' and '_'"#
            ])
    }

    @Test func controlCharactersInTheFileNameAreEscaped() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(of: #"version="1""#, with: #"version="x""#)
        let descriptions = Fixture.diagnostics(source, file: "park\nsurvey.xml").map(\.description)
        #expect(descriptions.count == 1)
        #expect(descriptions.first?.hasPrefix(#"park\nsurvey.xml:2:"#) == true)
    }

    @Test func everyControlCharacterAndLineSeparatorIsWrittenAsAnEscape() {
        #expect("plain 'value' ñ".escapingControlCharacters == "plain 'value' ñ")
        #expect(
            "a\r\n\u{1B}[2K\u{0}\u{7F}\u{85}\u{2028}b".escapingControlCharacters
                == #"a\r\n\u{1B}[2K\u{0}\u{7F}\u{85}\u{2028}b"#)
    }
}
