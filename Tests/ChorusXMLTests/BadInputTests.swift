import Foundation
import Glibc
import Testing

@testable import ChorusXML

/// Files that are not surveys at all: each gets one clear message, and nothing is read, fetched
/// or expanded on the way.
@Suite struct BadInputTests {
    @Test func malformedXMLNamesTheTagsAndWhereTheyWereOpened() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(of: "</question>", with: "</questoin>")
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:12:14: error: </questoin> does not close <question>, opened on line 7"
            ])
    }

    @Test func wrongNamespaceSaysWhichOneIsExpected() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(of: "survey:1", with: "survey:9")
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:2:1: error: <survey> is in namespace 'urn:chorus:survey:9'; expected xmlns=\"urn:chorus:survey:1\""
            ])
    }

    @Test func externalEntityIsNeitherReadNorFetched() throws {
        // A listening socket that would see any attempt to fetch the entity over the network.
        let listener = try LoopbackListener()
        let source = """
            <?xml version="1.0"?>
            <!DOCTYPE survey [
              <!ENTITY secret SYSTEM "file:///etc/passwd">
              <!ENTITY remote SYSTEM "http://127.0.0.1:\(listener.port)/entity">
            ]>
            <survey xmlns="urn:chorus:survey:1" id="x" version="1" languages="en">
              <title xml:lang="en">&secret;&remote;</title>
            </survey>
            """
        let diagnostics = Fixture.diagnostics(source)
        #expect(
            diagnostics.map(\.description) == [
                "test.xml:2:1: error: DOCTYPE is not allowed: surveys may not declare a DTD or entities"
            ])
        #expect(!diagnostics.description.contains("root:"))
        #expect(listener.connectionAttempts() == 0)
    }

    @Test func entityExpansionBombIsRefusedBeforeExpansion() {
        var source = "<?xml version=\"1.0\"?>\n<!-- a comment first -->\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            source += "<!ENTITY lol\(level) \"\(String(repeating: "&\(previous);", count: 10))\">\n"
        }
        source += "]>\n<survey xmlns=\"urn:chorus:survey:1\">&lol9;</survey>\n"
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:3:1: error: DOCTYPE is not allowed: surveys may not declare a DTD or entities"
            ])
    }

    @Test func oversizedFileIsRefusedWithoutReadingIt() throws {
        let path = try TemporaryFile.sparse(bytes: 50 * 1_048_576)
        defer { unlink(path) }
        do {
            _ = try SurveyReader().read(file: path)
            Issue.record("a 50 MB file was accepted")
        } catch .invalid(let diagnostics) {
            #expect(diagnostics.map(\.message) == ["file is 51 MB; a survey may be at most 10 MB"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func binaryFileIsNamedAsBinary() {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]
        #expect(
            Fixture.diagnostics(bytes).map(\.description) == [
                "test.xml:1:8: error: file contains NUL bytes; it is binary, not a survey"
            ])
    }

    @Test func invalidUTF8IsPlacedAtTheFirstBadByte() {
        let bytes = Array("<survey>\nab".utf8) + [0xC3, 0x28]
        #expect(Fixture.diagnostics(bytes).map(\.description) == ["test.xml:2:3: error: file is not valid UTF-8 text"])
    }

    /// The check is written by hand for speed, so it is held to the standard library's decoder on
    /// every sequence of up to two bytes, and on three- and four-byte sequences around each edge
    /// of Unicode's table (overlong forms, surrogates, past U+10FFFF), each behind ASCII that
    /// crosses the eight-byte steps it reads ASCII in.
    @Test func invalidUTF8IsFoundExactlyWhereTheStandardLibrarySaysItIs() {
        func expected(_ bytes: [UInt8]) -> Int? {
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: return nil
                case .error: return offset
                }
            }
        }
        let edges: [UInt8] = [
            0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF,
        ]
        var samples: [[UInt8]] = []
        for first in 0...255 {
            samples.append([UInt8(first)])
            for second in 0...255 { samples.append([UInt8(first), UInt8(second)]) }
        }
        for first in edges { for second in edges { for third in edges { samples.append([first, second, third]) } } }
        for first in edges.filter({ $0 >= 0xF0 }) {
            for second in edges {
                for third: UInt8 in [0x80, 0xBF, 0xC0] {
                    for fourth: UInt8 in [0x7F, 0x80, 0xBF, 0xC0] { samples.append([first, second, third, fourth]) }
                }
            }
        }
        var mismatches: [[UInt8]] = []
        for sample in samples {
            for lead in [0, 5, 8, 13] {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: lead) + sample + Array("tail".utf8)
                if SourceText.firstInvalidUTF8(bytes) != expected(bytes) { mismatches.append(bytes) }
            }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(3))")
    }

    @Test(arguments: ["", "  \n\t\n"])
    func emptyFileSaysSo(contents: String) {
        let messages = Fixture.diagnostics(contents).map(\.message)
        #expect(messages.count == 1 && messages[0].hasPrefix("file "))
    }

    @Test func missingFileCannotBeOpened() {
        #expect {
            try SurveyReader().read(file: "/nonexistent/survey.xml")
        } throws: { error in
            guard case .cannotOpen(_, "no such file") = error as? SurveyReadError else { return false }
            return true
        }
    }

    @Test func directoryIsNotASurveyFile() {
        #expect {
            try SurveyReader().read(file: NSTemporaryDirectory())
        } throws: { error in
            guard case .cannotOpen(_, let reason) = error as? SurveyReadError else { return false }
            return reason == "is a directory, not a survey file"
        }
    }

    @Test func aLessThanSignInAnAttributeSaysHowToWriteIt() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"quasi-identifier="true">"#, with: #"quasi-identifier="true" show-if="1 < 2">"#)
        #expect(
            Fixture.diagnostics(source).map(\.message).first
                == "'<' cannot be written as itself inside an attribute; write &lt;, as in show-if=\"age &lt; 18\"")
    }

    @Test func anAttributeLeftWithoutItsClosingQuoteIsFoundWhereItOpens() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"quasi-identifier="true">"#, with: #"quasi-identifier="true>"#)
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:7:70: error: the value of quasi-identifier has no closing quote, so the lines after it are read "
                    + "as part of it"
            ])
    }

    @Test func textAfterTheSurveyIsReported() throws {
        let source = try Fixture.text("minimal.xml") + "<survey/>"
        #expect(Fixture.diagnostics(source).map(\.message) == ["there is content after the closing </survey>"])
    }
}
