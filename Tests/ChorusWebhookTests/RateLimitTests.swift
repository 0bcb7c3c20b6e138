import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

@testable import ChorusWebhook

@Suite struct RateLimitTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aBucketAllowsABurstThenRefillsEvenly() {
        let limit = SenderRateLimit(RateLimit(messages: 3, per: .seconds(60)))
        for _ in 0..<3 { #expect(limit.allows("a", at: Self.start)) }
        #expect(!limit.allows("a", at: Self.start))
        #expect(limit.secondsUntilNext("a") == 20)
        // Another sender has a bucket of their own.
        #expect(limit.allows("b", at: Self.start))
        // One message's worth refills in 20 seconds.
        #expect(!limit.allows("a", at: Self.start + 19))
        #expect(limit.allows("a", at: Self.start + 20))
        #expect(!limit.allows("a", at: Self.start + 21))
        // Never more than the burst, however long the pause.
        for _ in 0..<3 { #expect(limit.allows("a", at: Self.start + 86_400)) }
        #expect(!limit.allows("a", at: Self.start + 86_400))
    }

    @Test func aClockGoingBackRefillsNothing() {
        let limit = SenderRateLimit(RateLimit(messages: 1, per: .seconds(60)))
        #expect(limit.allows("a", at: Self.start))
        #expect(!limit.allows("a", at: Self.start - 3600))
        #expect(!limit.allows("a", at: Self.start + 59))
        #expect(limit.allows("a", at: Self.start + 60))
    }

    @Test func overTheLimitASenderGets429NothingChangesAndTheLogNamesNoOne() async throws {
        var configured = try WebhookHarness()
        configured.configuration.rateLimit = RateLimit(messages: 3, per: .seconds(60))
        let harness = configured
        let number = "+15551230001"
        try await harness.application().test(.live) { client in
            for index in 0..<3 {
                let response = try await client.twilio(from: number, "Hello", id: "SM\(index)")
                #expect(response.status == .ok)
            }
            let applied = harness.store.contents.withLock { $0.applied }
            let calls = harness.store.calls
            let over = try await client.twilio(from: number, "yes", id: "SM-over")
            #expect(over.status == .tooManyRequests)
            #expect(over.headers[.retryAfter] == "20")
            #expect(harness.store.contents.withLock { $0.applied } == applied)
            // Only the read that tells a retry from a new message.
            #expect(harness.store.calls == calls + 1)
            // A retry of a message answered before still gets its reply, and changes nothing.
            let first = try await client.twilio(from: number, "Hello", id: "SM0")
            let retry = try await client.twilio(from: number, "Hello", id: "SM0")
            #expect(retry.status == .ok)
            #expect(retry.body == first.body)
            #expect(String(buffer: retry.body).contains("<Message>"))
            #expect(harness.store.contents.withLock { $0.applied } == applied)
            // Others are not held back.
            let other = try await client.twilio(from: "+15551230002", "Hello", id: "SM-other")
            #expect(other.status == .ok)
            // Twenty seconds later, one more message is allowed.
            harness.clock.advance(by: 20)
            let later = try await client.twilio(from: number, "yes", id: "SM-later")
            #expect(later.status == .ok)
            let metrics = try await client.scrape()
            #expect(metrics.contains(#"chorus_sms_messages_total{gateway="twilio",outcome="rate-limited"} 1"#))
            #expect(metrics.contains(#"chorus_sms_messages_total{gateway="twilio",outcome="replayed"} 2"#))
        }
        let lines = harness.logs.all.filter { $0.contains("sms.outcome=rate-limited") }
        #expect(lines.count == 1)
        let pseudonym = harness.key.pseudonym(forE164: number)
        #expect(!harness.logs.all.contains { $0.contains("5551230001") || $0.contains(pseudonym) })
    }

    @Test func noLimitWhenNoneIsConfigured() async throws {
        var harness = try WebhookHarness()
        harness.configuration.rateLimit = nil
        try await harness.application().test(.router) { client in
            for index in 0..<40 {
                let response = try await client.json(from: "+15551230001", "hi", id: "r-\(index)")
                #expect(response.status == .ok)
            }
        }
    }
}
