import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization

@testable import ChorusWebhook

/// A webhook on a memory store with a clock the test moves, and helpers that text it as a
/// gateway would.
struct WebhookHarness {
    static let twilioToken = "twilio-test-token"
    static let jsonSecret = "json-test-secret"
    /// What the test clients send as Host; the URL Twilio signs is built on it.
    static let twilioURL = "http://localhost/sms/twilio"

    let store = MemorySMSStore()
    let key: SenderKey
    let logs = LogCapture()
    let clock = TestClock()
    var configuration: WebhookConfiguration

    /// A folder of this harness's own, for a key file and a database.
    let directory: URL

    init(surveys: [Survey] = [WebhookSample.survey]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-webhook-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        key = try SenderKey.loadOrCreate(at: directory.appendingPathComponent("sender.key").path)
        configuration = WebhookConfiguration(surveys: surveys)
        configuration.secrets = ["twilio": Self.twilioToken, "json": Self.jsonSecret]
        configuration.port = 0
        configuration.timeZone = TimeZone(identifier: "America/Chicago")!
    }

    /// The webhook on the memory store.
    func application() throws -> some ApplicationProtocol {
        try application(store: store)
    }

    /// The webhook on `store`.
    func application(store: some SMSStore) throws -> some ApplicationProtocol {
        let clock = self.clock
        return try buildWebhookApplication(
            configuration: configuration, store: store, key: key, logger: logs.logger(), now: { clock.now })
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
