/// Why the webhook refused a request or a configuration, worded for the organizer.
///
/// Messages name gateways, fields and surveys, never a phone number or a message's text, so
/// they are safe in logs and in responses.
public struct WebhookError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: Sendable, Hashable {
        /// A request the webhook cannot read: a malformed body, a missing field, a number that
        /// is not E.164. The gateway gets 400.
        case malformedRequest
        /// A configuration the webhook cannot run with.
        case configuration
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The message, lowercase.
    public let description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func malformed(_ reason: String) -> Self {
        Self(.malformedRequest, reason)
    }

    static func missingField(_ name: String, gateway: String) -> Self {
        Self(.malformedRequest, "the \(gateway) request has no \(name)")
    }

    static func configuration(_ reason: String) -> Self {
        Self(.configuration, reason)
    }
}
