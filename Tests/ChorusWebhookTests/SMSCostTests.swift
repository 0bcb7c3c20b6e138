import ChorusCore
import Testing

@testable import ChorusWebhook

/// What `chorus preview --sms` tells an organizer must be what a resident is then sent.
@Suite struct SMSCostTests {
    /// The texts a reply goes as, each message cut as the server cuts it.
    static func sent(_ texter: Texter) -> Int {
        texter.last!.messages.reduce(0) { $0 + SMSText(SMSText.plain($1)).parts.count }
    }

    @Test(arguments: [
        ("en", ["hi", "yes", "1", "1 2", "1", "1 3", "4", "2", "yes", "More lights"]),
        ("es", ["hola", "sí", "1", "1 2", "1", "1 3", "4", "2", "sí", "Más luces"]),
    ])
    func eachStepCostsWhatTheConversationSends(_ language: String, _ replies: [String]) {
        let survey = WebhookSample.survey
        let cost = SMSCost(survey: survey, language: language)
        var texter = Texter()
        texter.send(replies[0])
        #expect(Self.sent(texter) == cost.consent.count)
        var sentInAll = Self.sent(texter)
        var asked: [String] = []
        for reply in replies.dropFirst() {
            texter.send(reply)
            sentInAll += Self.sent(texter)
            guard let id = texter.onQuestion else { break }
            asked.append(id)
            let index = survey.questions.firstIndex { $0.id == id }!
            #expect(Self.sent(texter) == cost.question(at: index).count, "\(id)")
        }
        // Every question was asked once, the note's included, so every step was compared.
        #expect(asked == survey.questions.filter { $0.kind != .note }.map(\.id))
        #expect(texter.saved.count == 1)
        #expect(Self.sent(texter) == cost.closing.count)
        #expect(sentInAll == cost.total)
    }

    @Test func aLongSpanishIntroCostsManyShortTexts() {
        var survey = WebhookSample.survey
        let intro = String(repeating: "Sus respuestas son anónimas y nadie sabrá quién contestó. ", count: 4)
        survey.intro = LocalizedText(["en": "Tell us.", "es": intro])
        // Title, consent and how to reply fit two texts of 160 characters in English. In Spanish
        // the title, each sentence of the intro and the consent go alone, as no two fit in 70
        // characters; how to reply, STOP and "For English" have no accent and share one text.
        #expect(SMSCost(survey: survey, language: "en").consent.count == 2)
        let spanish = SMSCost(survey: survey, language: "es").consent
        #expect(spanish.count == 7)
        #expect(spanish.unicode == ["ó", "á"])
    }

    @Test func typographicQuotesDoNotMakeATextShort() {
        var survey = WebhookSample.survey
        survey.consent = LocalizedText(["en": "It’s “anonymous” — really…", "es": "Es anónima."])
        #expect(SMSCost(survey: survey, language: "en").consent.unicode.isEmpty)
    }
}
