import ChorusStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// The store's housekeeping while the webhook runs: expired conversations deleted each hour, and
/// the old copies of what the store deleted or replaced dropped soon after, whether or not
/// messages keep arriving.
///
/// SQLite's write-ahead log keeps every page a commit wrote until it is emptied. So a finished or
/// withdrawn conversation's answers, next to its sender's pseudonym, stay in the log after the row
/// is gone, and on a quiet evening they would stay until the next message. A service in the
/// application's service group, this empties the log every ``interval`` after any commit.
struct StoreUpkeep<Store: SMSStore>: Service {
    let writer: SMSWriter<Store>
    /// Forgotten when expired conversations are deleted, as they may hold them.
    let states: SenderStates
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger
    /// The hour expired conversations were last deleted in; they are deleted again when it changes.
    private let purgedHour = PurgedHour()

    private final class PurgedHour: Sendable {
        let hour = Mutex<String?>(nil)
    }

    init(
        writer: SMSWriter<Store>, states: SenderStates, interval: Duration, now: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        self.writer = writer
        self.states = states
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    func run() async throws {
        while true {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            do {
                _ = try await purgeIfDue(at: now())
            } catch {
                logger.error("Expired conversations not deleted", metadata: ["error": "\(Self.describe(error))"])
            }
            await forgetDeletedIfCommitted()
        }
    }

    /// Deletes expired conversations on the first call in each hour, as expiry counts hours, then
    /// has the store forget the order of arrival and the deleted rows' old copies; whether it did.
    ///
    /// Only the deletion is waited for, so that a message handled next sees it; the rewrite of the
    /// whole file takes longer and follows on the writer's thread, holding up only the commits
    /// queued behind it.
    func purgeIfDue(at date: Date) async throws -> Bool {
        let hour = ChorusDatabase.hour(date, in: .gmt)
        let due = purgedHour.hour.withLock { purged in
            defer { purged = hour }
            return purged != hour
        }
        guard due else { return false }
        do {
            _ = try await writer.run { store in try store.deleteExpired(beforeHour: hour) }
        } catch {
            purgedHour.hour.withLock { $0 = nil }
            throw error
        }
        states.forgetAll()
        // If the rewrite fails (say the disk is too full for its copy), the next hour tries again.
        writer.runLater { store in try? store.eraseArrivalOrder() }
        return true
    }

    /// Has the store drop the old copies of deleted rows if anything was committed since it last
    /// did; if it cannot yet, such as while a long read holds the log, the next round tries again.
    func forgetDeletedIfCommitted() async {
        guard writer.takeCommitted() else { return }
        do {
            try await writer.run { store in try store.forgetDeleted() }
        } catch {
            writer.noteCommitted()
            logger.notice("Old copies of deleted rows kept for now", metadata: ["error": "\(Self.describe(error))"])
        }
    }

    /// The store's errors name paths, never a sender or an answer.
    private static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.description ?? "\(type(of: error))"
    }
}
