import ChorusCore
import Synchronization

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
