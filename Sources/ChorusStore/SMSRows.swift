import Foundation

/// A message's change checked and turned into column values, before the transaction that stores
/// it: the only writer's time goes to SQL, not to checks and encoding.
struct SMSRows {
    let change: SMSChange
    /// The interview as stored, JSON; `nil` when there is none to keep.
    let interview: String?
    /// The message id as stored (see ``ChorusDatabase/messageHash(_:sender:)``).
    let messageHash: String

    /// - Throws: ``StoreError`` if the sender is not a pseudonym or the expiry is not an hour.
    init(_ change: SMSChange) throws {
        try ChorusDatabase.checkPseudonym(change.sender)
        guard ChorusDatabase.isHour(change.expiresHour) else { throw StoreError.notHour }
        self.change = change
        // JSONEncoder only for what the quick encoding cannot write, to throw its error.
        self.interview =
            try change.interviewJSON
            ?? change.interview.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        self.messageHash = ChorusDatabase.messageHash(change.messageID, sender: change.sender)
    }
}
