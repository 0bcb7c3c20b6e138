public import ChorusCore
public import ChorusStore

/// What the webhook needs from a store: the state of a sender's conversations, the replies
/// already given, and one all-or-nothing write per message. ``ChorusDatabase`` is one; tests
/// also use one in memory.
///
/// Senders are always pseudonyms from ``SenderKey/pseudonym(forE164:)``, never numbers.
public protocol SMSStore: Sendable {
    /// The unfinished interview of `sender` in a survey, if there is one.
    func conversation(sender: String, surveyID: String) throws -> Interview?
    /// The reply already given to a message, if it was processed before.
    func processedReply(gateway: String, messageID: String) throws -> String?
    /// Whether `sender` completed this version of a survey.
    func hasCompleted(sender: String, surveyID: String, surveyVersion: Int) throws -> Bool
    /// Whether `sender` opted out.
    func isOptedOut(sender: String) throws -> Bool
    /// Deletes conversations and message records expiring before `beforeHour`; how many went.
    func deleteExpired(beforeHour: String) throws -> Int
    /// Applies everything one message changes, durably, all or nothing; throws, changing nothing,
    /// for a message already processed.
    func applySMS(_ change: SMSChange) throws
    /// Rewrites the store so that nothing in it shows the order in which changes arrived, nor
    /// keeps copies of what was deleted.
    func eraseArrivalOrder() throws
    /// The outbox rows sealed under `keyID` (see ``OutboxMessage``), queued by ``applySMS(_:)``.
    func outboxMessages(keyID: String) throws -> [OutboxMessage]
    /// Deletes an outbox row once it is sent or given up on.
    func deleteOutboxMessage(id: String) throws
    /// Deletes the outbox rows sealed under any other key; how many went.
    func deleteOutboxMessages(notSealedUnder keyID: String) throws -> Int
}

extension ChorusDatabase: SMSStore {}
