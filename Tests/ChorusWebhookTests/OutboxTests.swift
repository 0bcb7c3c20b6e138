import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChorusWebhook

/// Replies for Telnyx, which cannot take one in its webhook's response: queued in the outbox
/// with the message, sealed, and sent through a fake Telnyx API on 127.0.0.1 with retries.
@Suite struct OutboxTests {
    static let number = "+15551230001"

    func database(_ harness: WebhookHarness) throws -> ChorusDatabase {
        let database = try ChorusDatabase(path: harness.directory.appendingPathComponent("chorus.sqlite").path)
        try database.register(survey: WebhookSample.survey, source: Array("sample survey".utf8))
        return database
    }

    /// The database file and its companions, as bytes.
    func files(of database: ChorusDatabase) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in [database.path, database.path + "-wal", database.path + "-shm"] {
            files[path] = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        }
        return files
    }

    @Test func theReplyReachesTheResidentAfterRetriesAndTheDatabaseNeverHoldsTheNumber() async throws {
        // Given a Telnyx API that holds the first send, then fails twice, the second time asking
        // for 7 seconds' patience, then accepts
        let api = FakeTelnyxAPI(failures: [(.serviceUnavailable, nil), (.tooManyRequests, "7")], held: true)
        let base = try WebhookHarness()
        let database = try database(base)
        try await api.application().test(.live) { apiClient in
            var configured = base
            configured.enableTelnyx(apiURL: "http://127.0.0.1:\(try #require(apiClient.port))/")
            let harness = configured
            try await harness.application(store: database).test(.live) { client in
                // A send still held at the end would keep the webhook from ever shutting down.
                defer { api.release() }
                // When a resident texts
                let response = try await client.telnyx(from: Self.number, "Hello", id: "msg-1", at: harness.clock.now)
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "{}")

                // Then while the reply waits, it is in the database, sealed: no form of the number is there
                try await FakeTelnyxAPI.eventually { api.arrived > 0 }
                for (path, bytes) in files(of: database) {
                    #expect(bytes.range(of: Data("5551230001".utf8)) == nil, "\(path)")
                }
                api.release()

                // And it arrives, from the number texted, to the resident, after the retries
                try await FakeTelnyxAPI.eventually {
                    try await client.scrape().contains(#"chorus_sms_outbox_total{gateway="telnyx",event="sent"} 1"#)
                }
                let sent = try #require(api.accepted.first)
                #expect(sent.authorization == "Bearer telnyx-test-api-key")
                #expect(sent.fields["to"] == Self.number)
                #expect(sent.fields["from"] == "+15550001111")
                #expect(sent.fields["text"]?.hasPrefix("Neighborhood safety") == true)
                #expect(api.requests == api.accepted.count + 2)
                let waits = harness.sleeps.all
                #expect(waits.count == 2)
                #expect(waits.last.map { $0 >= .seconds(7) } == true)

                // A retry of the webhook gets the same acknowledgement and queues nothing more
                let again = try await client.telnyx(from: Self.number, "Hello", id: "msg-1", at: harness.clock.now)
                #expect(again.status == .ok)
                let text = try await client.scrape()
                #expect(text.contains(#"chorus_sms_outbox_total{gateway="telnyx",event="retried"} 2"#))
                #expect(text.contains(#"chorus_sms_outbox_total{gateway="telnyx",event="sent"} 1"#))
                #expect(text.contains(#"chorus_sms_messages_total{gateway="telnyx",outcome="replayed"} 1"#))
            }
        }
        // Then the outbox is empty and nothing anywhere holds the number
        #expect(try database.deleteOutboxMessages(notSealedUnder: String(repeating: "0", count: 32)) == 0)
        for (path, bytes) in files(of: database) {
            #expect(bytes.range(of: Data("5551230001".utf8)) == nil, "\(path)")
        }
        #expect(!base.logs.all.contains { $0.contains("5551230001") || $0.contains("Hello") })
    }

    @Test func aReplyTheGatewayRefusesOrThatRunsOutOfTriesIsGivenUpAndDeleted() async throws {
        let api = FakeTelnyxAPI(failures: [(.badRequest, nil)] + Array(repeating: (.badGateway, nil), count: 3))
        let base = try WebhookHarness()
        try await api.application().test(.live) { apiClient in
            var configured = base
            configured.enableTelnyx(apiURL: "http://127.0.0.1:\(try #require(apiClient.port))")
            configured.configuration.outboxRetry.attempts = 3
            let harness = configured
            try await harness.application().test(.live) { client in
                _ = try await client.telnyx(from: Self.number, "Hello", id: "msg-1", at: harness.clock.now)
                try await FakeTelnyxAPI.eventually {
                    api.requests == 1 && harness.store.contents.withLock { $0.outbox }.isEmpty
                }
                _ = try await client.telnyx(from: "+15551230002", "Hello", id: "msg-2", at: harness.clock.now)
                try await FakeTelnyxAPI.eventually {
                    api.requests == 4 && harness.store.contents.withLock { $0.outbox }.isEmpty
                }
                let text = try await client.scrape()
                #expect(text.contains(#"chorus_sms_outbox_total{gateway="telnyx",event="failed"} 2"#))
                #expect(text.contains(#"chorus_sms_outbox_total{gateway="telnyx",event="retried"} 2"#))
            }
        }
        #expect(api.accepted.isEmpty)
        #expect(base.store.contents.withLock { $0.outbox }.isEmpty)
        #expect(base.logs.all.contains { $0.contains("Gateway refused a reply") && $0.contains("http.status=400") })
        #expect(base.logs.all.contains { $0.contains("Reply not sent after every try") })
    }

    @Test func rowsSealedBeforeARestartAreDeletedAndOnlyCounted() async throws {
        let harness = try WebhookHarness()
        let database = try database(harness)
        // A row left by an earlier process, whose key is gone.
        let earlier = OutboxSeal()
        let stale = try earlier.seal(OutgoingSMS(gateway: "telnyx", to: Self.number, from: "+1555", texts: ["Hi"]))
        try database.applySMS(
            SMSChange(
                gateway: "telnyx", messageID: "old", sender: harness.key.pseudonym(forE164: Self.number),
                surveyID: WebhookSample.survey.id, reply: "", interview: nil, expiresHour: "2030-01-01T00",
                outgoing: stale))
        #expect(try database.outboxMessages(keyID: earlier.keyID).count == 1)
        try await harness.application(store: database).test(.live) { client in
            try await FakeTelnyxAPI.eventually { try database.outboxMessages(keyID: earlier.keyID).isEmpty }
            #expect(try await client.scrape().contains("chorus_sms_outbox_discarded_total 1"))
        }
        #expect(try database.outboxMessages(keyID: earlier.keyID).isEmpty)
        let line = try #require(harness.logs.all.first { $0.contains("Unsent replies from before the restart") })
        #expect(line.contains("count=1"))
    }

    @Test func aSealedRowOpensOnlyUnderItsKeyAndInItsRow() throws {
        let seal = OutboxSeal()
        let message = OutgoingSMS(gateway: "telnyx", to: Self.number, from: "+15550001111", texts: ["a", "b"])
        let row = try seal.seal(message)
        #expect(try seal.open(row) == message)
        #expect(throws: (any Error).self) { try OutboxSeal().open(row) }
        var moved = row
        moved.id = OutboxMessage.newID()
        #expect(throws: (any Error).self) { try seal.open(moved) }
        #expect(Data(row.sealed).range(of: Data("5551230001".utf8)) == nil)
        #expect("\(message)" == "2 texts through telnyx")
    }

    @Test func retriesWaitLongerEachTimeWithJitterAndHonorRetryAfter() {
        let retry = OutboxRetry()
        #expect(retry.delay(afterAttempt: 1, retryAfter: nil, random: 0) == .seconds(1))
        #expect(retry.delay(afterAttempt: 1, retryAfter: nil, random: 1) == .seconds(2))
        #expect(retry.delay(afterAttempt: 3, retryAfter: nil, random: 1) == .seconds(8))
        #expect(retry.delay(afterAttempt: 3, retryAfter: nil, random: 0.5) == .seconds(6))
        #expect(retry.delay(afterAttempt: 30, retryAfter: nil, random: 1) == .seconds(300))
        #expect(retry.delay(afterAttempt: 1, retryAfter: .seconds(30), random: 1) == .seconds(30))
        #expect(retry.delay(afterAttempt: 1, retryAfter: .seconds(86_400), random: 1) == .seconds(3600))
    }
}
