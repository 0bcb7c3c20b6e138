import Testing

@testable import ChorusCore

/// An answer the sample survey refuses, with what the respondent is told in each language.
struct RefusedAnswer: Sendable, CustomTestStringConvertible {
    var question: String
    var answer: Answer
    var english: String
    var spanish: String

    var testDescription: String { "\(question) ← \(answer)" }
}

@Suite struct AnswerCheckTests {
    static let refused: [RefusedAnswer] = [
        .init(
            question: "area", answer: .choice("downtown"), english: "Please choose one of the options.",
            spanish: "Por favor elija una de las opciones."),
        .init(
            question: "area", answer: .text("north"), english: "Please choose one of the options.",
            spanish: "Por favor elija una de las opciones."),
        .init(
            question: "concerns", answer: .choices(["traffic", "theft"]),
            english: "Please choose 3, most important first.",
            spanish: "Por favor elija 3, en orden de importancia."),
        .init(
            question: "concerns", answer: .choices(["traffic", "theft", "lighting", "drugs"]),
            english: "Please choose 3, most important first.",
            spanish: "Por favor elija 3, en orden de importancia."),
        .init(
            question: "concerns", answer: .choice("traffic"), english: "Please choose 3, most important first.",
            spanish: "Por favor elija 3, en orden de importancia."),
        .init(
            question: "concerns", answer: .choices(["traffic", "traffic", "theft"]),
            english: "Please choose each option only once.", spanish: "Por favor elija cada opción una sola vez."),
        .init(
            question: "concerns", answer: .choices(["traffic", "crime", "theft"]),
            english: "Please choose one of the options.", spanish: "Por favor elija una de las opciones."),
        .init(
            question: "concerns", answer: .choices([]), english: "This question needs an answer.",
            spanish: "Esta pregunta necesita una respuesta."),
        .init(
            question: "safe-at-night", answer: .number(6), english: "Please enter a number from 1 to 5.",
            spanish: "Por favor escriba un número del 1 al 5."),
        .init(
            question: "safe-at-night", answer: .number(0), english: "Please enter a number from 1 to 5.",
            spanish: "Por favor escriba un número del 1 al 5."),
        .init(
            question: "safe-at-night", answer: .yesNo(true), english: "Please enter a number from 1 to 5.",
            spanish: "Por favor escriba un número del 1 al 5."),
        .init(
            question: "safe-at-night", answer: .number(2.5),
            english: "Please enter a whole number, without decimals.",
            spanish: "Por favor escriba un número entero, sin decimales."),
        .init(
            question: "traffic-fixes", answer: .choices(["speed-bumps", "crosswalks", "lights"]),
            english: "Please choose no more than 2.", spanish: "Por favor elija 2 como máximo."),
        .init(
            question: "traffic-fixes", answer: .choices([]), english: "Please answer, or skip this question.",
            spanish: "Por favor responda, o salte esta pregunta."),
        .init(
            question: "traffic-fixes", answer: .choices(["potholes"]), english: "Please choose one of the options.",
            spanish: "Por favor elija una de las opciones."),
        .init(
            question: "household", answer: .number(0), english: "Please enter a number from 1 to 30.",
            spanish: "Por favor escriba un número del 1 al 30."),
        .init(
            question: "household", answer: .number(31), english: "Please enter a number from 1 to 30.",
            spanish: "Por favor escriba un número del 1 al 30."),
        .init(
            question: "household", answer: .number(2.5), english: "Please enter a whole number, without decimals.",
            spanish: "Por favor escriba un número entero, sin decimales."),
        .init(
            question: "household", answer: .number(.nan), english: "Please enter a number.",
            spanish: "Por favor escriba un número."),
        .init(
            question: "household", answer: .number(.infinity), english: "Please enter a number.",
            spanish: "Por favor escriba un número."),
        .init(
            question: "household", answer: .text("four"), english: "Please enter a number.",
            spanish: "Por favor escriba un número."),
        .init(
            question: "household", answer: .text(" "), english: "Please answer, or skip this question.",
            spanish: "Por favor responda, o salte esta pregunta."),
        .init(
            question: "children", answer: .number(-1), english: "Please enter a number of 0 or more.",
            spanish: "Por favor escriba un número igual o mayor que 0."),
        .init(
            question: "children", answer: .number(4), english: "That is as many as live in your home.",
            spanish: "Son tantos como los que viven en su casa."),
        .init(
            question: "hours-outside", answer: .number(25), english: "Please enter a number of 24 or less.",
            spanish: "Por favor escriba un número igual o menor que 24."),
        .init(
            question: "hours-outside", answer: .number(7.25),
            english: "That has too many digits after the decimal point. Try 7.3.",
            spanish: "Ese número tiene demasiados decimales. Pruebe con 7.3."),
        .init(
            question: "walk-at-night", answer: .choice("yes"), english: "Please answer yes or no.",
            spanish: "Por favor responda sí o no."),
        .init(
            question: "ideas", answer: .text(String(repeating: "a", count: 41)),
            english: "Please keep it to 40 characters or fewer. This has 41.",
            spanish: "Por favor use 40 caracteres o menos. Su respuesta tiene 41."),
        .init(
            question: "ideas", answer: .text("  \n\t "), english: "Please answer, or skip this question.",
            spanish: "Por favor responda, o salte esta pregunta."),
        .init(
            question: "ideas", answer: .number(3), english: "Please write your answer.",
            spanish: "Por favor escriba su respuesta."),
    ]

