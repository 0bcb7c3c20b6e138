import ChorusCore
import Foundation
import Testing

@testable import ChorusXML

@Suite struct SurveyReaderTests {
    @Test func readsEveryQuestionKindWithItsLimits() throws {
        let survey = try SurveyReader().read(file: Fixture.path("every-kind.xml"))
        #expect(survey.id == "every-kind")
        #expect(survey.version == 7)
        #expect(survey.languages == ["en", "es"])
        #expect(survey.smsKeyword == "KINDS")
        #expect(
            survey.questions.map(\.kind.formatName) == [
                "single", "multiple", "rank", "scale", "number", "yes-no", "text", "note",
            ])
        let area = try #require(survey.question("area"))
        #expect(area.isRequired && area.isQuasiIdentifier)
        #expect(area.hint?.text(in: "es") == "Elija una")
        #expect(area.kind.options.map(\.value) == ["north", "south"])
        #expect(survey.question("help")?.kind == .multiple(options: survey.question("help")!.kind.options, maximum: 2))
        guard case .rank(_, let picks) = survey.question("top")?.kind else { Issue.record("top is not rank"); return }
        #expect(picks == 2)
        guard case .scale(1, 5, let low, let high) = survey.question("safe")?.kind else {
            Issue.record("safe is not a 1-5 scale")
            return
        }
        #expect(low.text(in: "es") == "Nada" && high.text(in: "en") == "Very")
        #expect(survey.question("years")?.kind == .number(minimum: 0, maximum: 99.5, decimals: 1))
        #expect(survey.question("idea")?.kind == .text(maximumLength: 200))
        #expect(survey.phrases["agree"]?.text(in: "es") == "Sí, acepto")
    }

    @Test func collapsesWhitespaceAndKeepsParagraphs() throws {
        let survey = try SurveyReader().read(file: Fixture.path("every-kind.xml"))
        #expect(survey.title.text(in: "en") == "Every kind")
        #expect(survey.intro?.text(in: "en") == "First paragraph, wrapped.\nSecond paragraph.")
    }

    @Test func reportsEveryProblemAtOnceInLineOrder() throws {
        let source = try Fixture.text("minimal.xml")
            .replacingOccurrences(of: #"<prompt xml:lang="es">¿Dónde?</prompt>"#, with: "")
            .replacingOccurrences(of: #"value="south""#, with: #"value="north""#)
            .replacingOccurrences(of: #"required="true""#, with: #"requried="true""#)
        let diagnostics = Fixture.diagnostics(source)
        #expect(
            diagnostics.map(\.description) == [
                "test.xml:7:37: error: unknown attribute requried on <question>; did you mean required?",
                "test.xml:8:5: error: prompt of question 'area' has no 'es' text",
                "test.xml:11:13: error: duplicate option value 'north' in question 'area'",
            ])
    }

    @Test func aLanguageLeftOutOfTheListIsOneErrorNotOneForEveryText() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"languages="en es""#, with: #"languages="en""#)
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:4:10: error: title in 'es', which the survey does not declare (it declares en); "
                    + "4 more texts are in 'es' too"
            ])
    }

    @Test func aLanguageNoTextIsInIsOneErrorBesideTheMissingWording() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"languages="en es""#, with: #"languages="en es fr""#)
        let messages = Fixture.diagnostics(source).map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Chorus has no built-in wording in 'fr'") })
        #expect(messages.contains("title has no 'fr' text; nor do 4 more texts"))
    }

    @Test func aLanguagesListThatIsNotTagsIsTheOnlyError() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"languages="en es""#, with: #"languages="en,es""#)
        #expect(
            Fixture.diagnostics(source).map(\.message) == ["'en,es' is not a language tag such as en, es or pt-BR"])
    }

    @Test func aFewTextsInAWrongLanguageAreEachReported() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"<label xml:lang="es">"#, with: #"<label xml:lang="sp">"#)
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:10:27: error: label of option 'north' has no 'es' text",
                "test.xml:10:68: error: label of option 'north' in 'sp', which the survey does not declare (it declares en, es)",
                "test.xml:11:27: error: label of option 'south' has no 'es' text",
                "test.xml:11:68: error: label of option 'south' in 'sp', which the survey does not declare (it declares en, es)",
            ])
    }

    @Test func aTextWithoutXMLLangIsSaidOnceWithoutTheSchemasVagueWords() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"<title xml:lang="es">"#, with: "<title>")
        #expect(
            Fixture.diagnostics(source).map(\.description) == [
                "test.xml:3:3: error: title has no 'es' text",
                "test.xml:4:3: error: <title> has no xml:lang attribute (one of en, es)",
            ])
        let lang = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"<title xml:lang="es">"#, with: #"<title lang="es">"#)
        #expect(
            Fixture.diagnostics(lang).map(\.message) == [
                "title has no 'es' text", "unknown attribute lang on <title>; did you mean xml:lang?",
            ])
    }

    @Test func aLanguageWrittenInAnotherCaseIsSaidHowToWrite() throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(
            of: #"<title xml:lang="es">"#, with: #"<title xml:lang="ES">"#)
        #expect(
            Fixture.diagnostics(source).map(\.message).contains(
                "title in 'ES', which the survey does not declare (it declares en, es); write 'es'"))
    }

    @Test(arguments: [
        (#"type="single""#, #"type="singel""#, "unknown question type 'singel'"),
        (#"id="area""#, #"id="2area""#, "question id '2area' must start with a letter"),
        (#"version="1""#, #"version="one""#, "version 'one' must be a whole number"),
        (#"languages="en es""#, #"languages="en es es""#, "language 'es' is listed twice"),
        (#"quasi-identifier="true""#, #"quasi-identifier="yes""#, "quasi-identifier must be true or false, not 'yes'"),
        (#"<prompt xml:lang="es">"#, #"<prompt xml:lang="fr">"#, "which the survey does not declare"),
        (#"type="single""#, #"type="rank""#, "a rank question needs picks"),
        (#"type="single""#, #"type="number""#, "a number question cannot be a quasi-identifier"),
        (
            #"<prompt xml:lang="en">Where?</prompt>"#, #"<promt xml:lang="en">Where?</promt>"#,
            "<promt> in <question>; did you mean <prompt>?"
        ),
    ])
    func namesTheOffendingValue(original: String, replacement: String, expected: String) throws {
        let source = try Fixture.text("minimal.xml").replacingOccurrences(of: original, with: replacement)
        let messages = Fixture.diagnostics(source).map(\.message)
        #expect(messages.contains { $0.contains(expected) }, "got \(messages)")
    }

    /// A misspelled `<promt>` is reported with the name it seems to mean; that the prompt is then
    /// missing, or lacks a language, is the same slip said again.
    @Test func aMisspelledTextIsOneErrorNotAlsoAMissingOne() throws {
        let minimal = try Fixture.text("minimal.xml")
        let oneLanguage = minimal.replacingOccurrences(
            of: #"<prompt xml:lang="en">Where?</prompt>"#, with: #"<promt xml:lang="en">Where?</promt>"#)
        #expect(
            Fixture.diagnostics(oneLanguage).map(\.message) == [
                "unknown element <promt> in <question>; did you mean <prompt>?"
            ])
        let both = minimal.replacingOccurrences(of: "<prompt ", with: "<promt ")
            .replacingOccurrences(of: "</prompt>", with: "</promt>")
        #expect(Fixture.diagnostics(both).count == 1)
        #expect(!Fixture.diagnostics(both).map(\.message).contains { $0.contains("missing") })
        // A text left out altogether still is missing.
        let none = minimal.replacingOccurrences(of: #"<prompt xml:lang="en">Where?</prompt>"#, with: "")
            .replacingOccurrences(of: #"<prompt xml:lang="es">¿Dónde?</prompt>"#, with: "")
        #expect(
            Fixture.diagnostics(none).map(\.message).contains { $0.contains("prompt of question 'area' is missing") })
    }

    @Test(arguments: [#"type="rank" picks="0""#, #"type="scale" min="5" max="1""#, #"type="singel""#])
    func aQuestionTooBrokenToBuildIsNotAlsoUnknownToQuestionsThatReferToIt(_ broken: String) throws {
        let source = try Fixture.text("minimal.xml")
            .replacingOccurrences(of: #"id="area" type="single""#, with: #"id="area" \#(broken)"#)
            .replacingOccurrences(
                of: "</survey>",
                with: #"""
                    <question id="ok" type="yes-no" show-if="area = 'north'">
                    <prompt xml:lang="en">OK?</prompt><prompt xml:lang="es">¿Bien?</prompt></question></survey>
                    """#)
        let messages = Fixture.diagnostics(source).map(\.message)
        #expect(!messages.isEmpty)
        #expect(!messages.contains { $0.contains("refers to unknown question") }, "\(messages)")
        // A question that really is unknown still is.
        let unknown = source.replacingOccurrences(of: "area = 'north'", with: "zone = 'north'")
        #expect(Fixture.diagnostics(unknown).map(\.message).contains { $0.contains("unknown question 'zone'") })
    }

    /// The survey's own checks name a part of the survey, not a place in the file; the reader
    /// finds where that part was written only when there is a problem to place.
    @Test func surveyChecksArePlacedWhereTheirPartWasWritten() throws {
        let source = """
            <?xml version="1.0" encoding="UTF-8"?>
            <survey xmlns="urn:chorus:survey:1" id="mini" version="1" languages="en de">
              <title xml:lang="en">Mini</title><title xml:lang="de">Mini</title>
              <consent xml:lang="en">You agree.</consent><consent xml:lang="de">Ja.</consent>
              <question id="area" type="single">
                <prompt xml:lang="en">Where?</prompt><prompt xml:lang="de">Wo?</prompt>
                <option value="north"><label xml:lang="en">North</label><label xml:lang="de">Nord</label></option>
                <option value="south"><label xml:lang="en">South</label><label xml:lang="de">Süd</label></option>
              </question>
              <question id="why" type="text" show-if="zone = 'x'">
                <prompt xml:lang="en">Why?</prompt><prompt xml:lang="de">Warum?</prompt>
                <constraint test="area = 'east'">
                  <message xml:lang="en">No.</message><message xml:lang="de">Nein.</message>
                </constraint>
              </question>
              <phrase key="agre" xml:lang="en">I agree</phrase>
            </survey>
            """
        let placed = Fixture.diagnostics(source).map { "\($0.line):\($0.column) \($0.message.prefix(40))" }
        #expect(
            placed == [
                "2:59 Chorus has no built-in wording in 'de' (",
                "10:34 show-if of 'why' refers to unknown quest",
                "12:30 'east' is not an option of 'area' (its o",
                "16:11 unknown phrase key 'agre'; did you mean ",
            ])
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let source = try Fixture.text("minimal.xml")
            .replacingOccurrences(of: #"<option value="south">"#, with: #"<option  value="sur ñ">"#)
        let diagnostic = try #require(Fixture.diagnostics(source).first)
        #expect(diagnostic.line == 11 && diagnostic.column == 14)
    }

    @Test func refusesAnODKXFormWithAPointerToTheFormat() throws {
        let path = Fixture.path("odk/radio.xml")
        #expect(throws: SurveyReadError.self) { try SurveyReader().read(file: path) }
        let messages = Fixture.diagnostics(try String(contentsOfFile: path, encoding: .utf8)).map(\.message)
        #expect(messages == ["this looks like an ODK XForm; Chorus reads its own survey format (see chorus-survey(5))"])
    }

    @Test func aSurveyWithoutConsentIsToldOnlyThat() throws {
        let source = try Fixture.text("minimal.xml")
        let without = source.replacingOccurrences(
            of: #"<consent[^>]*>[^<]*</consent>"#, with: "", options: .regularExpression)
        // The schema also finds the first question where consent belongs; that follows from this.
        #expect(
            Fixture.diagnostics(without).map(\.message) == ["consent is missing; give one for each language (en, es)"])
        // A question out of place for another reason is still told.
        let late = source.replacingOccurrences(of: "</survey>", with: "<title xml:lang=\"en\">Late</title></survey>")
        #expect(Fixture.diagnostics(late).map(\.message).contains { $0.hasPrefix("<title> is not allowed here") })
    }
}
