@testable import ChorusCore

/// A hand-built survey like safety-priorities, in English and Spanish, with every question kind.
enum SampleSurvey {
    /// Question ids in survey order.
    static let order = [
        "area", "concerns", "safe-at-night", "night-note", "traffic-fixes", "household", "children",
        "hours-outside", "walk-at-night", "ideas",
    ]

    static let survey = Survey(
        id: "safety-priorities",
        version: 3,
        languages: ["en", "es"],
        smsKeyword: "SAFE",
        title: text("Neighborhood safety priorities", "Prioridades de seguridad del barrio"),
        intro: text("Tell us what matters to you.", "Díganos qué le importa."),
        consent: text("Your answers are anonymous.", "Sus respuestas son anónimas."),
        closing: text("Thank you.", "Gracias."),
        questions: [
            Question(
                id: "area",
                kind: .single(options: options("north", "south", "east", "west")),
                prompt: text("Which part of town do you live in?", "¿En qué parte de la ciudad vive?"),
                isRequired: true,
                isQuasiIdentifier: true
            ),
            Question(
                id: "concerns",
                kind: .rank(options: options("traffic", "theft", "violence", "drugs", "lighting"), picks: 3),
                prompt: text("What worries you most?", "¿Qué le preocupa más?"),
                isRequired: true
            ),
            Question(
                id: "safe-at-night",
                kind: .scale(
                    minimum: 1, maximum: 5, minimumLabel: text("Not at all", "Nada"),
                    maximumLabel: text("Very safe", "Muy seguro")),
                prompt: text("How safe do you feel at night?", "¿Qué tan seguro se siente de noche?"),
                isRequired: true
            ),
            Question(
                id: "night-note",
                kind: .note,
                prompt: text("We hear you.", "Le escuchamos."),
                showIf: expression("${safe-at-night} <= 2")
            ),
            Question(
                id: "traffic-fixes",
                kind: .multiple(options: options("speed-bumps", "crosswalks", "lights", "enforcement"), maximum: 2),
                prompt: text("What would help with traffic?", "¿Qué ayudaría con el tráfico?"),
                showIf: expression("selected(concerns, 'traffic')")
            ),
            Question(
                id: "household",
                kind: .number(minimum: 1, maximum: 30, decimals: 0),
                prompt: text("How many people live in your home?", "¿Cuántas personas viven en su casa?")
            ),
            Question(
                id: "children",
                kind: .number(minimum: 0, maximum: nil, decimals: 0),
                prompt: text("How many of them are children?", "¿Cuántos son niños?"),
                showIf: expression("${household} > 1"),
                constraints: [
                    Constraint(
                        test: expression(". < ${household}"),
                        message: text(
                            "That is as many as live in your home.", "Son tantos como los que viven en su casa."))
                ]
            ),
            Question(
                id: "hours-outside",
                kind: .number(minimum: nil, maximum: 24, decimals: 1),
                prompt: text("Hours a day outside your home?", "¿Horas al día fuera de casa?")
            ),
            Question(
                id: "walk-at-night",
                kind: .yesNo,
                prompt: text("Do you walk at night?", "¿Camina de noche?"),
                isRequired: true
            ),
            Question(
                id: "ideas",
                kind: .text(maximumLength: 40),
                prompt: text("Any ideas?", "¿Alguna idea?")
            ),
        ]
    )

    static func engine() -> InterviewEngine {
        InterviewEngine(survey: survey, today: 20_000)
    }

    static func text(_ english: String, _ spanish: String) -> LocalizedText {
        LocalizedText(["en": english, "es": spanish])
    }

    static func options(_ values: String...) -> [Option] {
        values.map { Option(value: $0, label: text($0, $0)) }
    }

    static func expression(_ source: String) -> Expression {
        do {
            return try Expression(parsing: source)
        } catch {
            fatalError("sample expression \(source) does not parse: \(error)")
        }
    }
}
