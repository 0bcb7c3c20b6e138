import Testing

@testable import ChorusKiosk

@Suite struct PINGateTests {
    @Test func ctrlXThenTheRightPINEndsTheKiosk() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.control("x"))
        #expect(kiosk.onScreen == "pin")
        kiosk.type("2468")
        #expect(kiosk.screen.input == Screen.Input(text: "2468", isSecret: true))
        #expect(kiosk.text.contains { $0.hasPrefix("  › **** ") }, "the PIN is never shown")
        kiosk.press(.enter)
        #expect(kiosk.session.hasEnded)
    }

    @Test func aWrongPINDoesNotEndTheKioskAndSlowsTheNextTry() {
        var kiosk = KioskDriver()
        kiosk.press(.control("x"))
        kiosk.type("1111")
        kiosk.press(.enter)
        #expect(!kiosk.session.hasEnded)
        #expect(kiosk.screen.message == "That PIN is not right. Seconds until the next try: 1")

        // Within the wait, the right PIN is not even typed.
        kiosk.session.receive(.character("2"), at: kiosk.now + .milliseconds(500))
        #expect(kiosk.session.gate.typed.isEmpty)

        var delays: [Duration] = [.seconds(1)]
        for _ in 0..<6 {
            let locked = kiosk.session.gate.lockedUntil!
            kiosk.wait(locked - kiosk.now)
            // Left alone through a long wait, the prompt closes; the organizer opens it again.
            if !kiosk.session.gate.isOpen { kiosk.session.receive(.control("x"), at: kiosk.now) }
            kiosk.session.receive(.character("9"), at: kiosk.now)
            kiosk.session.receive(.enter, at: kiosk.now)
            delays.append(kiosk.session.gate.lockedUntil! - kiosk.now)
        }
        #expect(delays == [1, 2, 4, 8, 16, 30, 30].map { Duration.seconds($0) })
        #expect(!kiosk.session.hasEnded)
    }

    @Test func enterWithNothingTypedIsNotAWrongTry() {
        var kiosk = KioskDriver()
        kiosk.press(.control("x"), .enter)
        #expect(kiosk.session.gate.failures == 0)
        #expect(kiosk.screen.message == nil)
        kiosk.type("2468")
        kiosk.press(.enter)
        #expect(kiosk.session.hasEnded)
    }

    @Test func closingThePromptDoesNotForgetTheWrongTries() {
        var kiosk = KioskDriver()
        kiosk.press(.control("x"))
        kiosk.type("0000")
        kiosk.press(.enter, .escape, .control("x"))
        #expect(kiosk.session.gate.failures == 1)
        #expect(kiosk.session.gate.isOpen)
    }

    @Test func escReturnsToTheRespondentsScreenAsItWas() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.character("2"))
        let before = kiosk.screen
        kiosk.press(.control("x"))
        kiosk.type("24")
        kiosk.press(.escape)
        #expect(kiosk.onScreen == "area")
        #expect(kiosk.screen == before)
    }

    @Test func thePromptClosesByItselfWhenLeftAlone() {
        var kiosk = KioskDriver()
        kiosk.press(.control("x"))
        kiosk.wait(.seconds(30))
        #expect(kiosk.onScreen == "welcome")
    }

    @Test func thePINPromptIsInTheRespondentsLanguage() {
        var kiosk = KioskDriver(language: "es")
        kiosk.press(.control("x"))
        #expect(kiosk.words.contains("Si usted no es del equipo organizador, presione Esc para volver."))
    }

    @Test func comparisonIsExact() {
        let pin = Array("2468".utf8)
        #expect(PINGate.matches(pin, pin))
        #expect(!PINGate.matches(Array("246".utf8), pin))
        #expect(!PINGate.matches(Array("24680".utf8), pin))
        #expect(!PINGate.matches(Array("2469".utf8), pin))
        #expect(!PINGate.matches([], []), "an empty PIN never matches")
    }

    @Test func kioskTrimsThePINAndRefusesToRunWithout() throws {
        let survey = KioskSample.survey
        let kiosk = Kiosk(survey: survey, pin: " 2468\n", today: 0) { _ in }
        #expect(kiosk.pin == "2468")
        let empty = Kiosk(survey: survey, pin: "\n", today: 0) { _ in }
        #expect(throws: KioskError.noPIN) { try empty.run() }
    }
}
