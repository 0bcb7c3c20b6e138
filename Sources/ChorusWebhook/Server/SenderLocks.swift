/// One message at a time per sender: gateways retry and deliver out of order, and a sender's
/// conversation must be read, moved on and written back without another message in between.
/// Different senders proceed side by side.
actor SenderLocks {
    /// Senders being handled, each with the requests waiting for it in arrival order.
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` once no other message of `sender` is being handled.
    nonisolated func withLock<T: Sendable>(_ sender: String, _ body: () throws -> T) async throws -> T {
        await acquire(sender)
        do {
            let value = try body()
            await release(sender)
            return value
        } catch {
            await release(sender)
            throw error
        }
    }

    private func acquire(_ sender: String) async {
        guard waiting[sender] != nil else {
            waiting[sender] = []
            return
        }
        await withCheckedContinuation { waiting[sender, default: []].append($0) }
    }

    private func release(_ sender: String) {
        guard var queue = waiting[sender], !queue.isEmpty else {
            waiting[sender] = nil
            return
        }
        // The lock passes straight to the next waiter, so no newcomer can overtake it.
        let next = queue.removeFirst()
        waiting[sender] = queue
        next.resume()
    }
}
