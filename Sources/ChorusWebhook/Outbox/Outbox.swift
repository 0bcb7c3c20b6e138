import ChorusStore

/// The webhook's side of the outbox: seals replies for a ``SendingGateway`` into rows the store
/// writes with the message's other changes, and wakes the ``OutboxSender`` once they are committed.
struct Outbox: Sendable {
    let seal = OutboxSeal()
    let wakes: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        // Wakes that arrive while the sender is busy fold into one: it reads every row anyway.
        let (wakes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.wakes = wakes
        self.continuation = continuation
    }

    /// The row that will send `texts` to the sender of `inbound` through `gateway`.
    func row(for texts: [String], replyingTo inbound: InboundSMS, through gateway: String) throws -> OutboxMessage {
        try seal.seal(OutgoingSMS(gateway: gateway, to: inbound.from, from: inbound.to ?? "", texts: texts))
    }

    /// Tells the sender there are committed rows to send.
    func wake() {
        continuation.yield()
    }
}
