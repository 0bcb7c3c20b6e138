import Foundation
import Synchronization

/// Per-sender token buckets, in memory and keyed by pseudonym: each holds up to
/// ``RateLimit/messages`` tokens and refills evenly over ``RateLimit/period``; a message takes a
/// token, and one finding none is refused.
///
/// Times come from the webhook's injected clock. Nothing here is written anywhere, and a restart
/// forgets every bucket, which only ever lets a sender through.
final class SenderRateLimit: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private struct Buckets {
        var bySender: [String: Bucket] = [:]
        /// Above this many, full buckets are dropped: they are what a new sender would get anyway.
        var sweepAbove = 10_000
    }

    private let capacity: Double
    private let refillPerSecond: Double
    private let buckets = Mutex(Buckets())

    init(_ limit: RateLimit) {
        capacity = Double(limit.messages)
        let seconds = limit.period.components
        refillPerSecond = capacity / (Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18)
    }

    /// Takes a token for a message of `sender` at `date`; `false` if there is none left.
    func allows(_ sender: String, at date: Date) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets.bySender[sender] ?? Bucket(tokens: capacity, updated: date)
            // A clock that went back refills nothing rather than drain the bucket.
            let elapsed = max(0, date.timeIntervalSince(bucket.updated))
            bucket.tokens = min(capacity, bucket.tokens + elapsed * refillPerSecond)
            bucket.updated = max(bucket.updated, date)
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets.bySender[sender] = bucket
            if buckets.bySender.count > buckets.sweepAbove { sweep(&buckets, at: date) }
            return allowed
        }
    }

    /// Seconds until `sender` has a token again, for `Retry-After`.
    func secondsUntilNext(_ sender: String) -> Int {
        let tokens = buckets.withLock { $0.bySender[sender]?.tokens } ?? capacity
        return max(1, Int(((1 - tokens) / refillPerSecond).rounded(.up)))
    }

    private func sweep(_ buckets: inout Buckets, at date: Date) {
        buckets.bySender = buckets.bySender.filter { _, bucket in
            bucket.tokens + max(0, date.timeIntervalSince(bucket.updated)) * refillPerSecond < capacity
        }
        buckets.sweepAbove = max(10_000, buckets.bySender.count * 2)
    }
}
