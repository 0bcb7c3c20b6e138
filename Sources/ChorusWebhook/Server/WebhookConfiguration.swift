public import ChorusCore
public import Foundation

/// How the SMS webhook runs: the surveys it serves, where it listens, and each gateway's secret.
///
/// ```swift
/// var configuration = WebhookConfiguration(surveys: [survey])
/// configuration.secrets["twilio"] = environment["CHORUS_TWILIO_AUTH_TOKEN"]
/// configuration.publicURL = "https://sms.example.org"
/// ```
public struct WebhookConfiguration: Sendable {
    /// The gateways that can be given a secret, each posting to `/sms/<name>`: `twilio` (its auth
    /// token), `json` (a shared secret for Chorus's own JSON format), `plivo` (its auth token) and
    /// `telnyx` (the account's Ed25519 public key, in Base64).
    public static var gatewayNames: [String] { Gateways.all.map(\.name) }

    /// The gateways this configuration serves: those with a secret, or all with
    /// ``allowUnsigned``. The others have no route, and the router answers 404.
    var servedGatewayNames: [String] { Self.gatewayNames.filter { secrets[$0] != nil || allowUnsigned } }

    /// The gateways whose replies go through their API, and so need an API key: `telnyx`.
    public static var sendingGatewayNames: [String] { Gateways.all.compactMap { ($0 as? any SendingGateway)?.name } }

    /// The surveys served. With one, any first message starts it; with several, a first message
    /// must be a survey's SMS keyword, so each needs its own.
    public var surveys: [Survey]
    /// The address to listen on; a TLS reverse proxy in front makes it public.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 picks a free one.
    public var port = 8080
    /// The public base URL gateways post to (`https://sms.example.org`, perhaps with a path), which
    /// signatures cover, followed by the request's path and query. Without it, signatures are
    /// checked against `http://`, the Host header, and the path and query as received.
    public var publicURL: String?
    /// Secrets by gateway name, from ``gatewayNames``. A gateway without one answers 404, unless
    /// ``allowUnsigned`` is set. Read them from the environment or a file, never the command line.
    public var secrets: [String: String] = [:]
    /// For local trials only: gateways without a secret are served and their requests taken
    /// unsigned. Gateways with a secret still check it.
    public var allowUnsigned = false
    /// API keys by gateway name, from ``sendingGatewayNames``, for sending replies.
    public var apiKeys: [String: String] = [:]
    /// API base URLs by gateway name, for a gateway's API other than its own (a test's fake
    /// gateway, say); each gateway knows its usual one.
    public var apiURLs: [String: String] = [:]
    /// How patiently replies in the outbox are retried.
    public var outboxRetry = OutboxRetry()
    /// The most messages one sender may send, counted per sender in memory; beyond it they get
    /// 429 and change nothing. `nil` for no limit.
    public var rateLimit: RateLimit? = RateLimit(messages: 20, per: .seconds(60))
    /// How long a conversation lives after its last message, counted in whole hours; then it is
    /// deleted and the next message starts over. Three days, as RapidPro's default.
    public var conversationExpiry: Duration = .seconds(3 * 86_400)
    /// How often the store's upkeep runs: expired conversations are deleted within this of the
    /// hour changing, and the old copies of deleted rows within this of a commit.
    public var upkeepInterval: Duration = .seconds(60)
    /// The largest request body taken; a larger one gets 413.
    public var maximumBodySize = 64 * 1024
    /// The zone of the day a response is stored with and of `today()` in survey expressions.
    public var timeZone = TimeZone.current

    /// A configuration serving `surveys`, with no gateway enabled until it has a secret.
    public init(surveys: [Survey]) {
        self.surveys = surveys
    }

    /// Refuses a configuration the webhook cannot run with.
    func validate() throws(WebhookError) {
        guard !surveys.isEmpty else { throw .configuration("no survey to serve") }
        guard Set(surveys.map(\.id)).count == surveys.count else {
            throw .configuration("a survey is served twice")
        }
        if surveys.count > 1 {
            var keywords: [String: String] = [:]
            for survey in surveys {
                guard let keyword = survey.smsKeyword.map({ SMSReply($0).keyword }), !keyword.isEmpty else {
                    throw .configuration("survey '\(survey.id)' needs an sms-keyword when several surveys are served")
                }
                if let other = keywords[keyword] {
                    throw .configuration("surveys '\(other)' and '\(survey.id)' have the same sms-keyword")
                }
                keywords[keyword] = survey.id
            }
        }
        for (name, secret) in secrets {
            guard Self.gatewayNames.contains(name) else {
                throw .configuration(
                    "no gateway called '\(name)'; there are \(Self.gatewayNames.joined(separator: ", "))")
            }
            guard !secret.isEmpty else { throw .configuration("the secret for \(name) is empty") }
            if let problem = Gateways.all.first(where: { $0.name == name })?.problem(withSecret: secret) {
                throw .configuration(problem)
            }
            if Self.sendingGatewayNames.contains(name), apiKeys[name]?.isEmpty ?? true {
                throw .configuration("\(name) sends replies through its API, so it needs an API key too")
            }
        }
        for (name, url) in apiURLs {
            guard Self.sendingGatewayNames.contains(name) else {
                throw .configuration(
                    "no gateway called '\(name)' sends through an API; there are "
                        + Self.sendingGatewayNames.joined(separator: ", "))
            }
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw .configuration("the API URL for \(name) must start with https:// or http://")
            }
        }
        if let rateLimit, rateLimit.messages < 1 || rateLimit.period <= .zero {
            throw .configuration("the rate limit must allow at least one message in a positive period")
        }
        guard outboxRetry.attempts >= 1 else { throw .configuration("the outbox must try each reply at least once") }
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
            throw .configuration("the public URL must start with https:// or http://")
        }
        guard conversationExpiry >= .seconds(3600) else {
            throw .configuration("conversations must be kept for an hour at least")
        }
        guard upkeepInterval > .zero else { throw .configuration("the upkeep interval must be positive") }
        guard maximumBodySize > 0 else { throw .configuration("the largest request body must be positive") }
    }
}
