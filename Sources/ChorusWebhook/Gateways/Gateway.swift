import Foundation

/// An SMS gateway's inbound webhook: how its requests read, how they are signed, and how a reply
/// is written back in the response.
///
/// Adding a gateway is one file with a type conforming to this, listed in ``Gateways/all``.
protocol Gateway: Sendable {
    /// A short lowercase name: the route (`/sms/<name>`), the key of its secret in the
    /// configuration, the namespace of its message ids, and what logs call it.
    var name: String { get }

    /// What is wrong with `secret` as this gateway's secret, if anything, said for the organizer.
    func problem(withSecret secret: String) -> String?

    /// Whether `request` was signed with `secret` as the gateway documents; compared in constant time.
    func isAuthentic(_ request: GatewayRequest, secret: String) -> Bool

    /// The nonce `request`'s signature covers when the signature does not cover the message, so
    /// that the webhook refuses the nonce with any other message; `nil` when the signature covers
    /// the message itself.
    func unboundNonce(_ request: GatewayRequest) -> String?

    /// The message `request` carries, or `nil` for a notification that carries none (a delivery
    /// report, say), which is acknowledged and changes nothing.
    ///
    /// - Throws: ``WebhookError`` when the body is malformed or lacks a field.
    func inbound(from request: GatewayRequest) throws(WebhookError) -> InboundSMS?

    /// The response body that has the gateway send `messages` to the sender of `inbound`, in
    /// order; none sends nothing. A ``SendingGateway`` is always given none.
    func reply(_ messages: [String], to inbound: InboundSMS) -> GatewayReply
}

/// A gateway that cannot reply in its webhook's response: its replies are queued in the outbox
/// with the message's other changes, then sent through its API by ``OutboxSender``.
protocol SendingGateway: Gateway {
    /// The base URL of its API when none is configured.
    var defaultAPIURL: String { get }

    /// The request that sends `text` to `to` from `from` through the API at `api`.
    func sendRequest(text: String, to: String, from: String, api: GatewayAPI) -> OutgoingRequest
}

extension Gateway {
    /// Where the gateway posts.
    var path: String { "/sms/\(name)" }

    func problem(withSecret secret: String) -> String? { nil }

    func unboundNonce(_ request: GatewayRequest) -> String? { nil }
}

/// The gateways Chorus speaks to.
enum Gateways {
    static let all: [any Gateway] = [TwilioGateway(), JSONGateway(), PlivoGateway(), TelnyxGateway()]
}

/// A webhook request as signatures see it.
struct GatewayRequest: Sendable {
    /// The URL the gateway requested, as it signs it: `--public-url` and the path and query, or
    /// the scheme, Host header, path and query of the request.
    var url: String
    /// Header values by lowercase name.
    var headers: [String: String]
    /// The body, byte for byte.
    var body: [UInt8]
    /// When the request arrived, by the webhook's clock, for signatures that carry a timestamp.
    var receivedAt = Date()
    /// The body already read as a form, so that checking the signature and reading the message
    /// do not each decode it; `nil` to have ``formBody()`` decode it.
    var form: FormBody?

    /// The body as a form.
    ///
    /// - Throws: ``WebhookError`` for a body that is not one.
    func formBody() throws(WebhookError) -> FormBody {
        if let form { return form }
        return try FormBody(body)
    }
}

/// A text message received.
///
/// Its description names only the message id, so that interpolating one into a log or an error
/// cannot leak the number or the text.
struct InboundSMS: Sendable, Hashable, CustomStringConvertible {
    /// The gateway's id for the message, the same when it retries.
    var messageID: String
    /// The sender's number as the gateway wrote it. It is kept only in memory while the request
    /// is handled and never logged or stored: the store sees a keyed hash of it.
    var from: String
    /// The number it was sent to, if the gateway says.
    var to: String?
    /// What it says.
    var text: String

    var description: String { "message \(messageID)" }
}

/// What a gateway expects back.
struct GatewayReply: Sendable, Hashable {
    var contentType: String
    var body: String
}
