/// How often and how patiently the outbox retries a send that failed for a reason that may pass:
/// a connection error, a 5xx, or 429.
public struct OutboxRetry: Sendable, Hashable {
    /// Tries per text before giving up, the first included.
    public var attempts = 6
    /// The wait before the second try; each later wait doubles, up to ``longestDelay``.
    public var firstDelay: Duration = .seconds(2)
    /// The longest wait between tries, whatever the doubling says.
    public var longestDelay: Duration = .seconds(300)
    /// The longest `Retry-After` honored; a gateway asking for more is waited on this long.
    public var longestRetryAfter: Duration = .seconds(3600)

    /// Retries as above.
    public init() {}

    /// The wait after a failed try: the doubled delay, drawn at random from its upper half so that
    /// many replies failing together do not retry together, but never less than the gateway's
    /// `Retry-After`.
    ///
    /// - Parameters:
    ///   - attempt: The try that failed, from 1.
    ///   - retryAfter: What the gateway's `Retry-After` asked for, if anything.
    ///   - random: A number in `0...1` choosing the point in the upper half.
    /// - Returns: How long to wait before the next try.
    func delay(afterAttempt attempt: Int, retryAfter: Duration?, random: Double) -> Duration {
        var backoff = firstDelay
        for _ in 1..<max(attempt, 1) where backoff < longestDelay { backoff *= 2 }
        backoff = min(backoff, longestDelay)
        let jittered = backoff / 2 + backoff / 2 * min(max(random, 0), 1)
        guard let retryAfter else { return jittered }
        return max(jittered, min(retryAfter, longestRetryAfter))
    }
}
