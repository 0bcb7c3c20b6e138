import ChorusCore

/// A survey like safety-priorities in English and Spanish, with every question kind, for texting.
enum WebhookSample {
    static let survey = Survey(
        id: "safety-priorities",
        version: 3,
        languages: ["en", "es"],
        smsKeyword: "SAFE",
        title: text("Neighborhood safety", "Seguridad del barrio"),
        intro: text("Tell us what matters to you.", "Díganos qué le importa."),
        consent: text("Your answers are anonymous.", "Sus respuestas son anónimas."),
        closing: text("Results in June.", "Resultados en junio."),
        questions: [
            Question(
                id: "area",
                kind: .single(options: [
                    option("north", "North side", "Lado norte"), option("south", "South side", "Lado sur"),
                    option("east", "East side", "Lado este"), option("west", "West side", "Lado oeste"),
                ]),
                prompt: text("Which part of town do you live in?", "¿En qué parte de la ciudad vive?"),
                isRequired: true,
                isQuasiIdentifier: true
            ),
            Question(
                id: "concerns",
                kind: .rank(
                    options: [
                        option("traffic", "Traffic", "Tráfico"), option("theft", "Theft", "Robos"),
                        option("violence", "Violence", "Violencia"), option("lighting", "Lighting", "Alumbrado"),
                    ], picks: 2),
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
                kind: .multiple(
                    options: [
                        option("bumps", "Speed bumps", "Topes"), option("crosswalks", "Crosswalks", "Cruces"),
                        option("lights", "Lights", "Luces"),
                    ], maximum: 2),
                prompt: text("What would help with traffic?", "¿Qué ayudaría con el tráfico?"),
                showIf: expression("selected(concerns, 'traffic')")
            ),
            Question(
                id: "household",
                kind: .number(minimum: 1, maximum: 30, decimals: 0),
                prompt: text("How many people live in your home?", "¿Cuántas personas viven en su casa?")
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

    /// A second survey, for servers with several.
    static let parks = Survey(
        id: "parks",
        version: 1,
        languages: ["en", "es"],
        smsKeyword: "PARKS",
        title: text("Our parks", "Nuestros parques"),
        consent: text("Anonymous.", "Anónima."),
        questions: [
            Question(id: "visits", kind: .yesNo, prompt: text("Do you visit a park?", "¿Visita un parque?"))
        ]
    )

    static func text(_ english: String, _ spanish: String) -> LocalizedText {
        LocalizedText(["en": english, "es": spanish])
    }

    static func option(_ value: String, _ english: String, _ spanish: String) -> Option {
        Option(value: value, label: text(english, spanish))
    }

    static func expression(_ source: String) -> Expression {
        do {
            return try Expression(parsing: source)
        } catch {
            fatalError("sample expression \(source) does not parse: \(error)")
        }
    }
}
