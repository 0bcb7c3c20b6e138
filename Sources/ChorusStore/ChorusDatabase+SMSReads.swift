public import ChorusCore
import Foundation
import GRDB

/// The reads of the text-message channel's state; ChorusDatabase+SMSWrites.swift holds the
/// writes. Every call refuses a sender that is not a pseudonym rather than look up a phone number.
extension ChorusDatabase {
    /// The unfinished interview of `sender` in a survey, if there is one.
    ///
    /// - Throws: ``StoreError`` if `sender` is not a pseudonym or the database cannot be read.
    public func conversation(sender: String, surveyID: String) throws -> Interview? {
        try Self.checkPseudonym(sender)
        let json = try reading { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT interview FROM sms_conversations WHERE sender = ? AND survey_id = ?"),
                arguments: [sender, surveyID])
        }
        return try json.map(decodeInterview)
    }

    private func decodeInterview(_ json: String) throws -> Interview {
        do {
            return try JSONDecoder().decode(Interview.self, from: Data(json.utf8))
        } catch {
            // The decoder's message could quote the answers in the JSON.
            throw StoreError.unreadableConversation(path)
        }
    }

    /// Everything a message needs from the store, in one read: the sender's opt-out, and the reply
    /// if the message was processed before, or else the sender's conversations and completions of
    /// `surveys` (in any version) and the language of a menu of surveys sent last.
    ///
    /// - Throws: ``StoreError`` if `sender` is not a pseudonym or the database cannot be read.
    public func smsSnapshot(gateway: String, messageID: String, sender: String, surveys: [Survey]) throws
        -> SMSSnapshot
    {
        try Self.checkPseudonym(sender)
        let messageHash = Self.messageHash(messageID, sender: sender)
        // Typed single values, as rows cost far more to read; JSON is decoded after the read.
        let (reply, isOptedOut, stored, completed, menuLanguage) = try readingQuickly {
            db -> (String?, Bool, [(String, String)], Set<String>, String?) in
            let reply = try String.fetchOne(
                db.cachedStatement(sql: "SELECT reply FROM sms_messages WHERE gateway = ? AND message_hash = ?"),
                arguments: [gateway, messageHash])
            let isOptedOut =
                try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE sender = ?)"),
                    arguments: [sender]) ?? false
            if reply != nil { return (reply, isOptedOut, [], [], nil) }
            var stored: [(String, String)] = []
            var completed: Set<String> = []
            for survey in surveys {
                if let json = try String.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT interview FROM sms_conversations WHERE sender = ? AND survey_id = ?"),
                    arguments: [sender, survey.id])
                {
                    stored.append((survey.id, json))
                }
                if try hasCompleted(sender, survey.id, db) { completed.insert(survey.id) }
            }
            let menuLanguage = try String.fetchOne(
                db.cachedStatement(sql: "SELECT language FROM sms_menus WHERE sender = ?"), arguments: [sender])
            return (nil, isOptedOut, stored, completed, menuLanguage)
        }
        if let reply { return SMSSnapshot(processedReply: reply, isOptedOut: isOptedOut) }
        var snapshot = SMSSnapshot(isOptedOut: isOptedOut, completed: completed, menuLanguage: menuLanguage)
        for (surveyID, json) in stored { snapshot.conversations[surveyID] = try decodeInterview(json) }
        return snapshot
    }

    /// The pseudonym of every sender with a conversation, a completed survey, an opt-out or a
    /// menu's language.
    ///
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func smsSenders() throws -> [String] {
        try reading { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sender FROM sms_conversations UNION SELECT sender FROM sms_completed
                    UNION SELECT sender FROM sms_opt_outs UNION SELECT sender FROM sms_menus
                    """)
        }
    }

    /// The reply given to a message already processed, so a retried webhook gets it again and
    /// changes nothing; `nil` for a new message. A message is the same only from the same sender.
    ///
    /// - Throws: ``StoreError`` if `sender` is not a pseudonym or the database cannot be read.
    public func processedReply(gateway: String, sender: String, messageID: String) throws -> String? {
        try Self.checkPseudonym(sender)
        return try reading { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT reply FROM sms_messages WHERE gateway = ? AND message_hash = ?"),
                arguments: [gateway, Self.messageHash(messageID, sender: sender)])
        }
    }

    /// Whether `sender` already completed the survey by text message, in any version: a number
    /// answers a survey once, and a version raised to fix a typo must not open it to everyone again.
    public func hasCompleted(sender: String, surveyID: String) throws -> Bool {
        try Self.checkPseudonym(sender)
        return try reading { db in try hasCompleted(sender, surveyID, db) }
    }

    func hasCompleted(_ sender: String, _ surveyID: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sms_completed WHERE sender = ? AND survey_id = ?)"),
            arguments: [sender, surveyID]) ?? false
    }

    /// Whether `sender` opted out, so that nothing but an opt-in may be answered.
    public func isOptedOut(sender: String) throws -> Bool {
        try Self.checkPseudonym(sender)
        return try reading { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE sender = ?)"),
                arguments: [sender]) ?? false
        }
    }

    /// The language the list of surveys was sent to `sender` in, if that was the reply to their
    /// last message.
    public func menuLanguage(sender: String) throws -> String? {
        try Self.checkPseudonym(sender)
        return try reading { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT language FROM sms_menus WHERE sender = ?"), arguments: [sender])
        }
    }
}
