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
        #expect(kiosk.screen.message == "Por favor elija 2, empezando por la más importante.")
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
        #expect(kiosk.screen.blocks.contains(.options(Self.areaRows(language: "es"), highlighted: nil)))
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
        #expect(kiosk.screen.blocks.contains(.options(Self.areaRows(language: "en"), highlighted: 1)))
        kiosk.press(.left)
        #expect(kiosk.onScreen == "consent")
        kiosk.press(.left)
        #expect(kiosk.onScreen == "consent", "once agreed, back stops at consent")
        kiosk.press(.character("1"), .enter)
        #expect(kiosk.onScreen == "area")
        kiosk.press(.enter)
        #expect(kiosk.onScreen == "worries", "the kept answer goes on with Enter")
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

    // MARK: Idle

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
        #expect(kiosk.screen.blocks.contains(.options(Self.areaRows(language: "en"), highlighted: nil)))
        #expect(kiosk.saved.responses.isEmpty)
    }

    @Test func anyKeyOnStillThereContinuesAndDoesNothingElse() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.wait(.seconds(125))
        #expect(kiosk.onScreen == "still-there")
        kiosk.press(.character("2"))
        #expect(kiosk.onScreen == "area")
        #expect(kiosk.screen.blocks.contains(.options(Self.areaRows(language: "en"), highlighted: nil)))
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

    // MARK: Saving

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

    static func areaRows(language: String) -> [Screen.OptionRow] {
        let labels = language == "en" ? ["North side", "South side"] : ["Zona norte", "Zona sur"]
        return labels.enumerated().map { Screen.OptionRow(key: String($0 + 1), marker: .none, label: $1) }
    }
}

extension KioskDriver {
    init(idleTimeout: Duration) {
        self.init()
        var settings = session.settings
        settings.idleTimeout = idleTimeout
        let saved = self.saved
        session = KioskSession(engine: session.engine, settings: settings, pin: "2468", save: { try saved.save($0) })
    }

    /// From the welcome screen to the first question, in English.
    mutating func startInEnglish() {
        press(.enter, .character("1"), .enter)
    }

    /// The shortest way through in English.
    mutating func completeInEnglish() {
        startInEnglish()
        press(.character("1"), .enter, .character("1"), .character("2"), .enter, .character("5"), .enter)
        press(.tab, .tab, .character("1"), .enter, .tab)
    }

    /// Answers in English until `question` is on screen.
    mutating func reach(_ question: String) {
        startInEnglish()
        let steps: [(String, [KeyEvent])] = [
            ("area", [.character("1"), .enter]),
            ("worries", [.character("1"), .character("2"), .enter]),
            ("safe", [.character("5"), .enter]),
            ("fixes", [.tab]),
            ("household", [.tab]),
            ("walk", [.character("1"), .enter]),
        ]
        for (id, keys) in steps where onScreen != question && onScreen == id {
            for key in keys { press(key) }
        }
    }
}
