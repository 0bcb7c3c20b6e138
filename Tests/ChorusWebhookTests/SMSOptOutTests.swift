import ChorusCore
import ChorusStore
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChorusWebhook

/// Opting out and back in: which words do it, that one confirmation is all a sender gets, and
/// that nothing, not a retry nor a limit on messages, gets in its way.
@Suite struct SMSOptOutTests {
    static let alice = "+15551230001"
    static let stopped = "You won't get any more messages from us. To start again, reply START. Take care."

    @Test(arguments: [
        "STOP", "stop", "Stop.", "STOPALL", "stop all", "UNSUBSCRIBE", "cancel", "END", "quit", "REVOKE", "OPTOUT",
        "opt-out", "Stop texting me", "no more texts", "Stop please", "please stop", "STOP PLEASE!", "stop, thanks",
        "unsubscribe me", "remove me", "Don't text me", "leave me alone", "take me off your list",
    ])
    func stopWordsOptOutWithOneConfirmationThenSilence(_ word: String) {
        var texter = Texter()
        texter.send(["hi", "yes", "1"])
        #expect(texter.send(word) == Self.stopped)
        #expect(texter.last?.optOut == true)
        #expect(texter.state.conversations.isEmpty)
        for message in ["hi", "STOP", "HELP", "yes", "SAFE", "español"] {
            #expect(texter.send(message) == "", "\(message)")
            #expect(texter.last?.optOut == nil)
        }
    }

    @Test func stopConfirmsInTheConversationsLanguage() {
        var texter = Texter()
        texter.send(["hola", "español"])
        #expect(
            texter.send("STOP") == "No recibirá más mensajes nuestros. Para volver a empezar, responda START. Cuídese.")
    }

    @Test func aSpanishHelpOrStopWordIsAnsweredInSpanishBeforeAnyConversation() {
        var helped = Texter()
        #expect(helped.send("Ayuda").hasPrefix("Encuesta anónima por mensaje de texto: Seguridad del barrio\n"))
        var stopped = Texter()
        #expect(
            stopped.send("alto") == "No recibirá más mensajes nuestros. Para volver a empezar, responda START. Cuídese."
        )
        #expect(stopped.last?.optOut == true)
    }

    @Test(arguments: [
        "baja", "BAJA", "No más mensajes", "no quiero mas mensajes", "dejen de escribirme", "ya no quiero",
        "Alto por favor", "bórrame", "denme de baja",
    ])
    func aSpanishRequestToStopIsAStopAnsweredInSpanish(_ message: String) {
        var texter = Texter()
        #expect(
            texter.send(message) == "No recibirá más mensajes nuestros. Para volver a empezar, responda START. Cuídese."
        )
        #expect(texter.last?.optOut == true)
    }

    @Test func aSentenceThatOnlyContainsStopIsNotAStop() {
        var texter = Texter()
        texter.send(["hi", "yes"])
        #expect(
            texter.send("stop the violence") == "Sorry, I didn't understand that.\n" + SMSConversationTests.areaEnglish)
        #expect(texter.last?.optOut == nil)
        texter.send("please stop the violence")
        #expect(texter.last?.optOut == nil)
    }

    @Test(arguments: ["START", "unstop"])
    func startAfterAStopBeginsAgain(_ word: String) {
        var texter = Texter()
        texter.send(["hi", "STOP", "hello"])
        #expect(texter.send(word) == SMSConversationTests.consentEnglish)
        #expect(texter.last?.optOut == false)
        #expect(texter.send("yes") == SMSConversationTests.areaEnglish)
    }

    @Test func aSpanishStartWordBeginsAgainInSpanish() {
        var texter = Texter()
        texter.send(["hola", "STOP"])
        #expect(texter.send("Comenzar") == SMSConversationTests.consentSpanish)
        #expect(texter.last?.optOut == false)
    }

    @Test func aRetryOfAMessageFromBeforeTheStopGetsNothingButTheStopsOwnRetryIsConfirmedAgain() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            _ = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            #expect(try await client.twilio(from: Self.alice, "STOP", id: "SM3").twimlText == Self.stopped)
            #expect(try await client.twilio(from: Self.alice, "yes", id: "SM2").twimlText == "")
            #expect(try await client.twilio(from: Self.alice, "STOP", id: "SM3").twimlText == Self.stopped)
        }
        // The same, for a server started again, which reads the store rather than what it kept.
        try await harness.application().test(.router) { client in
            #expect(try await client.twilio(from: Self.alice, "Hello", id: "SM1").twimlText == "")
            #expect(try await client.twilio(from: Self.alice, "STOP", id: "SM3").twimlText == Self.stopped)
            // Back in, a retry gets its reply again as before.
            _ = try await client.twilio(from: Self.alice, "START", id: "SM4")
            #expect(try await client.twilio(from: Self.alice, "yes", id: "SM2").twimlText.hasPrefix("Question 1 of 8"))
        }
    }

    @Test func aStopOverTheLimitOnMessagesIsStillHonoured() async throws {
        var configured = try WebhookHarness()
        configured.configuration.rateLimit = RateLimit(messages: 2, per: .seconds(60))
        let harness = configured
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            _ = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            #expect(try await client.twilio(from: Self.alice, "1", id: "SM3").status == .tooManyRequests)
            let stop = try await client.twilio(from: Self.alice, "STOP", id: "SM4")
            #expect(stop.status == .ok)
            #expect(stop.twimlText == Self.stopped)
            #expect(try await client.twilio(from: Self.alice, "Hello", id: "SM5").status == .tooManyRequests)
        }
        #expect(harness.store.contents.withLock { $0.optedOut }.count == 1)
    }
}
