import ChorusCore
import ChorusStore
import Synchronization

@testable import ChorusWebhook

/// An SMS store in memory that keeps what ChorusDatabase keeps, and counts every call, so a test
/// can tell that a refused request never reached the store.
final class MemorySMSStore: SMSStore {
    struct Contents: Sendable {
        var conversations: [String: (interview: Interview, expires: String)] = [:]
        var replies: [String: (reply: String, expires: String)] = [:]
        var completed: Set<String> = []
        var optedOut: Set<String> = []
        var menus: [String: (language: String, expires: String)] = [:]
        var responses: [(Response, day: Day)] = []
        var calls = 0
        var applied = 0
        var erasures = 0
        var forgettings = 0
        var outbox: [String: OutboxMessage] = [:]
    }

    let contents = Mutex(Contents())
    /// When set, every write fails, as a full disk would make it.
    let failing = Mutex(false)

    struct Failure: Error {}

    func conversation(sender: String, surveyID: String) throws -> Interview? {
        contents.withLock {
            $0.calls += 1
            return $0.conversations[sender + " " + surveyID]?.interview
        }
    }

    func processedReply(gateway: String, sender: String, messageID: String) throws -> String? {
        contents.withLock {
            $0.calls += 1
            return $0.replies[gateway + " " + sender + " " + messageID]?.reply
        }
    }

    func hasCompleted(sender: String, surveyID: String) throws -> Bool {
        contents.withLock {
            $0.calls += 1
            return $0.completed.contains("\(sender) \(surveyID)")
        }
    }

    func isOptedOut(sender: String) throws -> Bool {
        contents.withLock {
            $0.calls += 1
            return $0.optedOut.contains(sender)
        }
    }

    func menuLanguage(sender: String) throws -> String? {
        contents.withLock {
            $0.calls += 1
            return $0.menus[sender]?.language
        }
    }

    /// Not counted among the calls: the webhook reads it once as it starts, before any request.
    func smsSenders() throws -> [String] {
        contents.withLock { contents in
            let completed = contents.completed.map { String($0.prefix { $0 != " " }) }
            let conversing = contents.conversations.keys.map { String($0.prefix { $0 != " " }) }
            return Array(Set(completed + conversing).union(contents.optedOut).union(contents.menus.keys))
        }
    }

    func deleteExpired(beforeHour hour: String) throws -> Int {
        contents.withLock {
            $0.calls += 1
            let before = $0.conversations.count + $0.replies.count + $0.menus.count
            $0.conversations = $0.conversations.filter { $0.value.expires >= hour }
            $0.replies = $0.replies.filter { $0.value.expires >= hour }
            $0.menus = $0.menus.filter { $0.value.expires >= hour }
            return before - $0.conversations.count - $0.replies.count - $0.menus.count
        }
    }

    func applySMS(_ changes: [SMSChange]) throws -> [Result<Void, any Error>] {
        changes.map { change in Result { try applySMS(change) } }
    }

    func applySMS(_ change: SMSChange) throws {
        if failing.withLock({ $0 }) { throw Failure() }
        try contents.withLock { contents throws(Failure) in
            contents.calls += 1
            let message = change.gateway + " " + change.sender + " " + change.messageID
            guard contents.replies[message] == nil else { throw Failure() }
            contents.replies[message] = (change.reply, change.expiresHour)
            if let outgoing = change.outgoing { contents.outbox[outgoing.id] = outgoing }
            let conversation = change.sender + " " + change.surveyID
            if let (response, day) = change.completed {
                contents.responses.append((response, day: day))
                contents.completed.insert("\(change.sender) \(response.surveyID)")
                contents.conversations[conversation] = nil
            } else {
                contents.conversations[conversation] = change.interview.map { ($0, change.expiresHour) }
            }
            if let abandoned = change.abandonedSurveyID {
                contents.conversations[change.sender + " " + abandoned] = nil
            }
            switch change.optOut {
            case true?:
                contents.optedOut.insert(change.sender)
                contents.conversations = contents.conversations.filter { !$0.key.hasPrefix(change.sender + " ") }
            case false?:
                contents.optedOut.remove(change.sender)
            case nil:
                break
            }
            if let language = change.menuLanguage {
                contents.menus[change.sender] = (language, change.expiresHour)
            } else if change.forgetsMenu || change.optOut == true {
                contents.menus[change.sender] = nil
            }
            contents.applied += 1
        }
    }

    func eraseArrivalOrder() throws {
        contents.withLock {
            $0.calls += 1
            $0.erasures += 1
        }
    }

    func forgetDeleted() throws {
        contents.withLock {
            $0.calls += 1
            $0.forgettings += 1
        }
    }

    func outboxMessages(keyID: String) throws -> [OutboxMessage] {
        contents.withLock { Array($0.outbox.values.filter { $0.keyID == keyID }) }
    }

    func deleteOutboxMessage(id: String) throws {
        _ = contents.withLock { $0.outbox.removeValue(forKey: id) }
    }

    func deleteOutboxMessages(notSealedUnder keyID: String) throws -> Int {
        contents.withLock {
            let before = $0.outbox.count
            $0.outbox = $0.outbox.filter { $0.value.keyID == keyID }
            return before - $0.outbox.count
        }
    }

    var calls: Int { contents.withLock { $0.calls } }
    var responses: [Response] { contents.withLock { $0.responses.map(\.0) } }
    var conversationCount: Int { contents.withLock { $0.conversations.count } }
}
