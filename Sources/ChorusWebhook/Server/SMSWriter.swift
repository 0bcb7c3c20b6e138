import ChorusStore
import Dispatch
import Synchronization

/// The webhook's one writer: a thread of its own that stores the messages' changes, many in one
/// commit.
///
/// A request hands over its change and waits. The changes that arrive while a commit is syncing
/// to disk wait together, and the next commit stores them all: one sync for many messages, and
/// still each reply only once its own change is durable. The thread blocks on the disk so that
/// the few threads serving requests never do. ``StoreUpkeep`` runs on it too, between commits.
final class SMSWriter<Store: SMSStore>: Sendable {
    private struct Waiting {
        var changes: [SMSChange] = []
        var continuations: [CheckedContinuation<Void, any Error>] = []
        /// Whether a commit is queued on the thread; it takes whatever waits when it starts.
        var isQueued = false
    }

    private let store: Store
    private let waiting = Mutex(Waiting())
    private let thread = DispatchQueue(label: "chorus.webhook.writer")
    /// Whether a commit stored anything since ``takeCommitted()`` last asked.
    private let committed = Atomic(false)

    init(store: Store) {
        self.store = store
    }

    /// Stores `change` together with whatever else is waiting, and returns once it is durable.
    ///
    /// - Throws: The store's error for this change, which then stored nothing of it; the others
    ///   are stored all the same.
    func apply(_ change: SMSChange) async throws {
        try await withCheckedThrowingContinuation { continuation in
            let queues = waiting.withLock { waiting in
                waiting.changes.append(change)
                waiting.continuations.append(continuation)
                defer { waiting.isQueued = true }
                return !waiting.isQueued
            }
            if queues { thread.async { self.commitWaiting() } }
        }
    }

    /// Whether a commit stored anything since the last call, which starts the count again.
    func takeCommitted() -> Bool {
        committed.exchange(false, ordering: .acquiringAndReleasing)
    }

    /// Counts as stored since the last ``takeCommitted()``, as when what it was asked for failed.
    func noteCommitted() {
        committed.store(true, ordering: .releasing)
    }

    /// How many changes wait for the next commit.
    var waitingCount: Int { waiting.withLock { $0.changes.count } }

    /// Runs `work` on the writer's thread, after the commit in progress, and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable (Store) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            thread.async { continuation.resume(with: Result { try work(self.store) }) }
        }
    }

    /// Runs `work` on the writer's thread after what is queued there, without waiting for it.
    func runLater(_ work: @escaping @Sendable (Store) -> Void) {
        thread.async { work(self.store) }
    }

    /// Commits everything waiting. What arrives meanwhile is committed by the next call, queued
    /// behind any other work so that a steady flow of messages cannot hold up the purge.
    private func commitWaiting() {
        let (changes, continuations) = waiting.withLock { waiting in
            defer { (waiting.changes, waiting.continuations) = ([], []) }
            return (waiting.changes, waiting.continuations)
        }
        let outcomes: [Result<Void, any Error>]
        do {
            outcomes = try store.applySMS(changes)
            precondition(outcomes.count == changes.count, "a store must give one outcome per change")
        } catch {
            outcomes = Array(repeating: .failure(error), count: changes.count)
        }
        if outcomes.contains(where: { (try? $0.get()) != nil }) { noteCommitted() }
        for (continuation, outcome) in zip(continuations, outcomes) { continuation.resume(with: outcome) }
        let more = waiting.withLock { waiting in
            waiting.isQueued = !waiting.changes.isEmpty
            return waiting.isQueued
        }
        if more { thread.async { self.commitWaiting() } }
    }
}
