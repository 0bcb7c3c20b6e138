import ChorusCore

@testable import ChorusKiosk

/// A kiosk session driven by keys on a fake clock: time moves only when a test says so.
struct KioskDriver {
    var session: KioskSession
    let saved = SavedResponses()
    /// The fake clock: time since the kiosk started.
    private(set) var now = Duration.zero

    init(language: String = "en", plain: Bool = false, pin: String = "2468", survey: Survey = KioskSample.survey) {
        let saved = self.saved
        session = KioskSession(
            engine: InterviewEngine(survey: survey, today: 20_000),
            settings: KioskSession.Settings(language: language, plain: plain),
            pin: pin,
            save: { try saved.save($0) })
    }

    var screen: Screen { session.screen(at: now) }

    /// The screen as the full renderer draws it at 80×24, styles removed.
    var text: [String] { ScreenRenderer.render(screen, size: .minimum, plain: false).map(\.withoutStyles) }

    /// The words on screen, lines joined, as a sentence wrapped over lines reads.
    var words: String {
        text.flatMap { $0.split(separator: " ") }.joined(separator: " ")
    }

    /// Thrown when a test expects a question on screen and there is none.
    struct NotAsking: Error {}

    /// The id of the question or note on screen, or what else is up.
    var onScreen: String {
        if session.gate.isOpen { return "pin" }
        switch session.stage {
        case .welcome: return "welcome"
        case .asking(let interview, _):
            switch session.engine.step(interview) {
            case .consent: return "consent"
            case .question(let question), .note(let question): return question.id
            default: return "?"
            }
        case .stillThere: return "still-there"
        case .stopping: return "stopping"
        case .finished(let declined, _, _): return declined ? "declined" : "thanks"
        case .unsaved: return "unsaved"
        }
    }

    /// Presses keys one after another, a second apart.
    mutating func press(_ keys: KeyEvent...) {
        for key in keys {
            now += .seconds(1)
            session.receive(key, at: now)
            session.advance(to: now)
        }
    }

    /// Types text, one key per character (Space as the Space key).
    mutating func type(_ text: String) {
        for character in text { press(character == " " ? .space : .character(character)) }
    }

    /// Lets time pass without a key.
    mutating func wait(_ duration: Duration) {
        now += duration
        session.advance(to: now)
    }
}

extension String {
    /// The text without SGR style sequences.
    var withoutStyles: String {
        var result = ""
        var inEscape = false
        for character in self {
            if inEscape {
                inEscape = !(character.isASCII && character.isLetter)
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                result.append(character)
            }
        }
        return result
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

extension KioskSample {
    /// The area question's choices as the screen lists them.
    static func areaRows(language: String) -> [Screen.OptionRow] {
        let labels = language == "en" ? ["North side", "South side"] : ["Zona norte", "Zona sur"]
        return labels.enumerated().map { Screen.OptionRow(key: String($0 + 1), marker: .none, label: $1) }
    }
}
