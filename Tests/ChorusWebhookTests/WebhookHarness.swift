import ChorusCore
import ChorusStore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import Synchronization

@testable import ChorusWebhook

/// A webhook on a memory store with a clock the test moves, and helpers that text it as a
/// gateway would.
struct WebhookHarness {
    static let twilioToken = "twilio-test-token"
    static let jsonSecret = "json-test-secret"
    static let plivoToken = "plivo-test-token"
    static let plivoURL = "http://localhost/sms/plivo"
    /// Telnyx signs with its private key; the webhook is given the public one.
    static let telnyxKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 7, count: 32))
    static var telnyxPublicKey: String { telnyxKey.publicKey.rawRepresentation.base64EncodedString() }
    /// What the test clients send as Host; the URL Twilio signs is built on it.
    static let twilioURL = "http://localhost/sms/twilio"

    let store = MemorySMSStore()
    let key: SenderKey
    let logs = LogCapture()
    let clock = TestClock()
    let metrics = PrometheusCollectorRegistry()
    /// Every wait the outbox asked for, which the harness does not wait.
    let sleeps = Sleeps()
    var configuration: WebhookConfiguration

    /// A folder of this harness's own, for a key file and a database.
    let directory: URL

    init(surveys: [Survey] = [WebhookSample.survey]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-webhook-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        key = try SenderKey.loadOrCreate(at: directory.appendingPathComponent("sender.key").path)
        configuration = WebhookConfiguration(surveys: surveys)
        configuration.secrets = ["twilio": Self.twilioToken, "json": Self.jsonSecret, "plivo": Self.plivoToken]
        configuration.port = 0
        configuration.timeZone = TimeZone(identifier: "America/Chicago")!
    }

    /// The webhook on the memory store.
    func application() throws -> some ApplicationProtocol {
        try application(store: store)
    }

    /// The webhook on `store`.
    func application(store: some SMSStore) throws -> some ApplicationProtocol {
        let (clock, sleeps) = (self.clock, self.sleeps)
        return try buildWebhookApplication(
            configuration: configuration, store: store, key: key, logger: logs.logger(), metrics: metrics,
            now: { clock.now }, sleep: { duration in sleeps.durations.withLock { $0.append(duration) } })
    }

    /// Serves Telnyx, sending replies to the API at `apiURL`.
    mutating func enableTelnyx(apiURL: String) {
        configuration.secrets["telnyx"] = Self.telnyxPublicKey
        configuration.apiKeys["telnyx"] = "telnyx-test-api-key"
        configuration.apiURLs["telnyx"] = apiURL
    }

    /// A Plivo form body, and its V3 signature for `url`.
    static func plivoRequest(
        from: String, text: String, id: String, token: String = plivoToken, url: String = plivoURL,
        nonce: String = "31415926535897932384"
    ) -> (body: String, signature: String) {
        let fields = [
            ("From", from), ("To", "15550001111"), ("Text", text), ("Type", "sms"), ("MessageUUID", id),
            ("Units", "1"),
        ]
        let body = fields.map { "\(formEncoded($0.0))=\(formEncoded($0.1))" }.joined(separator: "&")
        let signature = PlivoGateway.signatureV3(
            url: url, form: fields.map { ($0.0, $0.1) }, nonce: nonce, token: token)!
        return (body, signature)
    }

    /// A Telnyx `message.received` event and its headers, signed at `timestamp`.
    static func telnyxRequest(
        from: String, text: String, id: String, timestamp: Date, key: Curve25519.Signing.PrivateKey = telnyxKey,
        eventType: String = "message.received"
    ) throws -> (body: Data, headers: HTTPFields) {
        let event: [String: Any] = [
            "data": [
                "event_type": eventType, "id": "event-" + id, "record_type": "event",
                "payload": [
                    "id": id, "direction": "inbound", "type": "SMS", "text": text,
                    "from": ["phone_number": from, "carrier": "T-Mobile USA"],
                    "to": [["phone_number": "+15550001111", "status": "webhook_delivered"]],
                ],
            ],
            "meta": ["attempt": 1],
        ]
        let body = try JSONSerialization.data(withJSONObject: event)
        let seconds = String(Int(timestamp.timeIntervalSince1970))
        let signature = try key.signature(for: Array(seconds.utf8) + [UInt8(ascii: "|")] + Array(body))
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("telnyx-signature-ed25519")!] = signature.base64EncodedString()
        headers[HTTPField.Name("telnyx-timestamp")!] = seconds
        return (body, headers)
    }

    /// A Twilio form body and its signature.
    static func twilioRequest(
        from: String, text: String, id: String, token: String = twilioToken, url: String = twilioURL
    ) -> (body: String, signature: String) {
        let fields = [
            ("MessageSid", id), ("AccountSid", "AC0123"), ("From", from), ("To", "+15550001111"), ("Body", text),
            ("NumSegments", "1"), ("SmsStatus", "received"), ("ApiVersion", "2010-04-01"),
        ]
        let body = fields.map { "\(formEncoded($0.0))=\(formEncoded($0.1))" }.joined(separator: "&")
        let signature = TwilioGateway.signature(url: url, fields: fields.map { ($0.0, $0.1) }, token: token)
        return (body, signature)
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(.init(charactersIn: "\u{0}"..."\u{7F}"))
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text).replacingOccurrences(
            of: "%20", with: "+")
    }
}

