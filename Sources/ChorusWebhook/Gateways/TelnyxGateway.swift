import Crypto
import Foundation

/// Telnyx Messaging: a JSON POST whose `data.event_type` is `message.received`, signed with
/// Ed25519; replies cannot go in the response, so they are sent with `POST /v2/messages`.
///
/// The secret is the account's public key from the Mission Control portal, in Base64; the API
/// key that sends is configured apart (``WebhookConfiguration/apis``).
struct TelnyxGateway: SendingGateway {
    let name = "telnyx"
    let defaultAPIURL = "https://api.telnyx.com"
    /// How far `telnyx-timestamp` may be from the webhook's clock, as Telnyx's libraries allow.
    static let tolerance: TimeInterval = 300

    func problem(withSecret secret: String) -> String? {
        Self.publicKey(secret) == nil ? "the telnyx public key must be 32 bytes in base64, as the portal shows it" : nil
    }

    /// Checks `telnyx-signature-ed25519`, a Base64 Ed25519 signature over `telnyx-timestamp`, `|`
    /// and the raw body, and that the timestamp is within ``tolerance`` of the clock, so a
    /// captured request cannot be replayed later.
    func isAuthentic(_ request: GatewayRequest, secret: String) -> Bool {
        guard let key = Self.publicKey(secret), let timestamp = request.headers["telnyx-timestamp"],
            let seconds = Int(timestamp), let encoded = request.headers["telnyx-signature-ed25519"],
            let signature = Data(base64Encoded: encoded),
            abs(request.receivedAt.timeIntervalSince1970 - Double(seconds)) <= Self.tolerance
        else { return false }
        return key.isValidSignature(signature, for: Array(timestamp.utf8) + [UInt8(ascii: "|")] + request.body)
    }

    private static func publicKey(_ base64: String) -> Curve25519.Signing.PublicKey? {
        guard let raw = Data(base64Encoded: base64), raw.count == 32 else { return nil }
        return try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
    }

    private struct Event: Decodable {
        struct Number: Decodable {
            var phoneNumber: String
            enum CodingKeys: String, CodingKey { case phoneNumber = "phone_number" }
        }
        struct Payload: Decodable {
            var id: String
            var from: Number
            var to: [Number]
            var text: String?
        }
        struct Body<Contents: Decodable>: Decodable {
            var eventType: String
            var payload: Contents
            enum CodingKeys: String, CodingKey {
                case eventType = "event_type"
                case payload
            }
        }
        /// Enough to tell the event's type: other events' payloads have other shapes.
        struct Kind: Decodable {
            var data: Body<Unread?>
        }
        struct Unread: Decodable {}
        var data: Body<Payload>
    }

    func inbound(from request: GatewayRequest) throws(WebhookError) -> InboundSMS? {
        let body = Data(request.body)
        guard let kind = try? JSONDecoder().decode(Event.Kind.self, from: body) else {
            // The decoder's description could quote the body; say only what was expected.
            throw WebhookError.malformed("the telnyx request is not a webhook event with data.event_type")
        }
        // Delivery reports and other events are acknowledged and change nothing.
        guard kind.data.eventType == "message.received" else { return nil }
        guard let payload = try? JSONDecoder().decode(Event.self, from: body).data.payload else {
            throw WebhookError.malformed(
                "the telnyx message.received event lacks data.payload with id, from, to and text")
        }
        guard !payload.id.isEmpty else { throw WebhookError.missingField("data.payload.id", gateway: name) }
        guard let to = payload.to.first?.phoneNumber, !to.isEmpty else {
            throw WebhookError.missingField("data.payload.to", gateway: name)
        }
        return InboundSMS(messageID: payload.id, from: payload.from.phoneNumber, to: to, text: payload.text ?? "")
    }

    /// An empty JSON object: Telnyx wants only a quick 2xx.
    func reply(_ messages: [String], to inbound: InboundSMS) -> GatewayReply {
        GatewayReply(contentType: "application/json", body: "{}")
    }

    /// `POST {api}/v2/messages` with the API key as a Bearer token and `{"from", "to", "text"}`.
    func sendRequest(text: String, to: String, from: String, api: GatewayAPI) -> OutgoingRequest {
        let fields = ["from": from, "to": to, "text": text]
        // A dictionary of strings always encodes.
        let body = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return OutgoingRequest(
            url: api.baseURL + "/v2/messages",
            headers: [("Authorization", "Bearer \(api.key)"), ("Content-Type", "application/json")],
            body: Array(body))
    }
}
