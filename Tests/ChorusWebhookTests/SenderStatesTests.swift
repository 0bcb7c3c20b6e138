import ChorusStore
import Testing

@testable import ChorusWebhook

@Suite struct SenderStatesTests {
    @Test func aStateIsKeptUntilForgottenAndAFullMemoryStartsOver() {
        let states = SenderStates(capacity: 2)
        let optedOut = SMSSnapshot(isOptedOut: true)
        states.keep(optedOut, for: "a")
        states.keep(SMSSnapshot(), for: "b")
        #expect(states["a"] == optedOut)
        // Keeping a sender already kept never forgets the others.
        states.keep(SMSSnapshot(completed: ["safety"]), for: "b")
        #expect(states["a"] == optedOut)
        states.forget("a")
        #expect(states["a"] == nil)
        states.keep(optedOut, for: "c")
        #expect(states["b"] != nil && states["c"] != nil)
        // A third sender while two are kept: everyone else is read again from the store.
        states.keep(optedOut, for: "d")
        #expect(states["b"] == nil && states["c"] == nil && states["d"] == optedOut)
        states.forgetAll()
        #expect(states["d"] == nil)
    }

    @Test func aSenderNotStoredAtTheStartNorSinceHasAnEmptyState() {
        let states = SenderStates(stored: ["a"])
        // Stored when the server started: read from the store.
        #expect(states["a"] == nil)
        #expect(states["b"] == SMSSnapshot())
        states.keep(SMSSnapshot(isOptedOut: true), for: "b")
        states.forgetAll()
        // Written since: read from the store once forgotten, as it may hold something now.
        #expect(states["b"] == nil)
        // Without the senders stored at the start, every sender not kept is read.
        #expect(SenderStates()["c"] == nil)
    }
}
