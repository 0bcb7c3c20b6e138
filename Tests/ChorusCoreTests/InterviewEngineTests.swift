import Foundation
import Testing

@testable import ChorusCore

@Suite struct InterviewEngineTests {
    @Test func startsAtConsentInTheChosenLanguage() {
        let engine = SampleSurvey.engine()
        let interview = engine.start(language: "es")
        #expect(engine.step(interview) == .consent)
        #expect(interview.language == "es")
        #expect(!interview.hasConsented)
        #expect(interview.answers.isEmpty)
    }

    @Test func startsInTheFirstLanguageWhenTheChosenOneIsNotOffered() {
        #expect(SampleSurvey.engine().start(language: "fr").language == "en")
    }

    @Test func agreeingShowsTheFirstQuestion() {
        let respondent = Respondent()
        #expect(respondent.interview.hasConsented)
        #expect(respondent.onScreen == "area")
    }

    @Test(arguments: [
        ("en", "Before we begin, please tell us whether you agree to take part."),
        ("es", "Antes de empezar, díganos por favor si está de acuerdo en participar."),
    ])
    func answeringOrSkippingBeforeConsentIsRefused(language: String, message: String) {
        var respondent = Respondent(language: language, agreeing: false)
        #expect(respondent.answer(.choice("north")) == message)
        #expect(respondent.skip() == message)
        respondent.acknowledge()
        respondent.back()
        #expect(respondent.step == .consent)
        #expect(respondent.interview.answers.isEmpty)
        #expect(!respondent.interview.hasConsented)
    }

    @Test func decliningEndsWithNothingKept() {
        var respondent = Respondent(agreeing: false)
        respondent.decline()
        #expect(respondent.step == .declined)
        respondent.agree()
        #expect(respondent.step == .declined)
        #expect(respondent.answer(.choice("north")) == "This survey is finished. Thank you!")
    }

    @Test func withdrawingMidwayForgetsEveryAnswer() {
        var respondent = Respondent()
        respondent.answerOpening()
        respondent.decline()
        #expect(respondent.step == .declined)
        #expect(respondent.interview.answers.isEmpty)
        #expect(!respondent.interview.hasConsented)
    }

