import ChorusStore
import Synchronization

/// What the store holds for each sender lately heard from, kept in memory so that a message
/// needs no read before its write: the state after each stored change, as
/// ``SMSSnapshot/applying(_:)`` derives it.
///
/// It is only ever a copy of the store, which stays the judge: a retried message missed here is
/// still refused by the store's write, and a sender not kept is read again, unless the store held
/// nothing of them when the server started and nothing was written for them since. It is sound
/// only while this server is the one writer of the text-message tables, which `chorus serve`
/// makes sure of. Kept states hold pseudonyms and interviews, as the store does, and no numbers.
final class SenderStates: Sendable {
    /// At most this many senders are kept; past it, all are forgotten and read again.
    let capacity: Int
    private let memory: Mutex<Memory>

    private struct Memory {
        var states: [String: SMSSnapshot] = [:]
        /// The hash of every sender the store may hold something of: those it held at the start
        /// and those written since. A sender not among them has nothing stored, so a first
        /// message, as most senders' first is, needs no read. `nil` when the start's are unknown.
        /// It only grows, by one number for each sender: a million senders take about 16 MB.
        var heard: Set<Int>?
    }

    /// - Parameters:
    ///   - capacity: How many senders' states are kept at most.
    ///   - stored: The senders the store holds anything of, from ``SMSStore/smsSenders()``; `nil`
    ///     to read every sender not kept.
    init(capacity: Int = 50_000, stored: [String]? = nil) {
        self.capacity = capacity
        self.memory = Mutex(Memory(heard: stored.map { Set($0.map(\.hashValue)) }))
    }

    /// The state `sender`'s next message starts from, if kept or known to be empty.
    subscript(sender: String) -> SMSSnapshot? {
        memory.withLock { memory in
            if let kept = memory.states[sender] { return kept }
            guard let heard = memory.heard, !heard.contains(sender.hashValue) else { return nil }
            return SMSSnapshot()
        }
    }

    /// Keeps `state` as `sender`'s, to be read instead of the store.
    func keep(_ state: SMSSnapshot, for sender: String) {
        memory.withLock { memory in
            memory.heard?.insert(sender.hashValue)
            if memory.states.count >= capacity, memory.states[sender] == nil {
                memory.states.removeAll(keepingCapacity: true)
            }
            memory.states[sender] = state
        }
    }

    /// Forgets `sender`'s state, so that their next message reads the store.
    func forget(_ sender: String) {
        memory.withLock { memory in
            memory.heard?.insert(sender.hashValue)
            memory.states[sender] = nil
        }
    }

    /// Forgets everyone's state, as after the store deleted expired conversations.
    func forgetAll() {
        memory.withLock { $0.states.removeAll() }
    }
}
