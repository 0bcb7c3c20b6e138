public import ChorusCore
public import ChorusStore

/// What the webhook needs from a store: the state of a sender's conversations, the replies
/// already given, and one all-or-nothing write per message, many messages sharing one commit.
/// ``ChorusDatabase`` is one; tests also use one in memory.
///
/// The webhook calls ``applySMS(_:)``, ``deleteExpired(beforeHour:)``, ``eraseArrivalOrder()`` and
/// ``forgetDeleted()`` on a thread of their own, one call at a time, so they may block on the disk.
///
/// Senders are always pseudonyms from ``SenderKey/pseudonym(forE164:)``, never numbers.
public protocol SMSStore: Sendable {
    /// The unfinished interview of `sender` in a survey, if there is one.
    func conversation(sender: String, surveyID: String) throws -> Interview?
    /// The reply already given to a message from `sender`, if it was processed before.
    func processedReply(gateway: String, sender: String, messageID: String) throws -> String?
    /// Whether `sender` completed a survey, in any version.
    func hasCompleted(sender: String, surveyID: String) throws -> Bool
    /// Whether `sender` opted out.
    func isOptedOut(sender: String) throws -> Bool
    /// The language the list of surveys was sent to `sender` in, if it was the reply to their last
    /// message.
    func menuLanguage(sender: String) throws -> String?
    /// Everything a message needs to know, read at once: the sender's opt-out, and the reply if it
    /// was processed before, otherwise the sender's conversations and completions of `surveys` and
    /// the language of a menu of surveys sent last.
    func smsSnapshot(gateway: String, messageID: String, sender: String, surveys: [Survey]) throws -> SMSSnapshot
    /// Every sender the store holds a conversation, a completion, an opt-out or a menu's language of,
    /// read once as the webhook starts so that a sender not among them needs no read.
    func smsSenders() throws -> [String]
    /// Deletes conversations and message records expiring before `beforeHour`; how many went.
    func deleteExpired(beforeHour: String) throws -> Int
    /// Applies everything each message changes, each all or nothing, and all of them durably
    /// before returning; the outcome of each, in order. A message already processed fails and
    /// changes nothing; throws, storing none, when the changes cannot be stored at all.
    func applySMS(_ changes: [SMSChange]) throws -> [Result<Void, any Error>]
    /// Rewrites the store so that nothing in it shows the order in which changes arrived, nor
    /// keeps copies of what was deleted.
    func eraseArrivalOrder() throws
    /// Drops the copies the store still keeps of rows it deleted or replaced, more cheaply than
    /// ``eraseArrivalOrder()``, which the webhook runs only hourly.
    func forgetDeleted() throws
    /// The outbox rows sealed under `keyID` (see ``OutboxMessage``), queued by ``applySMS(_:)``.
    func outboxMessages(keyID: String) throws -> [OutboxMessage]
    /// Deletes an outbox row once it is sent or given up on.
    func deleteOutboxMessage(id: String) throws
    /// Deletes the outbox rows sealed under any other key; how many went.
    func deleteOutboxMessages(notSealedUnder keyID: String) throws -> Int
}

extension SMSStore {
    /// The snapshot from the reads one by one, for a store with no quicker way.
    public func smsSnapshot(gateway: String, messageID: String, sender: String, surveys: [Survey]) throws
        -> SMSSnapshot
    {
        let isOptedOut = try isOptedOut(sender: sender)
        if let reply = try processedReply(gateway: gateway, sender: sender, messageID: messageID) {
            return SMSSnapshot(processedReply: reply, isOptedOut: isOptedOut)
        }
        var snapshot = SMSSnapshot(isOptedOut: isOptedOut, menuLanguage: try menuLanguage(sender: sender))
        for survey in surveys {
            snapshot.conversations[survey.id] = try conversation(sender: sender, surveyID: survey.id)
            if try hasCompleted(sender: sender, surveyID: survey.id) {
                snapshot.completed.insert(survey.id)
            }
        }
        return snapshot
    }
}

extension ChorusDatabase: SMSStore {}
