import ChorusCore
import ChorusStore
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChorusWebhook

/// Plivo and Telnyx on a real server on 127.0.0.1, with real HTTP requests.
@Suite struct GatewayRoutesLiveTests {
    /// As Plivo writes numbers: digits without the `+`.
    static let plivoSender = "15551230001"

    @Test func plivoAnswersInPlivoXMLAndTheSenderIsTheSameWithOrWithoutPlus() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            let first = try await client.plivo(from: Self.plivoSender, "Hello", id: "uuid-1")
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/xml; charset=utf-8")
            let xml = String(buffer: first.body)
            #expect(xml.contains(#"<Message src="15550001111" dst="15551230001" type="sms">Neighborhood safety"#))
            #expect(xml.contains("if you&apos;d rather not."))
            // The same person through JSON with a `+` continues the same conversation.
            let next = try await client.json(from: "+" + Self.plivoSender, "yes", id: "j-1")
            #expect(String(buffer: next.body).contains("Question 1 of 8"))
            // STOP gets one confirmation; after it, an empty response.
            _ = try await client.plivo(from: Self.plivoSender, "STOP", id: "uuid-2")
            let silent = try await client.plivo(from: Self.plivoSender, "hello", id: "uuid-3")
            #expect(String(buffer: silent.body) == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
        }
        #expect(harness.store.contents.withLock { $0.optedOut }.count == 1)
    }

    @Test func plivoSignedWithV2AloneIsAccepted() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            let (body, _) = WebhookHarness.plivoRequest(from: Self.plivoSender, text: "Hello", id: "uuid-1")
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[HTTPField.Name("X-Plivo-Signature-V2")!] = PlivoGateway.signatureV2(
                url: WebhookHarness.plivoURL, nonce: "n-2", token: WebhookHarness.plivoToken)
            headers[HTTPField.Name("X-Plivo-Signature-V2-Nonce")!] = "n-2"
            let response = try await client.execute(
                uri: "/sms/plivo", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("Neighborhood safety"))
        }
    }

    @Test func aPlivoV2SignatureReplayedWithAnotherMessageIsRefusedButARetryIsNot() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            // V2 signs the URL and the nonce only, so a captured request's headers fit any body.
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[HTTPField.Name("X-Plivo-Signature-V2")!] = PlivoGateway.signatureV2(
                url: WebhookHarness.plivoURL, nonce: "n-7", token: WebhookHarness.plivoToken)
            headers[HTTPField.Name("X-Plivo-Signature-V2-Nonce")!] = "n-7"
            func send(_ text: String, id: String, from sender: String = Self.plivoSender) async throws -> TestResponse {
                let (body, _) = WebhookHarness.plivoRequest(from: sender, text: text, id: id)
                return try await client.execute(
                    uri: "/sms/plivo", method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let first = try await send("Hello", id: "uuid-1")
            #expect(first.status == .ok)
            let applied = harness.store.contents.withLock { $0.applied }
            // Another message, or the same text as another sender, under the captured signature
            #expect(try await send("STOP", id: "uuid-2").status == .forbidden)
            #expect(try await send("Hello", id: "uuid-3", from: "15559990000").status == .forbidden)
            #expect(harness.store.contents.withLock { $0.applied } == applied)
            // Plivo retrying the same message gets the reply it had.
            let retry = try await send("Hello", id: "uuid-1")
            #expect(retry.status == .ok)
            #expect(String(buffer: retry.body) == String(buffer: first.body))
        }
        #expect(harness.store.contents.withLock { $0.optedOut }.isEmpty)
    }

    @Test func aForgedPlivoRequestIsRefusedAndChangesNothing() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            let forged = try await client.plivo(from: Self.plivoSender, "Hello", id: "uuid-1", token: "wrong")
            #expect(forged.status == .forbidden)
            let unsigned = try await client.execute(
                uri: "/sms/plivo", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "From=15551230001&To=15550001111&Text=Hi&MessageUUID=u"))
            #expect(unsigned.status == .forbidden)
        }
        #expect(harness.store.calls == 0)
    }

    @Test func telnyxForgedStaleAndOtherEventsChangeNothing() async throws {
        let api = FakeTelnyxAPI()
        let base = try WebhookHarness()
        try await api.application().test(.live) { apiClient in
            var configured = base
            configured.enableTelnyx(apiURL: "http://127.0.0.1:\(try #require(apiClient.port))")
            let harness = configured
            try await harness.application().test(.live) { client in
                let now = harness.clock.now
                let forged = try await client.telnyx(
                    from: "+15551230001", "Hello", id: "m-1", at: now,
                    key: try .init(rawRepresentation: [UInt8](repeating: 8, count: 32)))
                #expect(forged.status == .forbidden)
                let stale = try await client.telnyx(from: "+15551230001", "Hello", id: "m-2", at: now - 301)
                #expect(stale.status == .forbidden)
                let early = try await client.telnyx(from: "+15551230001", "Hello", id: "m-3", at: now + 301)
                #expect(early.status == .forbidden)
                #expect(harness.store.calls == 0)
                let report = try await client.telnyx(
                    from: "+15551230001", "Hello", id: "m-4", at: now, eventType: "message.finalized")
                #expect(report.status == .ok)
                #expect(harness.store.calls == 0)
                // Within the window, the same request is taken.
                let fresh = try await client.telnyx(from: "+15551230001", "Hello", id: "m-5", at: now - 299)
                #expect(fresh.status == .ok)
                try await FakeTelnyxAPI.eventually {
                    try await client.scrape().contains(#"chorus_sms_outbox_total{gateway="telnyx",event="sent"} 1"#)
                }
            }
        }
        #expect(base.store.conversationCount == 1)
        // Only the fresh message's reply, in as many texts as it has parts.
        #expect(!api.accepted.isEmpty)
        #expect(api.accepted.allSatisfy { $0.fields["to"] == "+15551230001" })
    }

    @Test(arguments: ["plivo", "telnyx"])
    func aGatewayWithoutASecretAnswers404(_ gateway: String) async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = ["twilio": WebhookHarness.twilioToken]
        try await harness.application().test(.live) { client in
            let response = try await client.execute(
                uri: "/sms/\(gateway)", method: .post, body: ByteBuffer(string: "From=1&Text=x"))
            #expect(response.status == .notFound)
        }
        #expect(harness.store.calls == 0)
    }

    @Test func telnyxNeedsAValidPublicKeyAndAnAPIKey() throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets["telnyx"] = WebhookHarness.telnyxPublicKey
        #expect(throws: WebhookError.self) { try harness.application() }
        harness.configuration.apiKeys["telnyx"] = "key"
        _ = try harness.application()
        harness.configuration.secrets["telnyx"] = "c2hvcnQ="
        #expect(throws: WebhookError.self) { try harness.application() }
    }
}
