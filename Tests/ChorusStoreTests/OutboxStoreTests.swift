import ChorusCore
import Foundation
import GRDB
import Testing

@testable import ChorusStore

/// The outbox (schema "v3"): sealed replies queued with the message that caused them.
@Suite struct OutboxStoreTests {
    static let key = String(repeating: "a", count: 32)

    static func sealed(_ byte: UInt8 = 1, key: String = Self.key) -> OutboxMessage {
        OutboxMessage(id: OutboxMessage.newID(), keyID: key, sealed: [UInt8](repeating: byte, count: 40))
    }

    @Test func aReplyIsQueuedInTheSameTransactionAsTheMessage() throws {
        let database = try StoreFixtures.database()
        var change = ConversationTests.change("TX1")
        change.outgoing = Self.sealed()
        try database.applySMS(change)
        #expect(try database.outboxMessages(keyID: Self.key) == [change.outgoing])

        // A retry of the message is refused whole: no second row.
        var retry = ConversationTests.change("TX1")
        retry.outgoing = Self.sealed(2)
        #expect(throws: StoreError.self) { try database.applySMS(retry) }
        #expect(try database.outboxMessages(keyID: Self.key).count == 1)

        // A message whose other changes fail queues nothing either.
        var refused = ConversationTests.change("TX2", sender: "+15550102030")
        refused.outgoing = Self.sealed(3)
        #expect(throws: StoreError.self) { try database.applySMS(refused) }
        #expect(try database.outboxMessages(keyID: Self.key).count == 1)

        try database.deleteOutboxMessage(id: change.outgoing!.id)
        #expect(try database.outboxMessages(keyID: Self.key).isEmpty)
    }

    @Test func onlyASealedRowWithRandomIDsIsQueued() throws {
        let database = try StoreFixtures.database()
        let invalid = [
            OutboxMessage(id: "1", keyID: Self.key, sealed: [UInt8](repeating: 1, count: 40)),
            OutboxMessage(id: OutboxMessage.newID(), keyID: "+15550102030", sealed: [UInt8](repeating: 1, count: 40)),
            OutboxMessage(id: OutboxMessage.newID(), keyID: Self.key, sealed: Array("+15550102030".utf8)),
        ]
        for (index, outgoing) in invalid.enumerated() {
            var change = ConversationTests.change("TX\(index)")
            change.outgoing = outgoing
            #expect(throws: StoreError.self) { try database.applySMS(change) }
        }
        #expect(try ConversationTests.count("sms_messages", in: database) == 0)
        #expect(try ConversationTests.count("sms_outbox", in: database) == 0)
    }

    @Test func rowsOfOtherKeysAreDeletedAndCounted() throws {
        let database = try StoreFixtures.database()
        let other = String(repeating: "b", count: 32)
        for (index, key) in [Self.key, other, other].enumerated() {
            var change = ConversationTests.change(
                "TX\(index)", sender: ConversationTests.key.pseudonym(forE164: "+1555010\(index)000"))
            change.outgoing = Self.sealed(key: key)
            try database.applySMS(change)
        }
        #expect(try database.deleteOutboxMessages(notSealedUnder: Self.key) == 2)
        #expect(try database.outboxMessages(keyID: other).isEmpty)
        #expect(try database.outboxMessages(keyID: Self.key).count == 1)
    }
}
