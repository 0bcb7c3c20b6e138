import ChorusCore
import Testing

@testable import ChorusKiosk

@Suite struct KioskSessionTests {
    @Test func completesTheSurveyInEnglish() throws {
        var kiosk = KioskDriver()
        #expect(kiosk.onScreen == "welcome")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "consent")
        kiosk.press(.character("1"), .enter)
        #expect(kiosk.onScreen == "area")
        kiosk.press(.down, .down, .enter)  // South side
        kiosk.press(.character("2"), .character("1"), .enter)  // Theft, then Traffic
        kiosk.press(.character("4"), .enter)
        #expect(kiosk.onScreen == "fixes", "the note is only for those who feel unsafe")
        kiosk.press(.character("1"), .down, .down, .space, .enter)
        kiosk.type("3")
        kiosk.press(.enter)
        kiosk.press(.character("1"), .enter)
        kiosk.type("More lights")
        kiosk.press(.enter)

        #expect(kiosk.onScreen == "thanks")
        let response = try #require(kiosk.saved.responses.first)
        #expect(kiosk.saved.responses.count == 1)
        #expect(response.language == "en")
        #expect(
            response.answers == [
                "area": .choice("south"), "worries": .choices(["theft", "traffic"]), "safe": .number(4),
                "fixes": .choices(["bumps", "crossings"]), "household": .number(3), "walk": .yesNo(true),
                "ideas": .text("More lights"),
            ])
        #expect(kiosk.words.contains("See you at the block party."))
    }

    @Test func completesTheSurveyInSpanishWithSkips() throws {
        var kiosk = KioskDriver()
        kiosk.press(.down)
        #expect(kiosk.screen.title == "Seguridad en la esquina", "the welcome screen follows the highlighted language")
        kiosk.press(.enter)
        #expect(kiosk.words.contains("Sus respuestas son anónimas."))
        kiosk.press(.character("1"), .enter)
        kiosk.press(.character("1"), .enter)
        kiosk.press(.character("3"), .enter)
        #expect(kiosk.screen.message == "Por favor elija 2, en orden de importancia.")
        kiosk.press(.character("1"), .enter)
        kiosk.press(.character("2"), .enter)
        #expect(kiosk.onScreen == "sorry")
        #expect(kiosk.words.contains("Le escuchamos."))
        kiosk.press(.enter)
        kiosk.press(.tab, .tab)  // fixes, household
        kiosk.press(.tab)
        #expect(kiosk.screen.message == "Esta pregunta necesita una respuesta.", "walk is required")
        kiosk.press(.character("2"), .enter, .tab)

        #expect(kiosk.onScreen == "thanks")
        let response = try #require(kiosk.saved.responses.first)
        #expect(response.language == "es")
        #expect(
            response.answers == [
                "area": .choice("north"), "worries": .choices(["noise", "traffic"]), "safe": .number(2),
                "walk": .yesNo(false),
            ])
        #expect(kiosk.words.contains("Gracias por compartir."))
    }

    @Test func thanksReturnsToWelcomeForTheNextRespondentByItself() {
        var kiosk = KioskDriver()
        kiosk.completeInEnglish()
        #expect(kiosk.onScreen == "thanks")
        let respondent = kiosk.session.respondent
        kiosk.press(.enter, .character("1"))
        #expect(kiosk.onScreen == "thanks", "keys do not skip the thanks")
        kiosk.wait(.seconds(10))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.session.respondent == respondent + 1, "a new respondent clears the screen and scrollback")
        kiosk.press(.down, .enter, .character("1"), .enter)
        #expect(kiosk.onScreen == "area")
        #expect(kiosk.screen.blocks.contains(.options(KioskSample.areaRows(language: "es"), highlighted: nil)))
    }

    @Test func twoRespondentsInTurnOneInEachLanguage() {
        var kiosk = KioskDriver()
        kiosk.completeInEnglish()
        kiosk.wait(.seconds(10))
        kiosk.press(.down, .enter, .character("1"), .enter)
        kiosk.press(.character("2"), .enter, .character("3"), .character("2"), .enter, .character("5"), .enter)
        kiosk.press(.tab, .tab, .character("1"), .enter, .tab)
        #expect(kiosk.saved.responses.map(\.language) == ["en", "es"])
        #expect(kiosk.saved.responses[1].answers["area"] == .choice("south"))
    }

    @Test func consentCannotBeSkippedOrGoneAround() {
        var kiosk = KioskDriver()
        kiosk.press(.enter)
        kiosk.press(.tab)
        #expect(kiosk.onScreen == "consent")
        #expect(kiosk.screen.message == "Before we begin, please tell us whether you agree to take part.")
        kiosk.press(.enter, .right, .character("3"), .enter, .pageDown, .function(10), .escape)
        #expect(kiosk.onScreen == "consent")
        kiosk.press(.function(2))
        #expect(kiosk.onScreen == "consent", "the language may change")
        #expect(kiosk.words.contains("¿Está de acuerdo?"))
        kiosk.press(.left)
        #expect(kiosk.onScreen == "welcome", "back before agreeing returns to the languages, not past consent")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "consent")
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test func declineSavesNothingAndReturnsToWelcome() {
        var kiosk = KioskDriver()
        kiosk.press(.enter, .character("2"), .enter)
        #expect(kiosk.onScreen == "declined")
        #expect(kiosk.words.contains("We won't keep any of your answers."))
        kiosk.wait(.seconds(10))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test func backKeepsAnswersAndReturnsToConsentWithoutUndoingIt() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.character("2"), .enter)
        kiosk.press(.left)
        #expect(kiosk.onScreen == "area")
        #expect(kiosk.screen.blocks.contains(.options(KioskSample.areaRows(language: "en"), highlighted: 1)))
        kiosk.press(.left)
        #expect(kiosk.onScreen == "consent")
        kiosk.press(.left)
        #expect(kiosk.onScreen == "consent", "once agreed, back stops at consent")
        kiosk.press(.character("1"), .enter)
        #expect(kiosk.onScreen == "area")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "worries", "the kept answer goes on with Enter")
    }

    @Test func choicesNotYetConfirmedAreStillThereAfterGoingBackAndForth() {
        // Given two options ticked, and Left pressed before Enter
        var kiosk = KioskDriver()
        kiosk.reach("worries")
        kiosk.press(.character("1"), .character("3"), .left)
        #expect(kiosk.onScreen == "area")

        // Then coming back shows them ticked, and Enter answers with them
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "worries")
        guard case .asking(_, let editor) = kiosk.session.stage else { return #expect(Bool(false)) }
        #expect(editor.chosen == [0, 2])
        kiosk.press(.enter)
        #expect(kiosk.onScreen != "worries")

        // And when the resident walks away, the next one starts with nothing kept
        kiosk.press(.character("2"), .left)
        #expect(!kiosk.session.unconfirmed.isEmpty)
        kiosk.wait(.seconds(130))
        kiosk.wait(.seconds(30))
        #expect(kiosk.onScreen == "welcome")
        #expect(kiosk.session.unconfirmed.isEmpty)
    }

    @Test func enterWithNothingGivenAtAnOptionalQuestionSaysTabSkipsIt() {
        var kiosk = KioskDriver()
        kiosk.reach("household")
        kiosk.press(.enter)
        #expect(kiosk.screen.message == "Please answer, or press Tab to skip this question.")
        #expect(kiosk.words.contains("Tab skip"))
        var required = KioskDriver()
        required.reach("area")
        required.press(.enter)
        #expect(required.screen.message == "Please choose one of the options.", "a required one says what to give")
    }

    @Test func refusalsAreInTheRespondentsLanguageAndClearOnTheNextKey() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.enter)
        #expect(kiosk.screen.message == "Please choose one of the options.")
        kiosk.press(.function(2))
        kiosk.press(.enter)
        #expect(kiosk.screen.message == "Por favor elija una de las opciones.")
        kiosk.press(.down)
        #expect(kiosk.screen.message == nil)
    }

    @Test func multipleChoiceMaximumIsTheEnginesToRefuse() {
        var kiosk = KioskDriver()
        kiosk.reach("fixes")
        kiosk.press(.character("1"), .character("2"), .character("3"), .enter)
        #expect(kiosk.screen.message == "Please choose no more than 2.")
        kiosk.press(.character("2"), .enter)
        #expect(kiosk.onScreen == "household")
    }

    @Test func aTickPastTheMaximumIsRefusedAtOnceInTheEnginesWords() {
        var kiosk = KioskDriver()
        kiosk.reach("fixes")
        kiosk.press(.character("1"), .character("2"))
        #expect(kiosk.screen.message == nil)
        kiosk.press(.character("3"))
        #expect(kiosk.screen.message == "Please choose no more than 2.")
        kiosk.press(.character("3"))
        #expect(kiosk.screen.message == nil)
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "household")
    }

    @Test func rankingBackspaceTakesBackTheLastChoice() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.character("1"), .enter)
        kiosk.press(.character("3"), .character("1"), .backspace, .character("2"))
        guard case .asking(_, let editor) = kiosk.session.stage else { Issue.record("not asking"); return }
        #expect(editor.chosen == [2, 1])
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "safe")
    }

    @Test func numbersTakeADecimalCommaAndTheEngineJudgesThem() {
        var kiosk = KioskDriver()
        kiosk.reach("household")
        kiosk.type("2,5")
        kiosk.press(.enter)
        #expect(kiosk.screen.message == "Please enter a whole number, without decimals.")
        kiosk.press(.backspace, .backspace)
        kiosk.type("x0")
        #expect(kiosk.screen.input?.text == "20", "letters are not typed into a number")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "walk")
    }

    @Test func aLetterInANumberIsRefusedAtOnceAndTheHintSaysTheRange() {
        var kiosk = KioskDriver()
        kiosk.reach("household")
        #expect(kiosk.words.contains("Please enter a number from 1 to 30."))
        kiosk.press(.character("t"))
        #expect(kiosk.screen.message == "Please enter a number.")
        #expect(kiosk.screen.input?.text == "")
        kiosk.press(.character("4"))
        #expect(kiosk.screen.message == nil)
        #expect(kiosk.screen.input?.text == "4")
    }

    @Test func aCommaBeforeThreeDigitsSeparatesThousands() {
        var kiosk = KioskDriver()
        kiosk.reach("household")
        // Read as 1.2, it would be refused as a fraction; read as 1, it would be taken.
        kiosk.type("1,200")
        kiosk.press(.enter)
        #expect(kiosk.screen.message == "Please enter a number from 1 to 30.")
        #expect(kiosk.onScreen == "household")
    }

    @Test func aRankingTakesNoMoreThanItsPicks() throws {
        var kiosk = KioskDriver()
        kiosk.reach("worries")
        kiosk.type("312")
        guard case .asking(_, let editor) = kiosk.session.stage else { throw KioskDriver.NotAsking() }
        #expect(editor.chosen == [2, 0], "the third press is not taken")
        // The hint says so, and what to do instead.
        #expect(kiosk.words.contains("All 2 chosen. Press Enter to go on, or Backspace to take back the last."))
        #expect(!kiosk.words.contains("Choose 2, most important first."))
        // Pressing a ranked choice again takes it out, and makes room.
        kiosk.type("1")
        #expect(kiosk.words.contains("Choose 2, most important first."))
        kiosk.type("2")
        guard case .asking(_, let again) = kiosk.session.stage else { throw KioskDriver.NotAsking() }
        #expect(again.chosen == [2, 1])
    }

    @Test func leftAndTabKeepATypedAnswer() {
        // Given an answer typed, as a resident pressing Left to fix a typo or Tab to indent
        var kiosk = KioskDriver()
        kiosk.reach("ideas")
        kiosk.type("More lights")
        #expect(!kiosk.words.contains("back"))
        kiosk.press(.left, .tab)

        // Then the question and what was typed are still there
        #expect(kiosk.onScreen == "ideas")
        #expect(kiosk.screen.input?.text == "More lights")

        // And once it is erased, Left goes back again
        for _ in 0..<11 { kiosk.press(.backspace) }
        #expect(kiosk.words.contains("back"))
        kiosk.press(.left)
        #expect(kiosk.onScreen != "ideas")
    }

    @Test func textStopsAtItsLimit() {
        var kiosk = KioskDriver()
        kiosk.reach("ideas")
        kiosk.type("a longer idea than twenty characters")
        #expect(kiosk.screen.input?.text == "a longer idea than t")
        #expect(kiosk.text.contains { $0.contains("20/20") })
    }

    @Test func ctrlCCtrlZAndCtrlBackslashAreIgnored() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.character("2"))
        let before = kiosk.screen
        kiosk.press(.control("c"), .control("z"), .control("\\"), .control("d"), .control("s"))
        #expect(kiosk.screen == before)
        #expect(!kiosk.session.hasEnded)
    }
}
