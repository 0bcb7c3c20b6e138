import Foundation
import GRDB

/// The outbox (see Schema's "v3"): replies queued by ``applySMS(_:)`` for a sender to deliver
/// through a gateway's API.
extension ChorusDatabase {
    /// The messages sealed under `keyID`, in no particular order.
    public func outboxMessages(keyID: String) throws -> [OutboxMessage] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT id, sealed FROM sms_outbox WHERE key_id = ?", arguments: [keyID]).map {
                OutboxMessage(id: $0["id"], keyID: keyID, sealed: Array($0["sealed"] as Data))
            }
        }
    }

    /// Deletes a message once it is sent or given up on; deleting one already gone is harmless.
    public func deleteOutboxMessage(id: String) throws {
        try writing { db in try db.execute(sql: "DELETE FROM sms_outbox WHERE id = ?", arguments: [id]) }
    }

    /// Deletes every message not sealed under `keyID`: their keys are gone with the processes
    /// that made them, so they can never be sent. Returns how many went.
    public func deleteOutboxMessages(notSealedUnder keyID: String) throws -> Int {
        try writing { db in
            try db.execute(sql: "DELETE FROM sms_outbox WHERE key_id <> ?", arguments: [keyID])
            return db.changesCount
        }
    }

    /// Inserts `message` inside the caller's transaction.
    func queue(_ message: OutboxMessage, in db: Database) throws {
        guard Self.isHex128(message.id), Self.isHex128(message.keyID), message.sealed.count > 28 else {
            throw StoreError(.conflict, "an outgoing message must be sealed, with a random id and a key id")
        }
        try db.execute(
            sql: "INSERT INTO sms_outbox (id, key_id, sealed) VALUES (?, ?, ?)",
            arguments: [message.id, message.keyID, Data(message.sealed)])
    }

    private static func isHex128(_ text: String) -> Bool {
        text.utf8.count == 32
            && text.utf8.allSatisfy {
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
            }
    }
}
