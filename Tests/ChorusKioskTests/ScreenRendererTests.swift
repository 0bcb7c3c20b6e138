import ChorusCore
import Testing

@testable import ChorusKiosk

@Suite struct ScreenRendererTests {
    /// Every kind of screen the kiosk shows, reached by keys, in `language`.
    static func everyScreen(language: String) -> [(String, Screen)] {
        var kiosk = KioskDriver(language: language)
        var screens: [(String, Screen)] = [("welcome", kiosk.screen)]
        kiosk.press(.enter)
        screens.append(("consent", kiosk.screen))
        kiosk.press(.character("1"), .enter)
        screens.append(("single", kiosk.screen))
        kiosk.press(.enter)
        screens.append(("refusal", kiosk.screen))
        kiosk.press(.character("1"), .enter, .character("3"), .character("1"))
        screens.append(("rank", kiosk.screen))
        kiosk.press(.enter, .down, .down)
        screens.append(("scale", kiosk.screen))
        kiosk.press(.enter)
        screens.append(("note", kiosk.screen))
        kiosk.press(.enter, .character("2"), .down)
        screens.append(("multiple", kiosk.screen))
        kiosk.press(.enter)
        kiosk.type("4")
        screens.append(("number", kiosk.screen))
        kiosk.press(.enter, .down)
        screens.append(("yes-no", kiosk.screen))
        kiosk.press(.enter)
        kiosk.type("Más luz, 街灯 🙂")
        screens.append(("text", kiosk.screen))
        kiosk.press(.control("x"))
        kiosk.type("1357")
        kiosk.press(.enter)
        screens.append(("wrong PIN", kiosk.screen))
        kiosk.press(.escape)
        kiosk.wait(.seconds(121))
        screens.append(("still there", kiosk.screen))
        kiosk.press(.space, .enter)
        screens.append(("thanks", kiosk.screen))
        return screens
    }

    @Test(arguments: ["en", "es"], [TerminalSize.minimum, TerminalSize(rows: 40, columns: 120)])
    func everyScreenFillsTheWindowExactly(language: String, size: TerminalSize) {
        for (name, screen) in Self.everyScreen(language: language) {
            let lines = ScreenRenderer.render(screen, size: size, plain: false)
            #expect(lines.count == size.rows, "\(name)")
            for line in lines { #expect(DisplayWidth.of(line) <= size.columns, "\(name): \(line.withoutStyles)") }
            // Only screens with keys to press have a legend; the others say what happens in their text.
            let hasLegend = lines.last.map { !$0.withoutStyles.trimmingSpaces.isEmpty } ?? false
            #expect(hasLegend == !["still there", "thanks"].contains(name), "\(name): legend at the bottom")
        }
    }

    /// What each screen must say, in English and in Spanish.
    static let expected: [String: (en: [String], es: [String])] = [
        "welcome": (["Choose your language.", "Elija su idioma.", "1. English", "2. Español"], ["Elija su idioma."]),
        "consent": (
            ["Your answers are anonymous.", "1. Yes, I agree"], ["Sus respuestas son anónimas.", "2. No, gracias"]
        ),
        "single": (["Question 1 of 7", "Where do you live?", "Choose one."], ["Pregunta 1 de 7", "¿Dónde vive?"]),
        "refusal": (["Please choose one of the options."], ["Por favor elija una de las opciones."]),
        "rank": (["All 2 chosen. Press Enter to go on", "[2] Traffic", "[1] Noise"], ["[2] Tráfico", "deshacer"]),
        "scale": (["Choose a number from 1 to 5.", "1. Not safe", "5. Very safe"], ["1. Nada seguro"]),
        "note": (["We hear you."], ["Le escuchamos."]),
        "multiple": (["Choose up to 2. You can skip this one.", "[✓] Lights"], ["[✓] Luces", "Tab saltar"]),
        "number": (
            ["Please enter a number from 1 to 30.", "› 4"], ["Por favor escriba un número del 1 al 30.", "› 4"]
        ),
        "yes-no": (["1. Yes", "2. No"], ["1. Sí", "2. No"]),
        "text": (["Write your answer in your own words.", "› Más luz, 街灯 🙂", "13/20"], ["› Más luz, 街灯 🙂"]),
        "wrong PIN": (["Organizer PIN.", "Seconds until the next try: 1", "Esc back"], ["PIN del organizador."]),
        "still there": (["Are you still there?", "Seconds left: 14"], ["¿Sigue ahí?", "Segundos que quedan: 14"]),
        "thanks": (["Thank you for sharing.", "See you at the block party."], ["Gracias por compartir."]),
    ]

    @Test(arguments: ["en", "es"])
    func everyScreenSaysItsPartInTheRespondentsLanguage(language: String) {
        for (name, screen) in Self.everyScreen(language: language) {
            let text = ScreenRenderer.render(screen, size: .minimum, plain: false).map(\.withoutStyles)
            let words = text.flatMap { $0.split(separator: " ") }.joined(separator: " ")
            let snippets = Self.expected[name].map { language == "en" ? $0.en : $0.es } ?? []
            #expect(!snippets.isEmpty, "\(name) has expectations")
            for snippet in snippets { #expect(words.contains(snippet), "\(name) (\(language)): \(snippet)") }
        }
    }

    @Test func aWideWindowKeepsLinesReadable() {
        var kiosk = KioskDriver()
        kiosk.press(.enter)
        let size = TerminalSize(rows: 40, columns: 120)
        let text = ScreenRenderer.render(kiosk.screen, size: size, plain: false).map(\.withoutStyles)
        #expect(text[0].count == 120, "the title bar spans the window")
        #expect(text[38] == "  " + String(repeating: "─", count: ScreenRenderer.maximumWidth))
        #expect(text[39].trimmingTrailingSpaces == "  ↑↓ move   1-2 choose   Enter next   ← back   F2 language")
        #expect(
            Array(text[3...8]).map(\.trimmingTrailingSpaces) == [
                "  Neighbors run this survey.", "", "  Your answers are anonymous. Do you agree?", "",
                "    1. Yes, I agree", "    2. No, thank you",
            ])
    }

    @Test func consentInEnglish() {
        var kiosk = KioskDriver()
        kiosk.press(.enter, .down)
        #expect(
            kiosk.text.map(\.trimmingTrailingSpaces) == [
                " Corner safety",
                "",
                "",
                "  Neighbors run this survey.",
                "",
                "  Your answers are anonymous. Do you agree?",
                "",
                "  ▸ 1. Yes, I agree",
                "    2. No, thank you",
            ] + Array(repeating: "", count: 13) + [
                "  " + String(repeating: "─", count: 76),
                "  ↑↓ move   1-2 choose   Enter next   ← back   F2 language",
            ])
    }

