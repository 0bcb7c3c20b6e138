import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChorusWebhook

/// `GET /metrics` in Prometheus's text format, over real HTTP.
@Suite struct MetricsTests {
    /// Each sample line's series and value.
    func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    @Test func isScrapeableAndCountsMoveWithNothingPersonal() async throws {
        let harness = try WebhookHarness()
        let number = "+15557654321"
        try await harness.application().test(.live) { client in
            let before = try await client.execute(uri: "/metrics", method: .get)
            #expect(before.status == .ok)
            #expect(before.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let zero = samples(String(buffer: before.body))
            #expect(zero[#"chorus_sms_messages_total{gateway="twilio",outcome="replied"}"#] == 0)
            // Telnyx has no secret here, so no route: a series for it would suggest it is served.
            #expect(!String(buffer: before.body).contains(#"gateway="telnyx""#))
            // Twilio's replies go back in its request's response, never through the outbox.
            #expect(!String(buffer: before.body).contains(#"chorus_sms_outbox_total{gateway="twilio""#))

            _ = try await client.twilio(from: number, "Hello", id: "SM1")
            _ = try await client.twilio(from: number, "Hello", id: "SM1")
            _ = try await client.twilio(from: number, "STOP", id: "SM2")
            _ = try await client.twilio(from: number, "Hello", id: "SM3", token: "forged")
            _ = try await client.json(from: number, "Hello", id: "j1")

            let after = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            let counts = samples(after)
            #expect(counts[#"chorus_sms_messages_total{gateway="twilio",outcome="replied"}"#] == 1)
            #expect(counts[#"chorus_sms_messages_total{gateway="twilio",outcome="replayed"}"#] == 1)
            #expect(counts[#"chorus_sms_messages_total{gateway="twilio",outcome="opted-out"}"#] == 1)
            #expect(counts[#"chorus_sms_messages_total{gateway="twilio",outcome="forbidden"}"#] == 1)
            #expect(counts[#"chorus_sms_messages_total{gateway="json",outcome="silent"}"#] == 1)
            #expect(counts[#"chorus_sms_request_duration_seconds_count{gateway="twilio"}"#] == 4)
            #expect(counts[#"chorus_sms_request_duration_seconds_bucket{gateway="twilio",le="+Inf"}"#] == 4)
            #expect(after.contains("# TYPE chorus_sms_request_duration_seconds histogram"))
            for secret in [number, "7654321", harness.key.pseudonym(forE164: number), "SM1", "Hello"] {
                #expect(!after.contains(secret))
            }
        }
    }
}
