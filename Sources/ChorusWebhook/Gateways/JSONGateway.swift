import ChorusStore
import Crypto
import Foundation

/// Chorus's own JSON format, for any gateway or relay without a file of its own.
///
/// The relay posts `{"id": "…", "from": "+15551234567", "to": "+15557654321", "text": "…"}`
/// (`to` may be left out) with `X-Chorus-Signature: sha256=<hex HMAC-SHA256 of the raw body,
/// keyed with the shared secret>`, and sends each of `{"messages": ["…"]}` in the response, in
/// order; an empty list sends nothing. A retry carries the same `id`.
struct JSONGateway: Gateway {
    let name = "json"

    func isAuthentic(_ request: GatewayRequest, secret: String) -> Bool {
        guard let given = request.headers["x-chorus-signature"] else { return false }
        return Signature.matches(Self.signature(body: request.body, secret: secret), given)
    }

    /// `sha256=` and the lowercase hex HMAC-SHA256 of `body` keyed with `secret`.
    static func signature(body: [UInt8], secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array(secret.utf8)))
        return "sha256=" + Hex.string(code)
    }

    private struct Body: Decodable {
        var id: String
        var from: String
        var to: String?
        var text: String
    }

    private struct Reply: Encodable {
        var messages: [String]
    }

    func inbound(from request: GatewayRequest) throws(WebhookError) -> InboundSMS? {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(request.body))
        } catch {
            // The decoder's description could quote the body; say only what was expected.
            throw WebhookError.malformed(
                "the json request is not {\"id\", \"from\", \"to\", \"text\"} with string values")
        }
        guard !body.id.isEmpty else { throw WebhookError.missingField("id", gateway: name) }
        return InboundSMS(messageID: body.id, from: body.from, to: body.to, text: body.text)
    }

    func reply(_ messages: [String], to inbound: InboundSMS) -> GatewayReply {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding an array of strings cannot fail.
        let data = (try? encoder.encode(Reply(messages: messages))) ?? Data(#"{"messages":[]}"#.utf8)
        return GatewayReply(contentType: "application/json", body: String(decoding: data, as: UTF8.self))
    }
}
