import Logging

/// How a webhook request ended, as logged and counted in the metrics.
enum RequestOutcome: String, CaseIterable, Sendable {
    /// A message moved a conversation on and got a reply (inline or queued in the outbox).
    case replied
    /// A message was processed and needs no reply, such as one from a sender who opted out.
    case silent
    /// A message recorded an opt-out.
    case optedOut = "opted-out"
    /// A message already processed came again and got the same reply, changing nothing.
    case replayed
    /// A notification that carries no message, acknowledged.
    case ignored
    /// The signature was missing or wrong.
    case forbidden
    /// The sender sent more than the rate limit allows.
    case rateLimited = "rate-limited"
    case tooLarge = "too-large"
    case malformed
    case storeFailed = "store-failed"

    /// The level of the request's log line. A message handled as it should be is routine, and a
    /// line for each costs the server 5–12% of its throughput and would add a timeline of when
    /// residents texted; the metrics count them. A refusal may need the organizer, such as a
    /// gateway signing with a token other than the one configured.
    var logLevel: Logger.Level {
        switch self {
        case .replied, .silent, .optedOut, .replayed, .ignored: .debug
        case .forbidden, .rateLimited, .tooLarge, .malformed, .storeFailed: .notice
        }
    }
}
