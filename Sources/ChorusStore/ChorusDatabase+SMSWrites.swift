import ChorusCore
import Crypto
public import Foundation
import GRDB

/// The text-message channel's state (see Schema's "v2"): conversations in progress, who has
/// answered, who opted out, and the replies already given; written here, read in
/// ChorusDatabase+SMSReads.swift. A sender is always a pseudonym from ``SenderKey``; every call
/// refuses anything else rather than store or look up a phone number.
extension ChorusDatabase {
    /// Applies everything one message changes in one transaction, durable when this returns, so
    /// the webhook's 2xx after it is truthful: the message's reply, the conversation, a completed
    /// response and an opt-out are all stored, or none is.
    ///
    /// A completed response is saved like a kiosk's but without rewriting the file each time;
    /// call ``eraseArrivalOrder()`` on a schedule, since until then the pages and the write-ahead
    /// log show the order of arrival and which sender's transaction added which response.
    ///
    /// - Throws: ``StoreError``, and then nothing is changed: if the message was already
    ///   processed (read its reply with ``processedReply(gateway:sender:messageID:)``), the sender already
    ///   answered this survey version, the survey version is not registered, `sender` is not a
    ///   pseudonym, `expiresHour` is not an hour, the outgoing message is not sealed, or the write
    ///   fails.
    public func applySMS(_ change: SMSChange) throws {
        try applySMS([change])[0].get()
    }

    /// Applies the changes of several messages in one transaction, so that they share one sync to
    /// disk: each change all or nothing, as ``applySMS(_:)`` applies it, and all of them durable
    /// when this returns. A change that fails is left out and the others are still stored.
    ///
    /// - Returns: Each change's outcome, in order: stored, or the ``StoreError`` that
    ///   ``applySMS(_:)`` would throw for it.
    /// - Throws: ``StoreError`` when the transaction fails as a whole, such as on a full disk;
    ///   then none of the changes is stored.
    public func applySMS(_ changes: [SMSChange]) throws -> [Result<Void, any Error>] {
        // Checked and encoded before the transaction, which holds the only writer.
        let rows = changes.map { change in Result { try SMSRows(change) } }
        // Nearly every batch stores every change, and then needs no savepoint per change, which
        // costs the writer a tenth of its time or more. Only when a change fails, which rolls back
        // this first try whole, is the batch stored again change by change.
        let valid = rows.compactMap { try? $0.get() }
        if valid.count == rows.count, storedAtOnce(valid) { return rows.map { _ in .success(()) } }
        return try writing { db in
            try rows.map { rows in
                do {
                    let rows = try rows.get()
                    try inSavepoint(db) { try apply(rows, db) }
                    return .success(())
                } catch {
                    // Some failures, such as an I/O error, roll back the whole transaction, and the
                    // changes before this one with it: then the batch fails as a whole.
                    guard db.isInsideTransaction else { throw error }
                    return .failure(StoreError(error, path: path))
                }
            }
        }
    }

    /// Stores every change in one transaction, without a savepoint each; whether it did. When one
    /// fails, none is stored.
    private func storedAtOnce(_ rows: [SMSRows]) -> Bool {
        (try? writing { db -> Void in for rows in rows { try apply(rows, db) } }) != nil
    }

    /// Runs `body` in a savepoint of the caller's transaction, rolled back if it throws. GRDB's
    /// own savepoints prepare their statements each time, for each message of a batch.
    private func inSavepoint(_ db: Database, _ body: () throws -> Void) throws {
        try db.cachedStatement(sql: "SAVEPOINT sms_change").execute()
        do {
            try body()
        } catch {
            if db.isInsideTransaction {
                try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT sms_change").execute()
                try db.cachedStatement(sql: "RELEASE SAVEPOINT sms_change").execute()
            }
            throw error
        }
        try db.cachedStatement(sql: "RELEASE SAVEPOINT sms_change").execute()
    }

