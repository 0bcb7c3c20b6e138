/// A reply to send through a gateway's API: what an outbox row holds once opened.
///
/// Its description names only the gateway and the number of texts, so that interpolating one into
/// a log or an error cannot leak a number or a text.
struct OutgoingSMS: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The ``SendingGateway`` to send through, by name.
    var gateway: String
    /// The resident's number, as the gateway wrote it.
    var to: String
    /// The organization's number the resident texted, which the reply comes from.
    var from: String
    /// The texts, each one SMS part, sent in this order.
    var texts: [String]

    var description: String { "\(texts.count) texts through \(gateway)" }
}

/// An HTTP request a ``SendingGateway`` asks for, sent by ``OutboxSender``.
struct OutgoingRequest: Sendable {
    var url: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]
}

/// Where and with which key a ``SendingGateway``'s API is called.
struct GatewayAPI: Sendable, CustomStringConvertible {
    /// The scheme, host and any path prefix, without a trailing `/`.
    var baseURL: String
    /// The API key; kept out of the description.
    var key: String

    init(baseURL: String, key: String) {
        self.baseURL = String(baseURL.reversed().drop { $0 == "/" }.reversed())
        self.key = key
    }

    var description: String { "GatewayAPI(\(baseURL), key redacted)" }
}
