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
}
