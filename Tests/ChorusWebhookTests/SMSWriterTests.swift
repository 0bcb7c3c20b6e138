import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChorusWebhook

/// Group commit: changes that arrive while a commit is under way are stored together in the next
/// one, each on its own terms, and nobody hears back before their change is stored.
@Suite struct SMSWriterTests {
    static let engine = InterviewEngine(survey: WebhookSample.survey, today: 20_000)

    static func change(_ messageID: String, from sender: String) -> SMSChange {
        SMSChange(
            gateway: "twilio", messageID: messageID, sender: sender, surveyID: WebhookSample.survey.id,
            reply: "reply to \(messageID)", interview: engine.start(language: "en"), expiresHour: "2026-11-24T10")
    }

    @Test func changesArrivingDuringACommitShareTheNextAndOneFailingLeavesTheOthersStored() async throws {
        // Given a database whose first commit is held, with one change in it
        let harness = try WebhookHarness()
        let database = try ChorusDatabase(
            path: harness.directory.appendingPathComponent("chorus.sqlite").path, concurrentReads: true)
        try database.register(survey: WebhookSample.survey, source: Array("sample survey".utf8))
        let store = GatedStore(database)
        // A commit left held would keep this test waiting for ever.
        defer { store.open() }
        let writer = SMSWriter(store: store)
        let senders = (0...4).map { harness.key.pseudonym(forE164: "+1555010100\($0)") }
        let first = Task { [senders] in try await writer.apply(Self.change("SM0", from: senders[0])) }
        for await _ in store.held { break }

        // When five more arrive meanwhile, one of them a retry of the message being stored
        let arriving =
            (1...4).map { Self.change("SM\($0)", from: senders[$0]) } + [Self.change("SM0", from: senders[0])]
        let outcomes = Task {
            await withTaskGroup(of: (String, Bool).self) { group in
                for change in arriving {
                    group.addTask { (change.messageID, (try? await writer.apply(change)) != nil) }
                }
                return await group.reduce(into: [:]) { $0[$1.0, default: []].append($1.1) }
            }
        }
        while writer.waitingCount < arriving.count { await Task.yield() }
        store.open()
        try await first.value

        // Then they are stored in one commit after the first, all but the retry
        #expect(await outcomes.value == ["SM0": [false], "SM1": [true], "SM2": [true], "SM3": [true], "SM4": [true]])
        #expect(store.batches.withLock { $0 } == [1, 5])
        for index in 1...4 {
            #expect(
                try database.processedReply(gateway: "twilio", sender: senders[index], messageID: "SM\(index)")
                    == "reply to SM\(index)")
            #expect(try database.conversation(sender: senders[index], surveyID: WebhookSample.survey.id) != nil)
        }
        #expect(try database.processedReply(gateway: "twilio", sender: senders[0], messageID: "SM0") == "reply to SM0")
    }

    final class Flag: Sendable {
        let isSet = Mutex(false)
    }

    @Test func theReplyIsSentOnlyOnceTheChangeIsStored() async throws {
        let harness = try WebhookHarness()
        let store = GatedStore(harness.store)
        defer { store.open() }
        let answered = Flag()
        try await harness.application(store: store).test(.router) { client in
            // Given a message whose commit is held
            let status = Task {
                let response = try await client.twilio(from: "+15551230001", "Hello", id: "SM1")
                answered.isSet.withLock { $0 = true }
                return response.status
            }
            for await _ in store.held { break }

            // Then nothing is answered while it is not stored
            #expect(!answered.isSet.withLock { $0 })
            #expect(harness.store.contents.withLock { $0.applied } == 0)

            // And once it is, the reply comes
            store.open()
            let answeredStatus = try await status.value
            #expect(answeredStatus == .ok)
            #expect(harness.store.contents.withLock { $0.applied } == 1)
        }
    }
}
