import ChorusCore
import Testing

@testable import ChorusKiosk

/// Plain mode: linear text a screen reader follows, every answer typed as a line.
@Suite struct PlainModeTests {
    /// A plain kiosk and everything it has written so far.
    struct Transcript {
        var kiosk = KioskDriver(language: "es", plain: true)
        var painter = ScreenPainter(plain: true)
        var output = ""

        init() { paint() }

        mutating func paint() {
            output += painter.paint(kiosk.screen, size: .minimum, respondent: kiosk.session.respondent)
        }

        /// Types `line` and presses Enter, painting after each key as the kiosk does.
        mutating func enter(_ line: String) {
            for character in line {
                kiosk.press(character == " " ? .space : .character(character))
                paint()
            }
            press(.enter)
        }

        mutating func press(_ key: KeyEvent) {
            kiosk.press(key)
            paint()
        }

        /// What was written since `mark`.
        func since(_ mark: String.Index) -> Substring { output[mark...] }
    }

    @Test func completesTheSurveyByTypingLines() throws {
        var plain = Transcript()
        plain.enter("2")  // Español
        plain.enter("1")  // agree
        plain.enter("2")
        plain.enter("3 1")
        plain.enter("4")
        plain.enter("1,3")
        plain.enter("5")
        plain.enter("2")
        plain.enter("Más luz")
        #expect(plain.kiosk.onScreen == "thanks")
        let response = try #require(plain.kiosk.saved.responses.first)
        #expect(response.language == "es")
        #expect(
            response.answers == [
                "area": .choice("south"), "worries": .choices(["noise", "traffic"]), "safe": .number(4),
                "fixes": .choices(["bumps", "crossings"]), "household": .number(5), "walk": .yesNo(false),
                "ideas": .text("Más luz"),
            ])
        #expect(!plain.output.contains("\u{1B}"), "no colour, no cursor movement")
        #expect(!plain.output.contains { "─█░▸▲▼".contains($0) }, "no box drawing")
    }

    @Test func aQuestionIsPrintedOnceAsLinesAndTypingIsEchoed() {
        var plain = Transcript()
        plain.enter("1")
        plain.enter("1")
        let mark = plain.output.endIndex
        plain.press(.character("1"))
        plain.press(.character("3"))
        plain.press(.backspace)
        plain.press(.character("2"))
        #expect(plain.since(mark) == "13\u{8} \u{8}2")
        #expect(
            plain.output.hasSuffix(
                """
                Corner safety
                Question 1 of 7

                Where do you live?

                Choose one.

                1. North side
                2. South side

                Enter: next; Left arrow: back; F2: language; Esc: stop.
                Type a number and press Enter.
                > 13\u{8} \u{8}2
                """))
    }

    @Test func aRefusalAddsItsMessageAndThePromptNotTheWholeScreen() {
        var plain = Transcript()
        plain.enter("2")
        plain.enter("1")
        let mark = plain.output.endIndex
        plain.enter("7")
        #expect(
            plain.since(mark)
                == "7\nPor favor elija una de las opciones. Lo que escribió queda en la línea de abajo; la tecla "
                + "Retroceso lo borra.\nEnter: seguir; Flecha izquierda: atrás; F2: idioma; Esc: salir.\n"
                + "Escriba un número y presione Enter.\n> 7")
        // The next key clears the message, and only the key is echoed: the line reads "> 72".
        let typed = plain.output.endIndex
        plain.press(.character("2"))
        #expect(plain.since(typed) == "2")
    }

    @Test func controlUEmptiesARefusedLineAtOnce() {
        var plain = Transcript()
        plain.enter("2")
        plain.enter("1")
        plain.enter("97")
        #expect(plain.kiosk.screen.input?.text == "97")
        plain.press(.control("u"))
        #expect(plain.kiosk.screen.input?.text == "")
        #expect(plain.output.hasSuffix("> 97\u{8} \u{8}\u{8} \u{8}"), "erased on the line as Backspace erases")
        plain.enter("2")
        #expect(plain.kiosk.onScreen == "worries")
    }

    @Test func onlyNumbersAreTypedWhereNumbersAreAskedFor() {
        var plain = Transcript()
        plain.enter("1")
        plain.enter("1")
        plain.enter("1")
        plain.enter("uno dos")
        #expect(plain.kiosk.screen.message == "This question needs an answer.", "the engine's word on nothing")
        #expect(plain.kiosk.onScreen == "worries")
        plain.press(.backspace)
        #expect(plain.kiosk.screen.input?.text == "", "only digits, spaces and commas are typed")
    }

    @Test func theCountdownIsSaidOnceNotEverySecond() {
        var plain = Transcript()
        plain.enter("1")
        plain.enter("1")
        plain.kiosk.wait(.seconds(120))
        plain.paint()
        let mark = plain.output.endIndex
        for _ in 0..<10 {
            plain.kiosk.wait(.seconds(1))
            plain.paint()
        }
        #expect(plain.since(mark).isEmpty)
        #expect(plain.output.contains("Seconds left: 15"))
        plain.kiosk.wait(.seconds(5))
        plain.paint()
        #expect(plain.since(mark).hasPrefix(Terminal.clearAll), "a new respondent clears the screen and scrollback")
    }

    @Test func keptAnswersAreTypedAgainWhenGoingBack() {
        var plain = Transcript()
        plain.enter("1")
        plain.enter("1")
        plain.enter("2")
        plain.enter("3 1")
        plain.press(.left)
        #expect(plain.kiosk.onScreen == "worries")
        #expect(plain.kiosk.screen.input?.text == "3 1")
        #expect(plain.output.hasSuffix("> 3 1"))
    }
}
