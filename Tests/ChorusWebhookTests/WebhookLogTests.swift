import ChorusCore
import ChorusStore
import Foundation
import HummingbirdTesting
import Synchronization
import Testing

@testable import ChorusWebhook

/// Privacy rule 1: logs carry no phone numbers and no message text, at any level.
@Suite struct WebhookLogTests {
    @Test func logsHoldNeitherNumbersNorTextNorPseudonyms() async throws {
        let harness = try WebhookHarness()
        let number = "+15557654321"
        let texts = ["Hello there", "yes", "Lado norte", "1 2", "Secret idea about my street"]
        try await harness.application().test(.live) { client in
            for (index, text) in texts.enumerated() {
                _ = try await client.twilio(from: number, text, id: "SMlog\(index)")
                _ = try await client.json(from: number, text, id: "log-\(index)")
            }
            _ = try await client.twilio(from: number, "forged", id: "SMforged", token: "wrong")
            harness.store.failing.withLock { $0 = true }
            _ = try await client.twilio(from: number, "failing", id: "SMfail")
        }
        let logs = harness.logs.all
        #expect(logs.contains { $0.hasPrefix("debug SMS webhook request") && $0.contains("sms.outcome=replied") })
        #expect(logs.contains { $0.hasPrefix("notice SMS webhook request") && $0.contains("http.status=403") })
        #expect(logs.contains { $0.contains("SMS store failed") })
        let pseudonym = harness.key.pseudonym(forE164: number)
        let forbidden = [number, "5557654321", "765-4321", pseudonym, "SMlog", "log-1"] + texts.filter { $0.count > 3 }
        for line in logs {
            for secret in forbidden { #expect(!line.contains(secret), "\(line)") }
        }
    }
}
