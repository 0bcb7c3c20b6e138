import Synchronization

/// The SMS parts of each message lately sent, cut once and looked up after that.
///
/// Nearly every message is a survey's question or one of its prompts, sent to every sender in
/// turn, and cutting a long one is a search over where it could be cut. The messages are made of
/// the survey's and the phrasebook's texts and numbers only, never of what a sender wrote, so
/// keeping them holds nothing of anyone's.
final class MessageParts: Sendable {
    /// At most this many messages are kept; past it, all are forgotten and cut again.
    let capacity: Int
    private let parts = Mutex<[String: [String]]>([:])

    init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    /// The parts to send for `message`, as ``SMSText/parts`` cuts it after ``SMSText/plain(_:)``.
    subscript(message: String) -> [String] {
        if let kept = parts.withLock({ $0[message] }) { return kept }
        let cut = SMSText(SMSText.plain(message)).parts
        parts.withLock { parts in
            if parts.count >= capacity { parts.removeAll(keepingCapacity: true) }
            parts[message] = cut
        }
        return cut
    }
}
