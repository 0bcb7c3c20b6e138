import ChorusCore
import Testing

@testable import ChorusCLI

/// The preview is a pure function of a survey and a language, so its text is checked directly.
@Suite struct SurveyPreviewTests {
    static let survey = Survey(
        id: "mini",
        version: 2,
        languages: ["en", "es"],
        smsKeyword: "MINI",
        title: LocalizedText(["en": "Mini survey", "es": "Mini encuesta"]),
        consent: LocalizedText(["en": "Do you agree?", "es": "¿Acepta?"]),
        questions: [
            Question(
                id: "area",
                kind: .single(options: [
                    Option(value: "north", label: LocalizedText(["en": "North", "es": "Norte"])),
                    Option(value: "south", label: LocalizedText(["en": "South", "es": "Sur"])),
                ]),
                prompt: LocalizedText(["en": "Where do you live?", "es": "¿Dónde vive?"]),
                isRequired: true,
                isQuasiIdentifier: true
            ),
            Question(
                id: "age",
                kind: .number(minimum: 16, maximum: 120, decimals: 0),
                prompt: LocalizedText(["en": "How old are you?", "es": "¿Qué edad tiene?"]),
                showIf: try! Expression(parsing: "area = 'north'"),
                constraints: [
                    Constraint(
                        test: try! Expression(parsing: ". >= 18"),
                        message: LocalizedText(["en": "Adults only.", "es": "Solo adultos."]))
                ]
            ),
        ]
    )

    @Test func englishPreviewShowsKindsLogicAndOptions() {
        let text = SurveyPreview(survey: Self.survey, language: "en").render()
        #expect(
            text == """
                Mini survey
                ===========
                Survey mini, version 2 · Languages: en, es · SMS keyword: MINI

                Consent
                  Do you agree?

                1. Where do you live?
                   one choice · required · used for breakdowns · [area]
                     1) North [north]
                     2) South [south]

                2. How old are you?
                   number from 16 to 120 · optional · [age]
                   Shown if: area is “north”
                   Must hold: this answer is at least 18 — “Adults only.”

                """)
    }

    @Test func theLineOfFactsWrapsAndAMessageInQuotesIsNotQuotedAgain() {
        var survey = Self.survey
        survey.id = "safety-priorities-in-the-neighborhood"
        survey.questions[1].constraints[0].message = LocalizedText([
            "en": "“Adults” only.", "es": "Solo «adultos».",
        ])
        let english = SurveyPreview(survey: survey, language: "en").render().split(separator: "\n")
        #expect(english.allSatisfy { $0.count <= 78 }, "\(english)")
        #expect(english.contains { $0.hasSuffix("— “Adults” only.") }, "\(english)")
        let spanish = SurveyPreview(survey: survey, language: "es").render()
        #expect(spanish.contains("— “Solo «adultos».”"), "\(spanish)")
    }

    @Test func longOptionLabelsWrapUnderTheirOwnText() {
        var survey = Self.survey
        let long = String(repeating: "word ", count: 30)
        survey.questions[0].kind = .single(options: [
            Option(value: "a", label: LocalizedText(["en": long, "es": long])),
            Option(value: "b", label: LocalizedText(["en": "B", "es": "B"])),
        ])
        let lines = SurveyPreview(survey: survey, language: "en").render().split(separator: "\n")
        let first = lines.firstIndex { $0.hasPrefix("     1) word") }!
        #expect(lines[first + 1].hasPrefix("        word"))
        #expect(lines.allSatisfy { $0.count <= 78 })
    }

    @Test func withSMSEachStepSaysHowManyTextsItCostsAndWhy() {
        let english = SurveyPreview(survey: Self.survey, language: "en", showsTexts: true).render()
        #expect(english.contains("SMS keyword: MINI\nBy text, from start to end, with every question: 4 texts\n\n"))
        #expect(english.contains("  Do you agree?\n  By text, from the title to the consent: 1 text\n"))
        #expect(english.contains("     2) South [south]\n   By text: 1 text\n"))
        #expect(english.hasSuffix("Closing\n  By text, the thanks: 1 text\n"))
        let spanish = SurveyPreview(survey: Self.survey, language: "es", showsTexts: true).render()
        #expect(
            spanish.contains(
                "     2) Sur [south]\n   Por SMS: 2 mensajes (ó, ú: 70 caracteres por mensaje en vez de 160)\n"))
        #expect(!SurveyPreview(survey: Self.survey, language: "en").render().contains("By text"))
    }
}