/// The waits an outbox asked for.
final class Sleeps: Sendable {
    let durations = Mutex<[Duration]>([])

    var all: [Duration] { durations.withLock { $0 } }
}

/// A wall clock that only moves when told.
final class TestClock: Sendable {
    private let date = Mutex(Date(timeIntervalSince1970: 1_790_000_000))

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        date.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

extension TestClientProtocol {
    /// Texts `text` from `from` through the Twilio route, signed, and returns the response.
    func twilio(
        from: String, _ text: String, id: String, token: String = WebhookHarness.twilioToken,
        url: String = WebhookHarness.twilioURL, uri: String = "/sms/twilio"
    ) async throws -> TestResponse {
        let (body, signature) = WebhookHarness.twilioRequest(from: from, text: text, id: id, token: token, url: url)
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[HTTPField.Name("X-Twilio-Signature")!] = signature
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Texts through the Plivo route, V3-signed, and returns the response.
    func plivo(
        from: String, _ text: String, id: String, token: String = WebhookHarness.plivoToken
    ) async throws -> TestResponse {
        let (body, signature) = WebhookHarness.plivoRequest(from: from, text: text, id: id, token: token)
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[HTTPField.Name("X-Plivo-Signature-V3")!] = signature
        headers[HTTPField.Name("X-Plivo-Signature-V3-Nonce")!] = "31415926535897932384"
        return try await execute(uri: "/sms/plivo", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Texts through the Telnyx route, signed at `timestamp`, and returns the response.
    func telnyx(
        from: String, _ text: String, id: String, at timestamp: Date,
        key: Curve25519.Signing.PrivateKey = WebhookHarness.telnyxKey, eventType: String = "message.received"
    ) async throws -> TestResponse {
        let (body, headers) = try WebhookHarness.telnyxRequest(
            from: from, text: text, id: id, timestamp: timestamp, key: key, eventType: eventType)
        return try await execute(uri: "/sms/telnyx", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// What `GET /metrics` shows.
    func scrape() async throws -> String {
        String(buffer: try await execute(uri: "/metrics", method: .get).body)
    }

    /// Texts through the generic JSON route, signed with `secret`.
    func json(
        from: String, _ text: String, id: String, secret: String = WebhookHarness.jsonSecret
    ) async throws -> TestResponse {
        let payload = try JSONSerialization.data(withJSONObject: [
            "id": id, "from": from, "to": "+15550001111", "text": text,
        ])
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Chorus-Signature")!] = JSONGateway.signature(body: Array(payload), secret: secret)
        return try await execute(uri: "/sms/json", method: .post, headers: headers, body: ByteBuffer(bytes: payload))
    }
}

extension TestResponse {
    /// The texts of a TwiML response's `<Message>` elements, unescaped.
    var twimlMessages: [String] {
        let xml = String(buffer: body)
        var messages: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<Message>"), let close = rest.range(of: "</Message>") {
            messages.append(
                String(rest[open.upperBound..<close.lowerBound]).replacingOccurrences(of: "&lt;", with: "<")
                    .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                    .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&"))
            rest = rest[close.upperBound...]
        }
        return messages
    }

    /// The reply as one text, parts joined with newlines, as the sender's phone would show it.
    var twimlText: String { twimlMessages.joined(separator: "\n") }
}
