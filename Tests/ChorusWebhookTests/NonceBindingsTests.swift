import Foundation
import Testing

@testable import ChorusWebhook

@Suite struct NonceBindingsTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func aNonceKeepsItsMessageForAtLeastTheWindow() {
        let nonces = NonceBindings(window: 3_600, now: Self.start)
        #expect(nonces.admits("n1", for: "m1", at: Self.start))
        #expect(nonces.admits("n1", for: "m1", at: Self.start.addingTimeInterval(10)))
        #expect(!nonces.admits("n1", for: "m2", at: Self.start.addingTimeInterval(10)))
        // Into the next generation, and to the end of it, the binding holds.
        #expect(!nonces.admits("n1", for: "m2", at: Self.start.addingTimeInterval(3_600)))
        #expect(!nonces.admits("n1", for: "m2", at: Self.start.addingTimeInterval(7_199)))
        // Two whole windows later it is forgotten.
        #expect(nonces.admits("n1", for: "m2", at: Self.start.addingTimeInterval(7_200)))
    }

    @Test func aFullGenerationAgesEarlyButKeepsWhatItHeld() {
        let nonces = NonceBindings(window: 3_600, capacity: 2, now: Self.start)
        #expect(nonces.admits("n1", for: "m1", at: Self.start))
        #expect(nonces.admits("n2", for: "m2", at: Self.start))
        #expect(nonces.admits("n3", for: "m3", at: Self.start))
        #expect(!nonces.admits("n1", for: "other", at: Self.start))
        #expect(!nonces.admits("n3", for: "other", at: Self.start))
    }
}
