import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChorusWebhook

/// The store's upkeep runs on its own schedule, so that a quiet server neither keeps expired
/// conversations nor the old copies of what it deleted until the next message comes.
@Suite struct StoreUpkeepTests {
    static let alice = "+15551230001"

    static func harness(upkeepEvery interval: Duration) throws -> WebhookHarness {
        var harness = try WebhookHarness()
        harness.configuration.upkeepInterval = interval
        return harness
    }

    /// Whether the database file at `path` or its write-ahead log holds `text`.
    static func database(at path: String, holds text: String) -> Bool {
        [path, path + "-wal"].contains { file in
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            return String(decoding: bytes, as: UTF8.self).contains(text)
        }
    }

    /// Waits up to five seconds for `condition`, checking it every 20 ms; whether it came true.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<250 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(20))
        }
        return condition()
    }

    @Test func expiredConversationsAreDeletedOnTheHourWithoutAnotherMessage() async throws {
        let harness = try Self.harness(upkeepEvery: .milliseconds(20))
        try await harness.application().test(.router) { client in
            // Given a conversation started, then no message for three days and two hours
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")
            #expect(harness.store.conversationCount == 1)
            let erasures = harness.store.contents.withLock { $0.erasures }
            harness.clock.advance(by: 3 * 86_400 + 7_200)

            // Then it is deleted, and the file rewritten, with nobody texting
            #expect(try await Self.eventually { harness.store.conversationCount == 0 })
            #expect(try await Self.eventually { harness.store.contents.withLock { $0.erasures } > erasures })
        }
    }

    @Test func oldCopiesAreDroppedAfterACommitAndNotWhileNothingChanges() async throws {
        let harness = try Self.harness(upkeepEvery: .milliseconds(20))
        try await harness.application().test(.router) { client in
            // Given a server that has stored nothing yet
            try await Task.sleep(for: .milliseconds(200))
            #expect(harness.store.contents.withLock { $0.forgettings } == 0)

            // When a message is stored
            _ = try await client.twilio(from: Self.alice, "Hello", id: "SM1")

            // Then the store drops its old copies once, and not again until something else is stored
            #expect(try await Self.eventually { harness.store.contents.withLock { $0.forgettings } == 1 })
            try await Task.sleep(for: .milliseconds(200))
            #expect(harness.store.contents.withLock { $0.forgettings } == 1)
        }
    }

    @Test func aWithdrawnResidentsAnswersLeaveTheDatabaseFilesSoonAfter() async throws {
        // Given the webhook on a real database, emptying its log every 50 ms after a commit
        let harness = try Self.harness(upkeepEvery: .milliseconds(50))
        let path = harness.directory.appendingPathComponent("chorus.sqlite").path
        let database = try ChorusDatabase(path: path)
        try database.register(survey: WebhookSample.survey, source: Array("sample survey".utf8))
        try await harness.application(store: database).test(.router) { client in
            // When a resident answers six questions, one with an answer found nowhere else, and then
            // texts STOP, which deletes their unfinished answers
            for (index, text) in ["Hi", "yes", "4", "3 4", "2", "3", "13.7"].enumerated() {
                let response = try await client.twilio(from: Self.alice, text, id: "SMw\(index)")
                #expect(response.status == .ok)
            }
            // Looked for again while missing: the file is read before its log, so a checkpoint
            // that moves the page from the log into the file between the two reads hides it.
            #expect(try await Self.eventually { Self.database(at: path, holds: "13.7") })
            let stop = try await client.twilio(from: Self.alice, "STOP", id: "SMw-stop")
            #expect(stop.twimlText.contains("won't get any more messages from us"))

            // Then soon, with no other message, no copy of that answer is left in the file or its log
            #expect(try await Self.eventually { !Self.database(at: path, holds: "13.7") })
        }
        #expect(try database.isOptedOut(sender: harness.key.pseudonym(forE164: Self.alice)))
    }
}
