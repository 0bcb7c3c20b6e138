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

    @Test func textAfterTheSurveyIsReported() throws {
        let source = try Fixture.text("minimal.xml") + "<survey/>"
        #expect(Fixture.diagnostics(source).map(\.message) == ["there is content after the closing </survey>"])
    }
}
