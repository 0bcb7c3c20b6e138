import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChorusWebhook

/// The webhook's HTTP behaviour, through Hummingbird's in-process router client.
@Suite struct WebhookRouterTests {
    static let alice = "+15551230001"

    @Test func healthz() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == "ok\n")
        }
    }

    @Test func aSignedTwilioMessageGetsTwiMLAndIsStored() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.twilio(from: Self.alice, "Hello", id: "SM0001")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
            let xml = String(buffer: response.body)
            #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Neighborhood safety"#))
            #expect(
                response.twimlText.contains("Reply YES to agree and start, or NO if you&apos;d rather not.") == false)
            #expect(response.twimlText.contains("Reply YES to agree and start, or NO if you'd rather not."))
        }
        #expect(harness.store.conversationCount == 1)
    }

    @Test func theGenericJSONGatewayRepliesInJSON() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let response = try await client.json(from: Self.alice, "español", id: "relay-1")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let decoded = try JSONDecoder().decode(
                [String: [String]].self, from: Data(String(buffer: response.body).utf8))
            #expect(decoded["messages"]?.first?.hasPrefix("Seguridad del barrio\n") == true)
            let silent = try await client.json(from: Self.alice, "STOP", id: "relay-2")
            #expect(String(buffer: silent.body).contains("No recibirá"))
            let after = try await client.json(from: Self.alice, "hola", id: "relay-3")
            #expect(String(buffer: after.body) == #"{"messages":[]}"#)
        }
    }

    @Test func aForgedSignatureIsRefusedAndChangesNothing() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let forged = try await client.twilio(from: Self.alice, "Hello", id: "SM0001", token: "not-the-token")
            #expect(forged.status == .forbidden)
            // Signed for another URL.
            let moved = try await client.twilio(
                from: Self.alice, "Hello", id: "SM0002", url: "https://elsewhere.example/sms/twilio")
            #expect(moved.status == .forbidden)
            let unsigned = try await client.execute(
                uri: "/sms/twilio", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "MessageSid=SM3&From=%2B15551230001&Body=Hi"))
            #expect(unsigned.status == .forbidden)
            let json = try await client.json(from: Self.alice, "Hello", id: "x", secret: "wrong")
            #expect(json.status == .forbidden)
        }
        #expect(harness.store.calls == 0)
    }

    @Test func signaturesCoverThePublicURLWhenOneIsConfigured() async throws {
        var harness = try WebhookHarness()
        harness.configuration.publicURL = "https://sms.example.org/chorus/"
        try await harness.application().test(.router) { client in
            let local = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            #expect(local.status == .forbidden)
            let behindProxy = try await client.twilio(
                from: Self.alice, "Hello", id: "SM2", url: "https://sms.example.org/chorus/sms/twilio?site=3",
                uri: "/sms/twilio?site=3")
            #expect(behindProxy.status == .ok)
        }
    }

    @Test func withoutAPublicURLSignaturesCoverTheHostHeaderAndTheQuery() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let withQuery = try await client.twilio(
                from: Self.alice, "Hello", id: "SM1", url: WebhookHarness.twilioURL + "?site=3",
                uri: "/sms/twilio?site=3")
            #expect(withQuery.status == .ok)
            let queryNotSigned = try await client.twilio(
                from: Self.alice, "Hello", id: "SM2", uri: "/sms/twilio?site=3")
            #expect(queryNotSigned.status == .forbidden)
        }
    }

    @Test func aTamperedBodyIsRefused() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let (body, signature) = WebhookHarness.twilioRequest(from: Self.alice, text: "1", id: "SM9")
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[HTTPField.Name("X-Twilio-Signature")!] = signature
            let tampered = body.replacingOccurrences(of: "Body=1", with: "Body=2")
            let response = try await client.execute(
                uri: "/sms/twilio", method: .post, headers: headers, body: ByteBuffer(string: tampered))
            #expect(response.status == .forbidden)
        }
        #expect(harness.store.calls == 0)
    }

    @Test func aGatewayWithoutASecretIsNotThere() async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = ["json": WebhookHarness.jsonSecret]
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/sms/twilio", method: .post,
                body: ByteBuffer(string: "MessageSid=SM1&From=%2B15551230001&Body=Hi"))
            #expect(response.status == .notFound)
        }
        #expect(harness.store.calls == 0)
    }

    @Test func allowUnsignedServesGatewaysWithoutASecretForLocalTrials() async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = ["json": WebhookHarness.jsonSecret]
        harness.configuration.allowUnsigned = true
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/sms/twilio", method: .post,
                body: ByteBuffer(string: "MessageSid=SM1&From=%2B15551230001&Body=Hi"))
            #expect(response.status == .ok)
            #expect(response.twimlText.hasPrefix("Neighborhood safety"))
            // A gateway with a secret still checks it.
            let json = try await client.json(from: Self.alice, "Hello", id: "x", secret: "wrong")
            #expect(json.status == .forbidden)
        }
    }

    @Test func aReplayedMessageGetsTheSameReplyAndChangesNothing() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            let first = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            let applied = harness.store.contents.withLock { $0.applied }
            let again = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            #expect(again.status == .ok)
            #expect(String(buffer: again.body) == String(buffer: first.body))
            #expect(harness.store.contents.withLock { $0.applied } == applied)
            // Replayed after the conversation moved on, it still gets the reply it had.
            _ = try await client.twilio(from: Self.alice, "1", id: "SM3")
            let late = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            #expect(String(buffer: late.body) == String(buffer: first.body))
            #expect(harness.store.contents.withLock { $0.applied } == applied + 1)
        }
    }

    @Test func aRelayGivingTwoSendersOneMessageIdHasBothHeard() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            // Given Alice's first message, numbered 1 by a relay on her phone's side
            _ = try await client.json(from: Self.alice, "Hello", id: "1")
            let agreed = try await client.json(from: Self.alice, "yes", id: "2")

            // When another resident's first two messages come through a relay numbering them alike
            let first = try await client.json(from: "+15551230002", "español", id: "1")
            let second = try await client.json(from: "+15551230002", "sí", id: "2")

            // Then theirs are new messages, answered for them, not with Alice's replies
            #expect(String(buffer: first.body).contains("Seguridad del barrio"))
            #expect(String(buffer: second.body) != String(buffer: agreed.body))
            #expect(String(buffer: second.body).contains("Pregunta 1 de 8"))
        }
        #expect(harness.store.conversationCount == 2)
    }

    @Test func aSendersNextMessageIsAnsweredWithoutReadingTheStore() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            let before = harness.store.calls
            let next = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            #expect(next.twimlText.hasPrefix("Question 1 of 8"))
            // Only the write: the state is the one kept after the first message.
            #expect(harness.store.calls == before + 1)
        }
    }

    @Test func aSenderTheStoreHoldsNothingOfIsAnsweredWithoutReadingIt() async throws {
        let harness = try WebhookHarness()
        let (bob, carol) = ("+15551230002", "+15551230003")
        let declined = try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            _ = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            _ = try await client.twilio(from: carol, "Hello", id: "SM3")
            return try await client.twilio(from: carol, "no", id: "SM4").twimlText
        }
        // A server started again on the same store
        try await harness.application().test(.router) { client in
            // Alice is read from the store and goes on where she was.
            let next = try await client.twilio(from: Self.alice, "1", id: "SM5")
            #expect(next.twimlText.hasPrefix("Question 2 of 8"))

            let before = harness.store.calls
            let first = try await client.twilio(from: bob, "Hello", id: "SM6")
            #expect(first.twimlText.hasPrefix("Neighborhood safety"))
            // Only the write: the store held nothing of this sender when the server started.
            #expect(harness.store.calls == before + 1)

            // Carol declined, which left nothing of her but her messages' replies: a retry of
            // her last still gets the reply it had and changes nothing.
            let applied = harness.store.contents.withLock { $0.applied }
            let again = try await client.twilio(from: carol, "no", id: "SM4")
            #expect(again.twimlText == declined)
            #expect(harness.store.contents.withLock { $0.applied } == applied)
        }
    }

    @Test func anOversizedBodyGets413() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            let (body, signature) = WebhookHarness.twilioRequest(
                from: Self.alice, text: String(repeating: "a", count: 70_000), id: "SM1")
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[HTTPField.Name("X-Twilio-Signature")!] = signature
            let response = try await client.execute(
                uri: "/sms/twilio", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
        }
        #expect(harness.store.calls == 0)
    }

    @Test(arguments: [
        "MessageSid=SM1&Body=Hi",  // no From
        "From=%2B15551230001&Body=Hi",  // no MessageSid
        "MessageSid=SM1&From=%2B15551230001&Body=%ZZ",  // broken escape
        "MessageSid=SM1&From=%2B15551230001&Body=%FF",  // not UTF-8
        "MessageSid=SM1&From=0800+FLOWERS&Body=Hi",  // not E.164
    ])
    func aMalformedTwilioBodyGets400(_ body: String) async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = [:]
        harness.configuration.allowUnsigned = true
        try await harness.application().test(.router) { client in
            let response = try await client.execute(uri: "/sms/twilio", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
        }
        #expect(harness.store.calls == 0)
    }

    @Test(arguments: [
        #"{"id": "1", "from": "+15551230001"}"#, "not json", #"{"id": 1, "from": "+1", "text": "x"}"#, "",
    ])
    func aMalformedJSONBodyGets400(_ body: String) async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = [:]
        harness.configuration.allowUnsigned = true
        try await harness.application().test(.router) { client in
            let response = try await client.execute(uri: "/sms/json", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
        }
    }

    @Test func aStoreFailureGets500SoTheGatewayRetries() async throws {
        let harness = try WebhookHarness()
        harness.store.failing.withLock { $0 = true }
        try await harness.application().test(.router) { client in
            let response = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            #expect(response.status == .internalServerError)
            harness.store.failing.withLock { $0 = false }
            let retried = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            #expect(retried.status == .ok)
            #expect(retried.twimlText.hasPrefix("Neighborhood safety"))
        }
    }

    @Test func anExpiredConversationStartsOver() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            _ = try await client.twilio(from: Self.alice, "yes", id: "SM2")
            // Two days later the conversation goes on.
            harness.clock.advance(by: 2 * 86_400)
            let later = try await client.twilio(from: Self.alice, "1", id: "SM3")
            #expect(later.twimlText.hasPrefix("Question 2 of 8"))
            // Three days and two hours after that, it has been deleted and starts over.
            harness.clock.advance(by: 3 * 86_400 + 7_200)
            let expired = try await client.twilio(from: Self.alice, "2 3", id: "SM4")
            #expect(expired.twimlText.hasPrefix("Neighborhood safety"))
        }
    }

    @Test func theResponseIsSavedWithTheDayInTheConfiguredZone() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            var id = 0
            for text in ["Hello", "yes", "2", "2 3", "5", "skip", "skip", "no", "skip"] {
                id += 1
                _ = try await client.twilio(from: Self.alice, text, id: "SM\(id)")
            }
            let again = try await client.twilio(from: Self.alice, "hi", id: "SM99")
            #expect(again.twimlText == "You've already answered this survey. Thank you!")
        }
        let saved = harness.store.contents.withLock { $0.responses }
        #expect(saved.count == 1)
        // 1_790_000_000 is 2026-09-21 14:13 UTC, 09:13 in Chicago.
        #expect(saved.first?.day.description == "2026-09-21")
        #expect(saved.first?.0.answers["area"] == .choice("south"))
    }

    @Test func aMessageDeliveredManyTimesAtOnceIsProcessedOnce() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.router) { client in
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<10 {
                    group.addTask { String(buffer: try await client.twilio(from: Self.alice, "yes", id: "SM2").body) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(bodies).count == 1)
            #expect(bodies.first?.contains("Question 1 of 8") == true)
        }
        #expect(harness.store.contents.withLock { $0.applied } == 2)
    }
}
