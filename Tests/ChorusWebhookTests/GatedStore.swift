import ChorusCore
import ChorusStore
import Dispatch
import Synchronization

@testable import ChorusWebhook

/// A store that holds its first commit until the test opens the gate, so that a test can see what
/// waits for a commit and what arrives meanwhile. Everything else goes straight to `inner`.
final class GatedStore<Inner: SMSStore>: SMSStore {
    let inner: Inner
    /// The number of changes in each commit, in order.
    let batches = Mutex<[Int]>([])
    /// Yields when the first commit reaches the gate.
    let held: AsyncStream<Void>
    private let holding: AsyncStream<Void>.Continuation
    private let isClosed = Mutex(true)
    private let gate = DispatchSemaphore(value: 0)

    init(_ inner: Inner) {
        self.inner = inner
        (held, holding) = AsyncStream.makeStream()
    }

    /// Lets the held commit, and every later one, through.
    func open() {
        isClosed.withLock { $0 = false }
        gate.signal()
    }

    func applySMS(_ changes: [SMSChange]) throws -> [Result<Void, any Error>] {
        if isClosed.withLock({ $0 }) {
            holding.yield()
            gate.wait()  // on the writer's own thread, never the test's
        }
        batches.withLock { $0.append(changes.count) }
        return try inner.applySMS(changes)
    }

    func conversation(sender: String, surveyID: String) throws -> Interview? {
        try inner.conversation(sender: sender, surveyID: surveyID)
    }

    func processedReply(gateway: String, sender: String, messageID: String) throws -> String? {
        try inner.processedReply(gateway: gateway, sender: sender, messageID: messageID)
    }

    func hasCompleted(sender: String, surveyID: String) throws -> Bool {
        try inner.hasCompleted(sender: sender, surveyID: surveyID)
    }

    func isOptedOut(sender: String) throws -> Bool {
        try inner.isOptedOut(sender: sender)
    }

    func menuLanguage(sender: String) throws -> String? {
        try inner.menuLanguage(sender: sender)
    }

    func smsSnapshot(gateway: String, messageID: String, sender: String, surveys: [Survey]) throws -> SMSSnapshot {
        try inner.smsSnapshot(gateway: gateway, messageID: messageID, sender: sender, surveys: surveys)
    }

    func smsSenders() throws -> [String] {
        try inner.smsSenders()
    }

    func deleteExpired(beforeHour hour: String) throws -> Int {
        try inner.deleteExpired(beforeHour: hour)
    }

    func eraseArrivalOrder() throws {
        try inner.eraseArrivalOrder()
    }

    func forgetDeleted() throws {
        try inner.forgetDeleted()
    }

    func outboxMessages(keyID: String) throws -> [OutboxMessage] {
        try inner.outboxMessages(keyID: keyID)
    }

    func deleteOutboxMessage(id: String) throws {
        try inner.deleteOutboxMessage(id: id)
    }

    func deleteOutboxMessages(notSealedUnder keyID: String) throws -> Int {
        try inner.deleteOutboxMessages(notSealedUnder: keyID)
    }
}