    /// One change's statements, inside a savepoint of the caller's transaction.
    private func apply(_ rows: SMSRows, _ db: Database) throws {
        let change = rows.change
        let sender = change.sender
        // A duplicate that raced past processedReply, such as a retry sent while the original
        // was still being handled, stops here and so changes nothing.
        try db.cachedStatement(
            sql: """
                INSERT INTO sms_messages (gateway, message_hash, reply, expires_hour) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """
        ).execute(arguments: [change.gateway, rows.messageHash, change.reply, change.expiresHour])
        guard db.changesCount == 1 else { throw StoreError.alreadyProcessed(gateway: change.gateway, path: path) }

        if case let (response, day)? = change.completed {
            guard response.surveyID == change.surveyID else {
                throw StoreError(.conflict, "a completed response must answer the conversation's survey")
            }
            guard try !hasCompleted(sender, response.surveyID, db) else {
                throw StoreError.alreadyCompleted(surveyID: response.surveyID, path: path)
            }
            try insert(response, id: ResponseRecord.randomID(), channel: .sms, site: nil, day: day, into: db)
            try db.cachedStatement(
                sql: "INSERT INTO sms_completed (sender, survey_id, survey_version) VALUES (?, ?, ?)"
            )
            .execute(arguments: [sender, response.surveyID, response.surveyVersion])
        }

        if change.optOut == true {
            // Opting out withdraws from every survey, so no unfinished answers are kept.
            try db.execute(sql: "DELETE FROM sms_conversations WHERE sender = ?", arguments: [sender])
            try db.execute(
                sql: "INSERT INTO sms_opt_outs (sender) VALUES (?) ON CONFLICT DO NOTHING", arguments: [sender])
        } else if let interview = rows.interview, change.completed == nil {
            try db.cachedStatement(
                sql: """
                    INSERT INTO sms_conversations (sender, survey_id, interview, expires_hour) VALUES (?, ?, ?, ?)
                    ON CONFLICT (sender, survey_id) DO UPDATE SET interview = excluded.interview, expires_hour = excluded.expires_hour
                    """
            ).execute(arguments: [sender, change.surveyID, interview, change.expiresHour])
        } else {
            try db.cachedStatement(sql: "DELETE FROM sms_conversations WHERE sender = ? AND survey_id = ?")
                .execute(arguments: [sender, change.surveyID])
        }
        if change.optOut == false {
            try db.execute(sql: "DELETE FROM sms_opt_outs WHERE sender = ?", arguments: [sender])
        }
        if let abandoned = change.abandonedSurveyID {
            try db.cachedStatement(sql: "DELETE FROM sms_conversations WHERE sender = ? AND survey_id = ?")
                .execute(arguments: [sender, abandoned])
        }
        if let language = change.menuLanguage {
            try db.cachedStatement(
                sql: """
                    INSERT INTO sms_menus (sender, language, expires_hour) VALUES (?, ?, ?)
                    ON CONFLICT (sender) DO UPDATE SET language = excluded.language, expires_hour = excluded.expires_hour
                    """
            ).execute(arguments: [sender, language, change.expiresHour])
        } else if change.forgetsMenu || change.optOut == true {
            try db.cachedStatement(sql: "DELETE FROM sms_menus WHERE sender = ?").execute(arguments: [sender])
        }
        if let outgoing = change.outgoing { try queue(outgoing, in: db) }
    }

    /// Deletes the conversations, menus' languages and message records that expire before `hour`,
    /// in one transaction.
    ///
    /// Deleted rows are zeroed in the database's pages, but older copies stay in the write-ahead
    /// log until ``eraseArrivalOrder()`` empties it; call that next.
    ///
    /// - Parameter hour: `YYYY-MM-DDTHH` from ``hour(_:in:)``; rows whose hour is earlier go.
    /// - Returns: How many conversations, menus' languages and message records were deleted.
    /// - Throws: ``StoreError`` if `hour` is not an hour or the write fails; then nothing is deleted.
    public func deleteExpired(beforeHour hour: String) throws -> Int {
        guard Self.isHour(hour) else { throw StoreError.notHour }
        return try writing { db in
            try db.execute(sql: "DELETE FROM sms_conversations WHERE expires_hour < ?", arguments: [hour])
            var deleted = db.changesCount
            try db.execute(sql: "DELETE FROM sms_menus WHERE expires_hour < ?", arguments: [hour])
            deleted += db.changesCount
            try db.execute(sql: "DELETE FROM sms_messages WHERE expires_hour < ?", arguments: [hour])
            return deleted + db.changesCount
        }
    }

    /// The hour `date` falls in, `YYYY-MM-DDTHH`, as conversations and message records expire.
    ///
    /// Pass UTC, as the webhook should: local hours repeat when clocks go back, and expiry
    /// compares hours as text.
    public static func hour(_ date: Date, in timeZone: TimeZone) -> String {
        let (days, seconds) = Day.localSeconds(date, in: timeZone)
        let hour = seconds / 3600
        return "\(Day(daysSince1970: days))T\(hour < 10 ? "0" : "")\(hour)"
    }

    /// Whether `text` is an hour as ``hour(_:in:)`` writes it; anything else could compare above
    /// every stored hour and expire everything.
    static func isHour(_ text: String) -> Bool {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, Day(String(parts[0])) != nil, parts[1].utf8.count == 2,
            parts[1].utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let hour = Int(parts[1])
        else { return false }
        return hour < 24
    }

    /// The stored form of a gateway's message id: enough to recognize a retry, without keeping a
    /// handle the gateway's API would turn into the number and text.
    ///
    /// The sender's pseudonym goes into the hash for two reasons. A relay that numbers its own
    /// messages gives two senders the same id, and each must be heard. And matching a stored row
    /// to a message id in the gateway's logs then takes the sender key as well.
    static func messageHash(_ messageID: String, sender: String) -> String {
        // A pseudonym is always 64 hex digits, so no other pair of values hashes the same bytes.
        Hex.string(SHA256.hash(data: Array(sender.utf8) + Array(messageID.utf8)))
    }

    static func checkPseudonym(_ sender: String) throws {
        guard SenderKey.isPseudonym(sender) else { throw StoreError.notPseudonym }
    }
}