    @Test(arguments: refused)
    func refusesWithAMessageInTheRespondentsLanguage(_ refused: RefusedAnswer) {
        for (language, message) in [("en", refused.english), ("es", refused.spanish)] {
            var respondent = Respondent(language: language)
            respondent.reach(refused.question)
            #expect(respondent.onScreen == refused.question)
            let before = respondent.interview
            #expect(respondent.answer(refused.answer) == message, "in \(language)")
            #expect(respondent.interview == before)
        }
    }

    @Test(arguments: [
        ("safe-at-night", Answer.number(1)), ("safe-at-night", .number(5)), ("household", .number(30)),
        ("household", .number(1)), ("children", .number(3)), ("children", .number(0)),
        ("hours-outside", .number(24)), ("hours-outside", .number(7.2)), ("hours-outside", .number(-3)),
        ("ideas", .text(String(repeating: "a", count: 40))),
        ("ideas", .text(String(repeating: "👩‍👩‍👧", count: 40))),
        ("concerns", .choices(["lighting", "drugs", "violence"])), ("traffic-fixes", .choices(["lights"])),
        ("walk-at-night", .yesNo(false)),
    ])
    func acceptsAnswersAtTheLimits(question: String, answer: Answer) {
        var respondent = Respondent()
        respondent.reach(question)
        #expect(respondent.answer(answer) == nil)
        #expect(respondent.interview.answers[question] == answer)
    }

    @Test func storesTextTrimmed() {
        var respondent = Respondent()
        respondent.reach("ideas")
        #expect(respondent.answer(.text("\n  Better lighting on 5th  \t")) == nil)
        #expect(respondent.interview.answers["ideas"] == .text("Better lighting on 5th"))
    }

    @Test func countsTextLengthInCharactersNotBytes() {
        var respondent = Respondent()
        respondent.reach("ideas")
        let message = respondent.answer(.text(String(repeating: "ñ", count: 41)))
        #expect(message == "Please keep it to 40 characters or fewer. This has 41.")
    }

    @Test func storesNegativeZeroAsZero() {
        var respondent = Respondent()
        respondent.reach("children")
        respondent.answer(.number(-0.0))
        #expect(respondent.interview.answers["children"]?.expressionValue == "0")
        #expect(respondent.interview.answers["children"] == .number(0))
        if case .number(let stored) = respondent.interview.answers["children"] { #expect(stored.sign == .plus) }
    }

    @Test func aRankingOfAShortListTakesEveryOption() {
        var survey = SampleSurvey.survey
        survey.questions = [
            Question(
                id: "pair", kind: .rank(options: SampleSurvey.options("a", "b"), picks: 3),
                prompt: SampleSurvey.text("Rank", "Ordene"))
        ]
        var respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0))
        #expect(respondent.answer(.choices(["a"])) == "Please choose 2, most important first.")
        #expect(respondent.answer(.choices(["b", "a"])) == nil)
        #expect(respondent.step.response?.answers["pair"] == .choices(["b", "a"]))
    }

    @Test func constraintsAreCheckedInOrderAndTheFirstFailureIsTold() {
        var survey = SampleSurvey.survey
        survey.questions = [
            Question(
                id: "n", kind: .number(minimum: nil, maximum: nil, decimals: 0),
                prompt: SampleSurvey.text("N", "N"),
                constraints: [
                    Constraint(test: SampleSurvey.expression(". > 10"), message: SampleSurvey.text("big", "grande")),
                    Constraint(test: SampleSurvey.expression(". < 20"), message: SampleSurvey.text("small", "chico")),
                ])
        ]
        var respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0), language: "es")
        #expect(respondent.answer(.number(5)) == "grande")
        #expect(respondent.answer(.number(25)) == "chico")
        #expect(respondent.answer(.number(15)) == nil)
    }

    @Test func aConstraintThatCannotBeEvaluatedRefusesTheAnswer() throws {
        var survey = SampleSurvey.survey
        survey.questions = [
            Question(
                id: "n", kind: .yesNo, prompt: SampleSurvey.text("N", "N"),
                constraints: [
                    Constraint(test: try Expression(parsing: ". | ."), message: SampleSurvey.text("broken", "roto"))
                ])
        ]
        var respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0))
        #expect(respondent.answer(.yesNo(true)) == "broken")
        #expect(respondent.onScreen == "n")
    }

    @Test(arguments: [(2.675, 3), (2.5, 1), (3, 0), (-0.125, 3), (1e-05, 5), (1.5e20, 0), (100, 0), (0.1, 1)])
    func countsDecimalPlacesAsWritten(number: Double, places: Int) {
        #expect(InterviewEngine.decimalPlaces(of: number) == places)
    }
}
