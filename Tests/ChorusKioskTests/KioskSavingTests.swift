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
