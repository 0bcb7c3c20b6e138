import Foundation
import Synchronization

/// The message each signature nonce was first seen with, for signatures that cover a nonce but
/// not the message (Plivo's V2): without it, one captured request would let anyone send any
/// text, as anyone, under its signature.
///
/// A nonce seen again with the same message is a gateway's retry and goes on to get its stored
/// reply; with another message it is a forgery. Nonces are remembered for at least `window`
/// and forgotten on restart, so the window is the protection's length: a gateway that signs
/// each request with a fresh nonce never notices it.
final class NonceBindings: Sendable {
    private struct Generations {
        var current: [String: String] = [:]
        var previous: [String: String] = [:]
        var started: Date
    }

    let window: TimeInterval
    /// At most this many nonces in a generation; a full one ages early, which shortens the window.
    let capacity: Int
    private let generations: Mutex<Generations>

    init(window: TimeInterval = 86_400, capacity: Int = 500_000, now: Date) {
        self.window = window
        self.capacity = capacity
        self.generations = Mutex(Generations(started: now))
    }

    /// Whether `nonce` may carry `messageID`: it is new, and is bound to it from now on, or it
    /// was bound to this message before.
    func admits(_ nonce: String, for messageID: String, at date: Date) -> Bool {
        generations.withLock { generations in
            // Two generations, each `window` long, so a nonce is kept at least that long and
            // forgetting costs no scan.
            if date.timeIntervalSince(generations.started) >= window || generations.current.count >= capacity {
                generations.previous = generations.current
                generations.current = [:]
                generations.started = date
            }
            if let bound = generations.current[nonce] ?? generations.previous[nonce] { return bound == messageID }
            generations.current[nonce] = messageID
            return true
        }
    }
}
