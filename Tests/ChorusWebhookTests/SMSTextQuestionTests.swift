import ChorusCore
import ChorusStore
import Testing

@testable import ChorusWebhook

/// Replies at a free-text question, where nearly anything is an answer.
@Suite struct SMSTextQuestionTests {
    /// What leads to the last question, "Any ideas?", free text.
    static let toIdeas = ["hi", "yes", "2", "2 3", "5", "skip", "skip", "no"]
    static let toIdeasInSpanish = ["hola", "si", "2", "2 3", "5", "saltar", "saltar", "no"]

    @Test(arguments: ["English", "Español", "es", "inglés"])
    func aLanguagesNameIsAnAnswerNotASwitch(_ message: String) {
        var texter = Texter()
        texter.send(Self.toIdeas)
        #expect(texter.onQuestion == "ideas")
        #expect(texter.send(message).hasPrefix("Thank you for sharing."))
        #expect(texter.saved.first?.answers["ideas"] == .text(message))
        #expect(texter.saved.first?.language == "en")
    }

    @Test(arguments: ["Safe", "parks", "START"])
    func aSurveysKeywordOrStartIsAnAnswerNotARestart(_ message: String) {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send(["SAFE"] + Self.toIdeas.dropFirst())
        #expect(texter.onQuestion == "ideas")
        #expect(texter.send(message).hasPrefix("Thank you for sharing."))
        #expect(texter.saved.first?.answers["ideas"] == .text(message))
    }

    @Test func aKeywordBeforeTheFreeTextQuestionStillRepeatsTheQuestion() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send(["SAFE"] + Self.toIdeas.dropFirst().dropLast())
        #expect(texter.send("PARKS").hasPrefix("Question 6 of 7\nDo you walk at night?"))
        #expect(texter.saved.isEmpty)
    }

    @Test func aSpanishSenderAnsweringEnglishStaysInSpanish() {
        var texter = Texter()
        texter.send(Self.toIdeasInSpanish)
        #expect(texter.send("English").hasPrefix("Gracias por compartir."))
        #expect(texter.saved.first?.answers["ideas"] == .text("English"))
        #expect(texter.saved.first?.language == "es")
    }

    @Test func theQuestionBeforeStillSwitchesLanguage() {
        var texter = Texter()
        texter.send(Array(Self.toIdeas.dropLast()))
        #expect(texter.send("español").hasPrefix("Pregunta 6 de 7\n¿Camina de noche?"))
    }

    @Test func helpBackSkipAndStopStillWork() {
        let skip = "Reply BACK to go back or SKIP to skip."
        var texter = Texter()
        texter.send(Self.toIdeas)
        #expect(texter.send("HELP").hasSuffix("Any ideas?\nReply with your answer in your own words.\n" + skip))
        #expect(texter.onQuestion == "ideas")
        #expect(texter.send("BACK").hasPrefix("Question 6 of 7\nDo you walk at night?"))
        texter.send("no")
        texter.send("SKIP")
        #expect(texter.saved.first?.answers["ideas"] == nil)

        var stopping = Texter()
        stopping.send(Self.toIdeas)
        #expect(stopping.send("STOP").hasPrefix("You won't get any more messages from us."))
        #expect(stopping.saved.isEmpty)
        #expect(stopping.state.isOptedOut)
    }
}
