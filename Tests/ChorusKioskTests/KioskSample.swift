import ChorusCore
import Synchronization

@testable import ChorusKiosk

/// A small survey in English and Spanish with one question of every kind, for the kiosk's tests.
enum KioskSample {
    static let survey = Survey(
        id: "corner-safety",
        version: 2,
        languages: ["en", "es"],
        title: text("Corner safety", "Seguridad en la esquina"),
        intro: text("Neighbors run this survey.", "Los vecinos hacen esta encuesta."),
        consent: text("Your answers are anonymous. Do you agree?", "Sus respuestas son anónimas. ¿Está de acuerdo?"),
        closing: text("See you at the block party.", "Nos vemos en la fiesta del barrio."),
        questions: [
            Question(
                id: "area",
                kind: .single(
                    options: options(("north", "North side", "Zona norte"), ("south", "South side", "Zona sur"))),
                prompt: text("Where do you live?", "¿Dónde vive?"),
                isRequired: true),
            Question(
                id: "worries",
                kind: .rank(
                    options: options(
                        ("traffic", "Traffic", "Tráfico"), ("theft", "Theft", "Robos"), ("noise", "Noise", "Ruido")),
                    picks: 2),
                prompt: text("What worries you most?", "¿Qué le preocupa más?"),
                isRequired: true),
            Question(
                id: "safe",
                kind: .scale(
                    minimum: 1, maximum: 5, minimumLabel: text("Not safe", "Nada seguro"),
                    maximumLabel: text("Very safe", "Muy seguro")),
                prompt: text("How safe do you feel at night?", "¿Qué tan seguro se siente de noche?"),
                isRequired: true),
            Question(
                id: "sorry",
                kind: .note,
                prompt: text("We hear you.", "Le escuchamos."),
                showIf: expression("safe <= 2")),
            Question(
                id: "fixes",
                kind: .multiple(
                    options: options(
                        ("bumps", "Speed bumps", "Reductores"), ("lights", "Lights", "Luces"),
                        ("crossings", "Crossings", "Cruces")),
                    maximum: 2),
                prompt: text("What would help?", "¿Qué ayudaría?")),
            Question(
                id: "household",
                kind: .number(minimum: 1, maximum: 30, decimals: 0),
                prompt: text("How many people live with you?", "¿Cuántas personas viven con usted?")),
            Question(
                id: "walk",
                kind: .yesNo,
                prompt: text("Do you walk at night?", "¿Camina de noche?"),
                isRequired: true),
            Question(
                id: "ideas",
                kind: .text(maximumLength: 20),
                prompt: text("Any ideas?", "¿Alguna idea?")),
        ]
    )

    static func text(_ english: String, _ spanish: String) -> LocalizedText {
        LocalizedText(["en": english, "es": spanish])
    }

    static func options(_ options: (String, String, String)...) -> [Option] {
        options.map { Option(value: $0.0, label: text($0.1, $0.2)) }
    }

    static func expression(_ source: String) -> Expression {
        do {
            return try Expression(parsing: source)
        } catch {
            fatalError("sample expression \(source) does not parse: \(error)")
        }
    }
}

/// What a test's save callback received, and whether it should fail.
final class SavedResponses: Sendable {
    struct Failure: Error {}

    private let state = Mutex<(responses: [Response], failing: Bool)>(([], false))

    var responses: [Response] { state.withLock { $0.responses } }

    var isFailing: Bool {
        get { state.withLock { $0.failing } }
        set { state.withLock { $0.failing = newValue } }
    }

    func save(_ response: Response) throws {
        try state.withLock {
            if $0.failing { throw Failure() }
            $0.responses.append(response)
        }
    }
}

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
