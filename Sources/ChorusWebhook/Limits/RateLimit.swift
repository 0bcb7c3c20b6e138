/// A limit on how many messages one sender may send in a period, so that one phone (or a script
/// posing as many messages from one number) cannot flood the store or the outbox.
public struct RateLimit: Sendable, Hashable {
    /// Messages allowed in a burst, and per ``period`` on average.
    public var messages: Int
    /// The period over which ``messages`` are allowed.
    public var period: Duration

    /// A limit of `messages` per `period`.
    public init(messages: Int, per period: Duration) {
        self.messages = messages
        self.period = period
    }
}
