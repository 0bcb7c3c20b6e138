import Crypto
import Foundation

/// Plivo Messaging: a form POST with `From`, `To`, `Text` and `MessageUUID`, answered with Plivo
/// XML. Plivo writes numbers without the `+`; they are read as international numbers, since
/// Chorus never guesses a country (see ``SenderKey/normalizeE164(_:)``).
///
/// Two signatures are documented, both HMAC-SHA256 keyed with the auth token, in Base64:
/// V3 (`X-Plivo-Signature-V3` or `-Ma-V3`, with `X-Plivo-Signature-V3-Nonce`) covers the URL, its
/// query and the form; V2 (`X-Plivo-Signature-V2` or `-Ma-V2`, with `X-Plivo-Signature-V2-Nonce`)
/// covers only the URL without its query, and the nonce. V3 is checked when its headers are
/// there, V2 otherwise. The `Ma` headers are made with the main account's token, the others with
/// a subaccount's, so either may match the one token configured.
struct PlivoGateway: Gateway {
    let name = "plivo"

    func isAuthentic(_ request: GatewayRequest, secret: String) -> Bool {
        let headers = request.headers
        if let nonce = headers["x-plivo-signature-v3-nonce"] {
            guard let form = try? request.formBody(),
                let expected = Self.signatureV3(url: request.url, form: form.fields, nonce: nonce, token: secret)
            else { return false }
            // Each header may list several signatures, one per active token.
            let given = ["x-plivo-signature-v3", "x-plivo-signature-ma-v3"].compactMap { headers[$0] }
                .flatMap { $0.split(separator: ",") }
            return given.contains { Signature.matches(expected, $0.trimmingCharacters(in: .whitespaces)) }
        }
        guard let nonce = headers["x-plivo-signature-v2-nonce"] else { return false }
        let expected = Self.signatureV2(url: request.url, nonce: nonce, token: secret)
        return ["x-plivo-signature-v2", "x-plivo-signature-ma-v2"].contains { header in
            headers[header].map { Signature.matches(expected, $0) } ?? false
        }
    }

    /// V2's nonce, as V2 covers only the URL and the nonce; V3 covers the form as well.
    func unboundNonce(_ request: GatewayRequest) -> String? {
        request.headers["x-plivo-signature-v3-nonce"] == nil ? request.headers["x-plivo-signature-v2-nonce"] : nil
    }

    /// V2: Base64 of HMAC-SHA256 over the URL's scheme, host and path (no query, no fragment)
    /// followed directly by the nonce.
    static func signatureV2(url: String, nonce: String, token: String) -> String {
        let (base, _) = split(url)
        return sign(base + nonce, token: token)
    }

    /// V3 for a POST, as Plivo's SDK builds it: the URL's scheme, host and path; `?`; the query's
    /// fields decoded and sorted, `name=value` joined by `&`, then `.` if there were any; each form
    /// field as `namevalue`, sorted by name then value; `.` and the nonce. `nil` if the query
    /// cannot be decoded.
    static func signatureV3(url: String, form: [(name: String, value: String)], nonce: String, token: String)
        -> String?
    {
        let (base, query) = split(url)
        guard let queryFields = try? FormBody(Array(query.utf8)).fields else { return nil }
        let sortedQuery = sorted(queryFields.filter { !$0.name.isEmpty }).map { "\($0.name)=\($0.value)" }
        var signed = base + "?" + sortedQuery.joined(separator: "&")
        if !sortedQuery.isEmpty { signed += "." }
        for field in sorted(form) { signed += field.name + field.value }
        return sign(signed + "." + nonce, token: token)
    }

    private static func sign(_ text: String, token: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: Array(token.utf8)))
        return Data(code).base64EncodedString()
    }

    /// `url` without its fragment, split at the first `?` into the base and the query.
    private static func split(_ url: String) -> (base: String, query: String) {
        let url = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    }

    private static func sorted(_ fields: [(name: String, value: String)]) -> [(name: String, value: String)] {
        fields.sorted { left, right in
            left.name == right.name
                ? left.value.unicodeScalars.lexicographicallyPrecedes(right.value.unicodeScalars)
                : left.name.unicodeScalars.lexicographicallyPrecedes(right.name.unicodeScalars)
        }
    }

    func inbound(from request: GatewayRequest) throws(WebhookError) -> InboundSMS? {
        let form = try request.formBody()
        guard let messageID = form["MessageUUID"], !messageID.isEmpty else {
            throw WebhookError.missingField("MessageUUID", gateway: name)
        }
        guard let from = form["From"], !from.isEmpty else { throw WebhookError.missingField("From", gateway: name) }
        // The reply is sent from it, so unlike Twilio's it is needed.
        guard let to = form["To"], !to.isEmpty else { throw WebhookError.missingField("To", gateway: name) }
        return InboundSMS(messageID: messageID, from: from, to: to, text: form["Text"] ?? "")
    }

    /// Plivo XML: a `<Message>` from the number texted to the sender for each message, or an
    /// empty `<Response/>` to send nothing.
    func reply(_ messages: [String], to inbound: InboundSMS) -> GatewayReply {
        var body = #"<?xml version="1.0" encoding="UTF-8"?>"#
        if messages.isEmpty {
            body += "<Response/>"
        } else {
            let source = XMLText.escaped(inbound.to ?? "")
            let destination = XMLText.escaped(inbound.from)
            body += "<Response>"
            for message in messages {
                body += #"<Message src="\#(source)" dst="\#(destination)" type="sms">"#
                body += XMLText.escaped(message) + "</Message>"
            }
            body += "</Response>"
        }
        return GatewayReply(contentType: "application/xml; charset=utf-8", body: body)
    }
}
