import Crypto
import Foundation

/// Twilio Programmable Messaging: a form POST with `MessageSid`, `From`, `To` and `Body`, signed in
/// `X-Twilio-Signature`, answered with TwiML.
struct TwilioGateway: Gateway {
    let name = "twilio"

    /// Checks `X-Twilio-Signature` against every form field received, never a list of known ones:
    /// Twilio adds parameters without notice. Twilio's own libraries accept the signature made
    /// with or without the default port, so both are tried.
    func isAuthentic(_ request: GatewayRequest, secret: String) -> Bool {
        guard let given = request.headers["x-twilio-signature"], let form = try? request.formBody() else {
            return false
        }
        // The fields are sorted once, and the URL's twin is made only if the URL as received fails.
        let fields = Self.signedFields(form.fields)
        if Signature.matches(Self.signature(url: request.url, signedFields: fields, token: secret), given) {
            return true
        }
        return Self.urlVariants(request.url).dropFirst().contains { url in
            Signature.matches(Self.signature(url: url, signedFields: fields, token: secret), given)
        }
    }

    /// The signature Twilio sends: Base64 of HMAC-SHA1, keyed with the auth token, over the URL
    /// followed by each field's name and value with no separators, sorted by name, then by value
    /// for a repeated name.
    static func signature(url: String, fields: [(name: String, value: String)], token: String) -> String {
        signature(url: url, signedFields: signedFields(fields), token: token)
    }

    private static func signature(url: String, signedFields: [UInt8], token: String) -> String {
        var hmac = HMAC<Insecure.SHA1>(key: SymmetricKey(data: Array(token.utf8)))
        hmac.update(data: Array(url.utf8))
        hmac.update(data: signedFields)
        return Data(hmac.finalize()).base64EncodedString()
    }

    /// The fields as the signature covers them after the URL.
    private static func signedFields(_ fields: [(name: String, value: String)]) -> [UInt8] {
        let sorted = fields.sorted { left, right in
            left.name == right.name
                ? left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
                : left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
        }
        var signed: [UInt8] = []
        for field in sorted {
            signed.append(contentsOf: field.name.utf8)
            signed.append(contentsOf: field.value.utf8)
        }
        return signed
    }

    /// `url`, and the same with its default port added or removed.
    static func urlVariants(_ url: String) -> [String] {
        let defaults = ["https://": ":443", "http://": ":80"]
        guard let match = defaults.first(where: { url.hasPrefix($0.key) }) else { return [url] }
        let (scheme, port) = (match.key, match.value)
        let rest = url.dropFirst(scheme.count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let other: String
        if authority.hasSuffix(port) {
            other = String(authority.dropLast(port.count))
        } else if authority.contains(":") {
            return [url]  // another port is signed only as it is
        } else {
            other = authority + port
        }
        return [url, scheme + other + rest[authorityEnd...]]
    }

    func inbound(from request: GatewayRequest) throws(WebhookError) -> InboundSMS? {
        let form = try request.formBody()
        guard let messageID = form["MessageSid"], !messageID.isEmpty else {
            throw WebhookError.missingField("MessageSid", gateway: name)
        }
        guard let from = form["From"], !from.isEmpty else { throw WebhookError.missingField("From", gateway: name) }
        return InboundSMS(messageID: messageID, from: from, to: form["To"], text: form["Body"] ?? "")
    }

    /// TwiML: a `<Message>` for each message, or an empty `<Response/>` to send nothing (an empty
    /// HTTP body is reported by Twilio as an error).
    func reply(_ messages: [String], to inbound: InboundSMS) -> GatewayReply {
        var body = #"<?xml version="1.0" encoding="UTF-8"?>"#
        if messages.isEmpty {
            body += "<Response/>"
        } else {
            body += "<Response>"
            for message in messages { body += "<Message>\(XMLText.escaped(message))</Message>" }
            body += "</Response>"
        }
        return GatewayReply(contentType: "text/xml; charset=utf-8", body: body)
    }
}
