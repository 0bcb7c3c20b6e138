import ChorusCore
import Testing

@testable import ChorusKiosk

/// A response is saved before thanks; one that cannot be is kept and tried again.
@Suite struct KioskSavingTests {
    @Test func aFailedSaveKeepsTheResponseAndNeverThanks() throws {
        var kiosk = KioskDriver()
        kiosk.saved.isFailing = true
        kiosk.completeInEnglish()
        #expect(kiosk.onScreen == "unsaved")
        #expect(kiosk.words.contains("Please tell a volunteer."))
        let kept = try #require(kiosk.session.unsavedResponse)
        #expect(kept.answers["area"] == .choice("north"))

        kiosk.wait(.seconds(600))
        #expect(kiosk.onScreen == "unsaved", "no idle reset while a response is unsaved")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "unsaved")

        kiosk.saved.isFailing = false
        kiosk.wait(.seconds(10))
        #expect(kiosk.onScreen == "thanks", "tried again by itself")
        #expect(kiosk.saved.responses == [kept])
    }

    /// A save blocked by a locked database returns after its deadline to try again has passed:
    /// waiting for keys must then not block at all, where a negative poll(2) timeout waits forever.
    @Test(arguments: [
        (Duration.milliseconds(-36), Int32(0)), (.seconds(-3), 0), (.zero, 0), (.nanoseconds(1), 1),
        (.milliseconds(1500), 1500), (.seconds(1_000_000_000), .max),
    ])
    func aWaitForKeysIsNeverNegative(until deadline: Duration, milliseconds: Int32) {
        #expect(Terminal.milliseconds(deadline) == milliseconds)
    }

    @Test func enterTriesSavingAgain() {
        var kiosk = KioskDriver()
        kiosk.saved.isFailing = true
        kiosk.completeInEnglish()
        kiosk.saved.isFailing = false
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "thanks")
        #expect(kiosk.saved.responses.count == 1)
    }
}