    @Test func answeringEveryQuestionCompletesWithTheResponse() throws {
        var respondent = Respondent(language: "es")
        respondent.answerOpening(safe: 2)
        #expect(respondent.onScreen == "night-note")
        respondent.acknowledge()
        #expect(respondent.answer(.choices(["crosswalks", "lights"])) == nil)
        #expect(respondent.answer(.number(4)) == nil)
        #expect(respondent.answer(.number(2)) == nil)
        #expect(respondent.answer(.number(7.5)) == nil)
        #expect(respondent.answer(.yesNo(false)) == nil)
        #expect(respondent.answer(.text("  More lights, please.\n")) == nil)

        let response = try #require(respondent.step.response)
        #expect(response.surveyID == "safety-priorities")
        #expect(response.surveyVersion == 3)
        #expect(response.language == "es")
        #expect(
            response.answers == [
                "area": .choice("north"),
                "concerns": .choices(["traffic", "theft", "lighting"]),
                "safe-at-night": .number(2),
                "traffic-fixes": .choices(["crosswalks", "lights"]),
                "household": .number(4),
                "children": .number(2),
                "hours-outside": .number(7.5),
                "walk-at-night": .yesNo(false),
                "ideas": .text("More lights, please."),
            ])
    }

    @Test func skippingOptionalQuestionsLeavesThemOutOfTheResponse() throws {
        var respondent = Respondent()
        respondent.answerOpening(concerns: ["theft", "drugs", "violence"])
        #expect(respondent.onScreen == "household")
        #expect(respondent.skip() == nil)
        #expect(respondent.onScreen == "hours-outside")
        #expect(respondent.skip() == nil)
        respondent.answer(.yesNo(true))
        #expect(respondent.skip() == nil)
        let response = try #require(respondent.step.response)
        #expect(Set(response.answers.keys) == ["area", "concerns", "safe-at-night", "walk-at-night"])
    }

    @Test(arguments: [("en", "This question needs an answer."), ("es", "Esta pregunta necesita una respuesta.")])
    func skippingARequiredQuestionIsRefused(language: String, message: String) {
        var respondent = Respondent(language: language)
        #expect(respondent.skip() == message)
        #expect(respondent.onScreen == "area")
    }

    @Test func skippingForgetsAnEarlierAnswer() {
        var respondent = Respondent()
        respondent.answerOpening(concerns: ["theft", "drugs", "violence"])
        respondent.answer(.number(3))
        respondent.back()
        #expect(respondent.interview.answers["household"] == .number(3))
        respondent.skip()
        #expect(respondent.interview.answers["household"] == nil)
    }

    @Test func notesAreReadThenLeft() {
        var respondent = Respondent()
        respondent.answerOpening(safe: 1)
        #expect(respondent.onScreen == "night-note")
        #expect(respondent.answer(.text("hi")) == "There's nothing to answer here. Go on when you're ready.")
        respondent.acknowledge()
        #expect(respondent.onScreen == "traffic-fixes")
        #expect(respondent.interview.answers["night-note"] == nil)
    }

    @Test func skippingANoteGoesOnLikeAcknowledging() {
        var respondent = Respondent()
        respondent.answerOpening(safe: 1)
        #expect(respondent.skip() == nil)
        #expect(respondent.onScreen == "traffic-fixes")
    }

    @Test func acknowledgingAQuestionChangesNothing() {
        var respondent = Respondent()
        let before = respondent.interview
        respondent.acknowledge()
        #expect(respondent.interview == before)
    }

    @Test func backShowsThePreviousQuestionWithItsAnswer() {
        var respondent = Respondent()
        respondent.answerOpening()
        #expect(respondent.onScreen == "traffic-fixes")
        respondent.back()
        #expect(respondent.onScreen == "safe-at-night")
        #expect(respondent.interview.answers["safe-at-night"] == .number(4))
        respondent.back()
        #expect(respondent.onScreen == "concerns")
        #expect(respondent.interview.answers["concerns"] == .choices(["traffic", "theft", "lighting"]))
    }

    @Test func backSkipsQuestionsThatWereNotShown() {
        var respondent = Respondent()
        respondent.answerOpening(concerns: ["theft", "drugs", "violence"], safe: 4)
        #expect(respondent.onScreen == "household")
        respondent.back()
        #expect(respondent.onScreen == "safe-at-night")
    }

    @Test func backReturnsToANoteThatWasShown() {
        var respondent = Respondent()
        respondent.answerOpening(safe: 2)
        respondent.acknowledge()
        respondent.back()
        #expect(respondent.onScreen == "night-note")
    }

    @Test func backFromTheFirstQuestionReturnsToConsentStillConsented() {
        var respondent = Respondent()
        respondent.answer(.choice("east"))
        respondent.back()
        respondent.back()
        #expect(respondent.step == .consent)
        #expect(respondent.interview.hasConsented)
        #expect(respondent.answer(.choice("west")) != nil)

        // Agreeing again resumes at the first question with the answer kept.
        respondent.agree()
        #expect(respondent.onScreen == "area")
        #expect(respondent.interview.answers["area"] == .choice("east"))
    }

    @Test func decliningAfterGoingBackToConsentForgetsAnswers() {
        var respondent = Respondent()
        respondent.answer(.choice("east"))
        respondent.back()
        respondent.back()
        respondent.decline()
        #expect(respondent.step == .declined)
        #expect(respondent.interview.answers.isEmpty)
    }

    @Test func aCompletedInterviewIsFinal() throws {
        var respondent = Respondent()
        respondent.answerOpening(concerns: ["theft", "drugs", "violence"])
        respondent.skip()
        respondent.skip()
        respondent.answer(.yesNo(true))
        respondent.skip()
        let completed = respondent.interview
        _ = try #require(respondent.step.response)

        respondent.back()
        respondent.decline()
        respondent.changeLanguage("es")
        respondent.acknowledge()
        respondent.agree()
        #expect(respondent.interview == completed)
        #expect(respondent.answer(.text("again")) == "This survey is finished. Thank you!")
        #expect(respondent.skip() == "This survey is finished. Thank you!")
    }

    @Test func changingLanguageMidwayKeepsAnswersAndPlace() throws {
        var respondent = Respondent()
        respondent.answerOpening()
        respondent.changeLanguage("es")
        #expect(respondent.interview.language == "es")
        #expect(respondent.onScreen == "traffic-fixes")
        #expect(respondent.interview.answers.count == 3)
        #expect(respondent.answer(.choices(["lights", "lights"])) == "Por favor elija cada opción una sola vez.")

        respondent.changeLanguage("en")
        #expect(respondent.answer(.choices(["lights", "lights"])) == "Please choose each option only once.")
    }

    @Test func changingToALanguageTheSurveyLacksChangesNothing() {
        var respondent = Respondent()
        let before = respondent.interview
        respondent.changeLanguage("fr")
        #expect(respondent.interview == before)
    }

    @Test func aSurveyWithNothingToAskCompletesRightAfterConsent() throws {
        var survey = SampleSurvey.survey
        survey.questions = []
        let respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0))
        let response = try #require(respondent.step.response)
        #expect(response.answers.isEmpty)
    }

    @Test func anInterviewSurvivesEncodingForLater() throws {
        var respondent = Respondent()
        respondent.answerOpening()
        let data = try JSONEncoder().encode(respondent.interview)
        let restored = try JSONDecoder().decode(Interview.self, from: data)
        #expect(restored == respondent.interview)
        #expect(respondent.engine.step(restored) == respondent.step)
    }

    @Test func theQuickJSONReadsBackAsTheSameInterview() throws {
        var respondent = Respondent()
        respondent.answerOpening()
        var interview = respondent.interview
        interview.answers = [
            "one": .choice("north"), "many": .choices(["a", "b c"]), "none": .choices([]),
            "whole": .number(3), "fraction": .number(-0.1), "tiny": .number(.leastNonzeroMagnitude),
            "huge": .number(1e300),
            "yes": .yesNo(true), "no": .yesNo(false),
            "text": .text("Más \"luz\" \\ en\nla calle\t\u{1}\u{1F}\u{7F} 🌙 \u{2028}"),
        ]
        interview.history = [0, 2, 5]
        for position in [Interview.Position.consent, .question(4), .complete, .declined] {
            interview.position = position
            let json = try #require(interview.json)
            #expect(try JSONDecoder().decode(Interview.self, from: Data(json.utf8)) == interview)
        }
        interview.answers["infinite"] = .number(.infinity)
        #expect(interview.json == nil)
    }

    @Test func anInterviewPointingPastTheQuestionsSavesNothing() {
        var respondent = Respondent()
        respondent.interview.position = .question(99)
        #expect(respondent.step == .declined)
        #expect(respondent.answer(.yesNo(true)) == "This survey is finished. Thank you!")
        #expect(respondent.skip() == "This survey is finished. Thank you!")
    }
}
