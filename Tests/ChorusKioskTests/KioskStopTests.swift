import ChorusCore
import Testing

@testable import ChorusKiosk

/// Esc once the survey is agreed to: the kiosk asks first, then erases every answer, as the
/// survey's introduction promises a resident may stop whenever they like.
@Suite struct KioskStopTests {
    @Test func escAsksThenEnterErasesEveryAnswerAndStartsOver() {
        // Given a resident three questions in, with a choice made but not yet confirmed
        var kiosk = KioskDriver()
        kiosk.reach("safe")
        kiosk.press(.character("4"))
        #expect(kiosk.words.contains("Esc stop"))

        // When they press Esc
        kiosk.press(.escape)

        // Then the kiosk asks before erasing anything
        #expect(kiosk.onScreen == "stopping")
        #expect(kiosk.words.contains("Stop here? The answers you gave will be erased, and nothing is kept."))
        #expect(kiosk.words.contains("Press Enter to stop, or Esc to go on answering."))

        // And Enter erases them: nothing saved, nothing kept for the next resident
        let respondent = kiosk.session.respondent
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "declined")
        #expect(kiosk.words.contains("That's okay."))
        #expect(kiosk.session.unconfirmed.isEmpty)
        kiosk.wait(.seconds(10))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.session.respondent == respondent + 1)
        kiosk.startInEnglish()
        #expect(kiosk.screen.blocks.contains(.options(KioskSample.areaRows(language: "en"), highlighted: nil)))
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test(arguments: [KeyEvent.escape, .left, .character("2")])
    func anyOtherKeyGoesBackToTheQuestionAsItWas(key: KeyEvent) throws {
        var kiosk = KioskDriver()
        kiosk.reach("worries")
        kiosk.press(.character("1"), .escape)
        kiosk.press(key)
        #expect(kiosk.onScreen == "worries")
        guard case .asking(_, let editor) = kiosk.session.stage else { throw KioskDriver.NotAsking() }
        #expect(editor.chosen == [0], "the key only answers the question on screen")
    }

    @Test func aStopLeftUnansweredErasesTheAnswersSoon() {
        // Given a resident who pressed Esc and walked away
        var kiosk = KioskDriver()
        kiosk.reach("area")
        kiosk.press(.character("2"), .enter, .escape)
        kiosk.wait(.seconds(14))
        #expect(kiosk.onScreen == "stopping")

        // Then the answers are erased after 15 seconds, not after the usual two minutes and more
        kiosk.wait(.seconds(1))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test func beforeAgreeingEscDoesNothing() {
        // Declining stops there, and there is nothing to erase yet.
        var kiosk = KioskDriver()
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "consent")
        #expect(!kiosk.words.contains("Esc"))
        kiosk.press(.escape)
        #expect(kiosk.onScreen == "consent")
    }

    @Test func theOrganizerPINOverStopReturnsToTheQuestion() {
        var kiosk = KioskDriver()
        kiosk.reach("area")
        kiosk.press(.escape, .control("x"), .escape)
        #expect(kiosk.onScreen == "area")
    }
}
