import ChorusCore
import ChorusStore
import Testing

@testable import ChorusWebhook

/// Replies as residents type them: option numbers and labels in the forms people use, numbers
/// written out, and a yes or no in everyday words.
@Suite struct SMSReplyReadingTests {
    @Test(arguments: ["Yeah", "yep!", "Yes please", "Sí, claro", "claro"])
    func aClearYesAgrees(_ message: String) {
        var texter = Texter()
        texter.send("hi")
        #expect(texter.send(message) == SMSConversationTests.areaEnglish)
    }

    @Test(arguments: ["Nope", "No thanks", "no, gracias", "nah"])
    func aClearNoDeclines(_ message: String) {
        var texter = Texter()
        texter.send("hi")
        #expect(texter.send(message).hasPrefix("That's okay. We won't keep any of your answers."))
    }

    @Test(arguments: [
        "2", " 2.", "2!", "#2", "South side", "south SIDE", "Lado sur", "2) South side", "2. south side", "Option 2",
        "opción 2", "two", "Dos", "option two",
    ])
    func forgivingSingleChoiceReplies(_ message: String) throws {
        var texter = Texter()
        #expect(texter.send(["hi", "yes", message]) == SMSConversationTests.concernsEnglish)
        let interview = try #require(texter.state.conversations["safety-priorities"])
        #expect(interview.answers["area"] == .choice("south"))
    }

    @Test(arguments: [
        "2,3", "2 3", "2, 3", "2 and 3", "2 y 3", "Theft, Violence", "2) Theft, 3) Violence", "2, Violence",
        "options 2 and 3", "two and three", "dos y tres",
    ])
    func forgivingRankReplies(_ message: String) throws {
        var texter = Texter()
        texter.send(["hi", "yes", "1", message])
        let interview = try #require(texter.state.conversations["safety-priorities"])
        #expect(interview.answers["concerns"] == .choices(["theft", "violence"]))
    }

    @Test(arguments: ["1) South side", "2) North side, 3) South side"])
    func anOptionsNumberWithAnotherOptionsLabelIsAskedAgain(_ message: String) {
        var texter = Texter()
        texter.send(["hi", "yes"])
        #expect(texter.send(message) == "Sorry, I didn't understand that.\n" + SMSConversationTests.areaEnglish)
    }

    @Test func numbersWrittenOutAnswerScaleAndNumberQuestions() throws {
        var texter = Texter()
        texter.send(["hola", "sí", "1", "2 3", "tres"])
        #expect(texter.onQuestion == "household")
        texter.send("cuatro")
        let interview = try #require(texter.state.conversations["safety-priorities"])
        #expect(interview.answers["safe-at-night"] == .number(3))
        #expect(interview.answers["household"] == .number(4))
    }

    @Test func anOptionLabeledWithANumberWordIsChosenByItsLabel() throws {
        var survey = WebhookSample.survey
        survey.questions[0].kind = .single(options: [
            Option(value: "none", label: LocalizedText(["en": "None", "es": "Ninguno"])),
            Option(value: "one", label: LocalizedText(["en": "One", "es": "Uno"])),
        ])
        var texter = Texter([survey])
        texter.send(["hi", "yes", "one"])
        let interview = try #require(texter.state.conversations["safety-priorities"])
        #expect(interview.answers["area"] == .choice("one"))
    }
}
