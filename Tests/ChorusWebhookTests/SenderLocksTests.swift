import Foundation
import Synchronization
import Testing

@testable import ChorusWebhook

@Suite struct SenderLocksTests {
    final class Tally: Sendable {
        let counts = Mutex((inside: [String: Int](), most: 0, done: 0))
    }

    @Test func messagesOfOneSenderAreHandledOneAtATimeOthersAlongside() async throws {
        let locks = SenderLocks()
        let tally = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<12 {
                let sender = index.isMultiple(of: 3) ? "other" : "alice"
                group.addTask {
                    try await locks.withLock(sender) {
                        tally.counts.withLock {
                            $0.inside[sender, default: 0] += 1
                            $0.most = max($0.most, $0.inside[sender]!)
                        }
                        usleep(2_000)
                        tally.counts.withLock {
                            $0.inside[sender]! -= 1
                            $0.done += 1
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(tally.counts.withLock { $0.done } == 12)
        #expect(tally.counts.withLock { $0.most } == 1)
    }

    @Test func aFailureReleasesTheLock() async throws {
        struct Failure: Error {}
        let locks = SenderLocks()
        await #expect(throws: Failure.self) { try await locks.withLock("alice") { throw Failure() } }
        #expect(try await locks.withLock("alice") { 42 } == 42)
    }
}