    @Test func theBarGoesByTheQuestionOnScreenNotByTheAnswersGiven() {
        var kiosk = KioskDriver()
        kiosk.reach("fixes")
        kiosk.press(.tab, .tab)  // fixes and household skipped
        #expect(kiosk.onScreen == "walk")
        let text = kiosk.text.map(\.trimmingTrailingSpaces)
        #expect(text[0].hasSuffix("Question 6 of 7"))
        // Five of seven passed, two of them skipped: 76 * 5 / 7 cells, not 76 * 3 / 7
        #expect(text[1] == "  " + String(repeating: "█", count: 54) + String(repeating: "░", count: 22))
    }

    @Test func rankQuestionInSpanish() {
        var kiosk = KioskDriver(language: "es")
        kiosk.press(.enter, .character("1"), .enter, .character("2"), .enter, .character("3"), .character("1"))
        let text = kiosk.text.map(\.trimmingTrailingSpaces)
        #expect(text[0].hasPrefix(" Seguridad en la esquina") && text[0].hasSuffix("Pregunta 2 de 7"))
        #expect(text[1] == "  " + String(repeating: "█", count: 10) + String(repeating: "░", count: 66))
        #expect(
            Array(text[3...10]) == [
                "  ¿Qué le preocupa más?",
                "",
                "  Ya eligió 2. Presione Enter para seguir, o Backspace para quitar la última.",
                "",
                "  ▸ 1. [2] Tráfico",
                "    2. [ ] Robos",
                "    3. [1] Ruido",
                "",
            ])
        #expect(text[22] == "  ↑↓ mover   1-3 Space elegir   Backspace deshacer   Enter seguir   ← atrás")
        #expect(text[23] == "  F2 idioma   Esc salir")
    }

    @Test func highlightIsReverseVideo() throws {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.down)
        let lines = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        let row = try #require(lines.first { $0.contains("North side") })
        #expect(row == "  " + Style.reverse.sequence + "▸ 1. North side \u{1B}[0m")
    }

    @Test func refusalIsShownAboveTheLegendInTheRespondentsLanguage() {
        var kiosk = KioskDriver(language: "es")
        kiosk.press(.enter, .character("1"), .enter, .enter)
        #expect(kiosk.text[21] == "  Por favor elija una de las opciones.")
    }

    @Test func cjkLabelsLineUpAndWrapWithoutSplittingACharacter() throws {
        var survey = KioskSample.survey
        survey.languages = ["zh"]
        survey.title = LocalizedText(["zh": "街角安全"])
        survey.questions = [
            Question(
                id: "area",
                kind: .single(options: [
                    Option(value: "n", label: LocalizedText(["zh": "北区"])),
                    Option(value: "s", label: LocalizedText(["zh": "南区 (老城)"])),
                    Option(value: "e", label: LocalizedText(["zh": "East"])),
                ]),
                prompt: LocalizedText(["zh": String(repeating: "您住在哪个区", count: 8)]))
        ]
        var kiosk = KioskDriver(language: "zh", survey: survey)
        kiosk.press(.enter, .character("1"), .enter, .character("2"))
        let text = kiosk.text
        #expect(text[0].hasPrefix(" 街角安全 "))
        // 48 wide characters: 38 fill 76 columns, the rest go on the next line.
        #expect(text[3] == "  " + String(String(repeating: "您住在哪个区", count: 8).prefix(38)))
        #expect(DisplayWidth.of(text[4]) == 2 + 20)
        let rows = text.filter { $0.contains(". ") && ($0.contains("区") || $0.contains("East")) }
        #expect(rows.count == 3)
        let labelColumns = try rows.map { row in
            let dot = try #require(row.firstIndex(of: "."))
            return DisplayWidth.of(row[...dot])
        }
        #expect(Set(labelColumns).count == 1, "labels start in the same column: \(rows)")
        #expect(rows.map(DisplayWidth.of) == [2 + 9, 2 + 17, 2 + 9], "the highlight adds a space")
    }

    @Test func aHintTheSurveyAlreadyGivesIsNotRepeated() {
        var survey = KioskSample.survey
        survey.questions[0].hint = KioskSample.text("Choose one.", "Elija una.")
        var kiosk = KioskDriver(survey: survey)
        kiosk.startInEnglish()
        #expect(kiosk.text.filter { $0.contains("Choose one.") }.count == 1)
    }

    @Test func narrowWindowAsksToBeEnlargedInTheRespondentsLanguage() {
        var kiosk = KioskDriver(language: "es")
        kiosk.press(.enter)
        let size = TerminalSize(rows: 10, columns: 40)
        let lines = ScreenRenderer.render(kiosk.screen, size: size, plain: false)
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(lines.contains { $0.contains("Por favor agrande esta ventana.") })
        #expect(lines.contains { $0.contains("40×10 → 80×24") })
        for size in [TerminalSize(rows: 3, columns: 8), TerminalSize(rows: 1, columns: 1)] {
            let lines = ScreenRenderer.render(kiosk.screen, size: size, plain: false)
            #expect(lines.count == size.rows && lines.allSatisfy { DisplayWidth.of($0) <= size.columns })
        }
    }

    @Test func longBodiesScrollToKeepTheHighlightInView() throws {
        var survey = KioskSample.survey
        var options = (1...30).map { Option(value: "o\($0)", label: KioskSample.text("Option \($0)", "Opción \($0)")) }
        // A label that wraps to exactly the width, highlighted beside a scroll arrow, still fits.
        options[24].label = KioskSample.text("Option 25 " + String(repeating: "abcd ", count: 40), "x")
        survey.questions = [
            Question(id: "many", kind: .single(options: options), prompt: KioskSample.text("Pick", "Elija"))
        ]
        var kiosk = KioskDriver(survey: survey)
        kiosk.startInEnglish()
        #expect(kiosk.text.contains { $0.hasPrefix("     1. Option 1") })
        #expect(kiosk.text.contains { $0.hasSuffix(" ▼") })
        kiosk.press(.character("2"), .character("5"))
        let text = kiosk.text
        #expect(
            ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false).allSatisfy { DisplayWidth.of($0) <= 80 })
        let highlighted = try #require(text.firstIndex { $0.contains("▸ 25. Option 25") })
        #expect(highlighted <= 21, "on screen, above the rule and legend")
        #expect(text.contains { $0.hasSuffix(" ▲") })
        kiosk.press(.pageUp)
        #expect(!kiosk.text.contains { $0.contains("▸ 25.") }, "Page Up scrolls away from the highlight")
    }

    @Test func aLongAnswerShowsFromItsStartWhileTheWindowHasRoom() {
        var survey = KioskSample.survey
        survey.questions = [
            Question(id: "idea", kind: .text(maximumLength: 2000), prompt: KioskSample.text("Your idea?", "¿Su idea?"))
        ]
        var kiosk = KioskDriver(survey: survey)
        kiosk.startInEnglish()
        let answer = "Start " + String(repeating: "and more lights on every corner ", count: 14) + "end"
        kiosk.type(answer)
        #expect(kiosk.screen.input?.text.count == answer.count)
        #expect(kiosk.text.contains { $0.hasPrefix("  › Start and more lights") })
        #expect(kiosk.text.contains { $0.contains("end") })
        #expect(kiosk.text.contains { $0.contains("Your idea?") })

        // Longer than the window has room for, the end, where the cursor is, stays in view.
        kiosk.type(String(repeating: " and trees", count: 120) + " finally")
        #expect(kiosk.text.contains { $0.contains("finally") })
        #expect(!kiosk.text.contains { $0.contains("Start and more lights") })
        #expect(kiosk.text.contains { $0.contains("/2000") })
    }

    @Test func surveyTextCannotSendEscapeSequences() {
        var survey = KioskSample.survey
        survey.title = LocalizedText(["en": "Evil\u{1B}]0;pwned\u{7}\u{1B}[2J title", "es": "x"])
        let kiosk = KioskDriver(survey: survey)
        let lines = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        #expect(!lines.joined().contains("\u{1B}]"))
        #expect(!lines.joined().contains("\u{1B}[2J"))
        #expect(!PlainLayout.lines(kiosk.screen).joined().contains("\u{1B}"))
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        String(self[..<(lastIndex { $0 != " " }.map(index(after:)) ?? startIndex)])
    }

    var trimmingSpaces: String {
        String(trimmingTrailingSpaces.drop { $0 == " " })
    }
}
