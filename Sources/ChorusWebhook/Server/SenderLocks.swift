import Synchronization

/// One message at a time per sender: gateways retry and deliver out of order, and a sender's
/// conversation must be read, moved on and written back without another message in between.
/// Different senders proceed side by side.
///
/// A mutex rather than an actor: a sender is almost never busy, and then taking and giving back
/// the lock costs no hop to another executor on every message.
final class SenderLocks: Sendable {
    /// Senders being handled, each with the requests waiting for it in arrival order.
    private let waiting = Mutex<[String: [CheckedContinuation<Void, Never>]]>([:])

    /// Runs `body` once no other message of `sender` is being handled.
    func withLock<T: Sendable>(_ sender: String, _ body: () async throws -> T) async throws -> T {
        await acquire(sender)
        defer { release(sender) }
        return try await body()
    }

    private func acquire(_ sender: String) async {
        let isFree = waiting.withLock { waiting in
            guard waiting[sender] != nil else {
                waiting[sender] = []
                return true
            }
            return false
        }
        guard !isFree else { return }
        await withCheckedContinuation { continuation in
            // Released meanwhile: the lock is ours at once. Otherwise wait in line.
            let taken = waiting.withLock { waiting in
                guard waiting[sender] != nil else {
                    waiting[sender] = []
                    return true
                }
                waiting[sender]!.append(continuation)
                return false
            }
            if taken { continuation.resume() }
        }
    }

    private func release(_ sender: String) {
        let next = waiting.withLock { waiting -> CheckedContinuation<Void, Never>? in
            guard var queue = waiting[sender], !queue.isEmpty else {
                waiting[sender] = nil
                return nil
            }
            // The lock passes straight to the next waiter, so no newcomer can overtake it.
            let next = queue.removeFirst()
            waiting[sender] = queue
            return next
        }
        next?.resume()
    }
}
