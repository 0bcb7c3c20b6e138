import ChorusStore
import Synchronization

/// What the store holds for each sender lately heard from, kept in memory so that a message
/// needs no read before its write: the state after each stored change, as
/// ``SMSSnapshot/applying(_:)`` derives it.
///
/// It is only ever a copy of the store, which stays the judge: a retried message missed here is
/// still refused by the store's write, and a sender not kept is read again. It is sound only
/// while this server is the one writer of the text-message tables, which `chorus serve` makes
/// sure of. Kept states hold pseudonyms and interviews, as the store does, and no numbers.
final class SenderStates: Sendable {
    /// At most this many senders are kept; past it, all are forgotten and read again.
    let capacity: Int
    private let states = Mutex<[String: SMSSnapshot]>([:])

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The state `sender`'s next message starts from, if kept.
    subscript(sender: String) -> SMSSnapshot? {
        states.withLock { $0[sender] }
    }

    /// Keeps `state` as `sender`'s, to be read instead of the store.
    func keep(_ state: SMSSnapshot, for sender: String) {
        states.withLock { states in
            if states.count >= capacity, states[sender] == nil { states.removeAll(keepingCapacity: true) }
            states[sender] = state
        }
    }

    /// Forgets `sender`, whose next message reads the store.
    func forget(_ sender: String) {
        _ = states.withLock { $0.removeValue(forKey: sender) }
    }

    /// Forgets everyone, as after the store deleted expired conversations.
    func forgetAll() {
        states.withLock { $0.removeAll() }
    }
}
