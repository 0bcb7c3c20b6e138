import Foundation
import Testing

@testable import ChorusWebhook

@Suite struct TelnyxGatewayTests {
    // Made once with Python's `cryptography` (Ed25519PrivateKey from the seed bytes 0...31),
    // independently of this code.
    static let publicKey = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
    static let timestamp = "1790000000"
    static let body = Array(
        #"{"data":{"event_type":"message.received","id":"ev-1","payload":{"id":"msg-1","from":{"phone_number":"+15551230001"},"to":[{"phone_number":"+15550001111"}],"text":"Hello"}}}"#
            .utf8)
    static let signature = "LFA9B8XjKtLWkW/QtB1gqU1zgyen29Vw/FU2hYeYt+tQ2RaeAVZ0QY11RX2QcUEL90qtjIkC6klPgM7W7cVmDQ=="

    func request(
        signature: String = Self.signature, timestamp: String = Self.timestamp, body: [UInt8] = Self.body,
        receivedAt: TimeInterval = 1_790_000_000
    ) -> GatewayRequest {
        GatewayRequest(
            url: "https://sms.example.org/sms/telnyx",
            headers: ["telnyx-signature-ed25519": signature, "telnyx-timestamp": timestamp], body: body,
            receivedAt: Date(timeIntervalSince1970: receivedAt))
    }

    @Test func verifiesTheVectorWithinFiveMinutesOfTheClock() {
        let gateway = TelnyxGateway()
        #expect(gateway.isAuthentic(request(), secret: Self.publicKey))
        #expect(gateway.isAuthentic(request(receivedAt: 1_790_000_300), secret: Self.publicKey))
        #expect(gateway.isAuthentic(request(receivedAt: 1_789_999_700), secret: Self.publicKey))
        // Stale, or from the future: a replay, refused even with a good signature.
        #expect(!gateway.isAuthentic(request(receivedAt: 1_790_000_301), secret: Self.publicKey))
        #expect(!gateway.isAuthentic(request(receivedAt: 1_789_999_699), secret: Self.publicKey))
    }

    @Test func refusesAnythingTheSignatureDoesNotCover() {
        let gateway = TelnyxGateway()
        // Another timestamp, even within the window.
        #expect(!gateway.isAuthentic(request(timestamp: "1790000001"), secret: Self.publicKey))
        // Another body: a single byte changed.
        var body = Self.body
        body[body.count - 4] = UInt8(ascii: "X")
        #expect(!gateway.isAuthentic(request(body: body), secret: Self.publicKey))
        // Another key.
        #expect(!gateway.isAuthentic(request(), secret: WebhookHarness.telnyxPublicKey))
        #expect(!gateway.isAuthentic(request(signature: "bm90IGEgc2lnbmF0dXJl"), secret: Self.publicKey))
        #expect(
            !gateway.isAuthentic(
                GatewayRequest(
                    url: "", headers: [:], body: Self.body, receivedAt: Date(timeIntervalSince1970: 1_790_000_000)),
                secret: Self.publicKey))
    }

    @Test func aKeyThatIsNotThirtyTwoBytesOfBase64IsAConfigurationProblem() {
        #expect(TelnyxGateway().problem(withSecret: Self.publicKey) == nil)
        #expect(TelnyxGateway().problem(withSecret: "c2hvcnQ=") != nil)
        #expect(TelnyxGateway().problem(withSecret: "not base64!") != nil)
    }

    @Test func readsAReceivedMessageAndIgnoresOtherEvents() throws {
        let inbound = try TelnyxGateway().inbound(from: request())
        #expect(inbound == InboundSMS(messageID: "msg-1", from: "+15551230001", to: "+15550001111", text: "Hello"))
        let sent = #"{"data":{"event_type":"message.sent","id":"ev-2","payload":{"id":"msg-2"}}}"#
        #expect(try TelnyxGateway().inbound(from: request(body: Array(sent.utf8))) == nil)
    }

    @Test(arguments: [
        "[]", #"{"data":{}}"#, #"{"data":{"event_type":"message.received"}}"#,
        #"{"data":{"event_type":"message.received","payload":{"id":"m","from":{"phone_number":"+1555"},"to":[]}}}"#,
    ])
    func aMalformedEventIsRefused(_ body: String) {
        #expect(throws: WebhookError.self) { try TelnyxGateway().inbound(from: request(body: Array(body.utf8))) }
    }

    @Test func sendsWithTheBearerKeyToTheConfiguredAPI() throws {
        let request = TelnyxGateway().sendRequest(
            text: "Hi \"there\"", to: "+15551230001", from: "+15550001111",
            api: GatewayAPI(baseURL: "http://127.0.0.1:9999/", key: "KEY123"))
        #expect(request.url == "http://127.0.0.1:9999/v2/messages")
        #expect(
            request.headers.map { "\($0.name): \($0.value)" } == [
                "Authorization: Bearer KEY123", "Content-Type: application/json",
            ])
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(request.body))
        #expect(decoded == ["from": "+15550001111", "to": "+15551230001", "text": "Hi \"there\""])
    }
}
