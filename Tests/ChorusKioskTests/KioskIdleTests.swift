import ChorusCore
import Testing

@testable import ChorusKiosk

/// No key for a while: "Are you still there?", then the partial interview is discarded.
@Suite struct KioskIdleTests {
    @Test func idleAsksThenDiscardsThePartialInterview() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.character("2"), .enter)
        kiosk.wait(.seconds(119))
        #expect(kiosk.onScreen == "worries")
        kiosk.wait(.seconds(1))
        #expect(kiosk.onScreen == "still-there")
        #expect(kiosk.words.contains("Seconds left: 15"))
        kiosk.wait(.milliseconds(5_500))
        #expect(kiosk.words.contains("Seconds left: 10"))
        let respondent = kiosk.session.respondent
        kiosk.wait(.milliseconds(9_500))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.session.respondent == respondent + 1)
        kiosk.startInEnglish()
        #expect(kiosk.screen.blocks.contains(.options(KioskSample.areaRows(language: "en"), highlighted: nil)))
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test func anyKeyOnStillThereContinuesAndDoesNothingElse() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.wait(.seconds(125))
        #expect(kiosk.onScreen == "still-there")
        kiosk.press(.character("2"))
        #expect(kiosk.onScreen == "area")
        #expect(kiosk.screen.blocks.contains(.options(KioskSample.areaRows(language: "en"), highlighted: nil)))
        kiosk.wait(.seconds(119))
        #expect(kiosk.onScreen == "area", "the idle time starts again from the key")
    }

    @Test func aLongSilenceSkipsStraightToWelcome() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.wait(.seconds(3_600))
        #expect(kiosk.onScreen == "welcome")
    }

    @Test func idleTimeoutIsConfigurable() {
        var kiosk = KioskDriver(idleTimeout: .seconds(30))
        kiosk.startInEnglish()
        kiosk.wait(.seconds(30))
        #expect(kiosk.onScreen == "still-there")
    }

    @Test func welcomeForgetsALanguageLeftHighlighted() {
        var kiosk = KioskDriver()
        kiosk.press(.down)
        #expect(kiosk.session.language == "es")
        kiosk.wait(.seconds(120))
        #expect(kiosk.session.language == "en")
        #expect(kiosk.session.nextDeadline(after: kiosk.now) == nil, "nothing to wait for on a fresh welcome screen")
    }

    @Test func deadlinesFollowTheScreen() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        #expect(kiosk.session.nextDeadline(after: kiosk.now) == kiosk.now + .seconds(120))
        kiosk.wait(.seconds(120))
        // The countdown is redrawn each second.
        #expect(kiosk.session.nextDeadline(after: kiosk.now) == kiosk.now + .seconds(1))
    }
}
