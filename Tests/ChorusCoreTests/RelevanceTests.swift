import Testing

@testable import ChorusCore

@Suite struct RelevanceTests {
    @Test func aFollowUpIsAskedOnlyWhenItsConditionHolds() {
        var withTraffic = Respondent()
        withTraffic.answerOpening(concerns: ["traffic", "theft", "drugs"])
        #expect(withTraffic.onScreen == "traffic-fixes")

        var withoutTraffic = Respondent()
        withoutTraffic.answerOpening(concerns: ["theft", "drugs", "lighting"])
        #expect(withoutTraffic.onScreen == "household")
    }

    @Test func aNoteIsShownOnlyWhenItsConditionHolds() {
        var unsafe = Respondent()
        unsafe.answerOpening(safe: 2)
        #expect(unsafe.onScreen == "night-note")

        var safe = Respondent()
        safe.answerOpening(safe: 3)
        #expect(safe.onScreen == "traffic-fixes")
    }

    @Test func changingAnEarlierAnswerDropsTheAnswerToAQuestionNowHidden() {
        // Given a follow-up answered because traffic was a concern
        var respondent = Respondent()
        respondent.answerOpening()
        respondent.answer(.choices(["crosswalks"]))
        #expect(respondent.interview.answers["traffic-fixes"] == .choices(["crosswalks"]))

        // When the respondent goes back and drops traffic from their concerns
        respondent.back()
        respondent.back()
        respondent.back()
        #expect(respondent.onScreen == "concerns")
        respondent.answer(.choices(["theft", "drugs", "lighting"]))

        // Then the follow-up's answer is gone, and the others stay
        #expect(respondent.interview.answers["traffic-fixes"] == nil)
        #expect(respondent.interview.answers["safe-at-night"] == .number(4))
        #expect(respondent.onScreen == "safe-at-night")
    }

    @Test func droppingCascadesToQuestionsThatDependedOnTheDroppedOne() {
        var respondent = Respondent()
        respondent.reach("household")
        respondent.answer(.number(4))
        respondent.answer(.number(2))
        #expect(respondent.interview.answers["children"] == .number(2))

        respondent.back()
        respondent.back()
        #expect(respondent.onScreen == "household")
        respondent.answer(.number(1))
        #expect(respondent.interview.answers["children"] == nil)
        #expect(respondent.onScreen == "hours-outside")

        respondent.back()
        respondent.skip()
        #expect(respondent.interview.answers["household"] == nil)
        #expect(respondent.onScreen == "hours-outside")
    }

    @Test func answersAfterAChangedAnswerAreKeptWhileStillRelevant() {
        var respondent = Respondent()
        respondent.reach("hours-outside")
        respondent.answer(.number(3))
        for _ in 0..<6 { respondent.back() }
        #expect(respondent.onScreen == "concerns")
        respondent.answer(.choices(["traffic", "drugs", "theft"]))
        #expect(respondent.interview.answers["hours-outside"] == .number(3))
        #expect(respondent.interview.answers["household"] == .number(4))
    }

    @Test func theResponseHoldsOnlyAnswersToRelevantQuestions() throws {
        var respondent = Respondent()
        respondent.answerOpening()
        respondent.answer(.choices(["lights"]))
        respondent.back()
        respondent.back()
        respondent.back()
        respondent.answer(.choices(["theft", "drugs", "lighting"]))
        respondent.reach("ideas")
        respondent.skip()
        let response = try #require(respondent.step.response)
        #expect(response.answers["traffic-fixes"] == nil)
        #expect(Set(response.answers.keys) == ["area", "concerns", "safe-at-night", "household", "walk-at-night"])
    }

    @Test func progressCountsAQuestionUntilWhatItWaitsOnIsAnswered() {
        var respondent = Respondent()
        // All nine: traffic-fixes waits on concerns, children on household
        #expect(respondent.progress == Progress(answered: 0, total: 9, passed: 0, current: 1))

        respondent.answer(.choice("north"))
        respondent.answer(.choices(["traffic", "theft", "drugs"]))
        #expect(respondent.progress == Progress(answered: 2, total: 9, passed: 2, current: 3))

        respondent.answer(.number(1))
        #expect(respondent.onScreen == "night-note")
        #expect(respondent.progress == Progress(answered: 3, total: 9, passed: 3, current: nil))
        respondent.acknowledge()
        #expect(respondent.progress.current == 4)

        // A skipped question is passed, not answered: the bar goes by the one, "Question 6" too
        respondent.skip()
        respondent.answer(.number(3))
        #expect(respondent.progress == Progress(answered: 4, total: 9, passed: 5, current: 6))

        // Once household is passed with 1, children will not be asked
        respondent.back()
        respondent.answer(.number(1))
        #expect(respondent.onScreen == "hours-outside")
        #expect(respondent.progress == Progress(answered: 4, total: 8, passed: 5, current: 6))
    }

    @Test func theTotalOnlyShrinksAsARespondentGoesOn() {
        var respondent = Respondent()
        var totals = [respondent.progress.total]
        respondent.answer(.choice("south"))
        respondent.answer(.choices(["theft", "violence", "drugs"]))
        totals.append(respondent.progress.total)
        respondent.answer(.number(4))
        respondent.answer(.number(2))
        totals.append(respondent.progress.total)
        #expect(respondent.onScreen == "children")
        // traffic-fixes is out once concerns is passed without traffic; children is in
        #expect(totals == [9, 8, 8])
    }

    @Test func progressIsEmptyAtConsent() {
        let respondent = Respondent(agreeing: false)
        #expect(respondent.progress.current == nil)
        #expect(respondent.progress.answered == 0)
        #expect(respondent.progress.passed == 0)
    }

    @Test func goingBackMovesWhatIsPassedButKeepsWhatIsAnswered() {
        var respondent = Respondent()
        respondent.answer(.choice("north"))
        respondent.answer(.choices(["theft", "drugs", "violence"]))
        respondent.back()
        #expect(respondent.progress == Progress(answered: 2, total: 9, passed: 1, current: 2))
    }

    @Test func aConditionThatCannotBeEvaluatedHidesItsQuestion() throws {
        // '|' parses as XPath but has nothing to evaluate to in Chorus.
        let broken = try Expression(parsing: "${first} | ${first}")
        #expect(throws: ExpressionError.self) { try broken.isTrue(in: EvaluationContext(answers: [:], today: 0)) }
        var survey = SampleSurvey.survey
        survey.questions = [
            Question(id: "first", kind: .yesNo, prompt: SampleSurvey.text("A", "A")),
            Question(id: "broken", kind: .yesNo, prompt: SampleSurvey.text("B", "B"), isRequired: true, showIf: broken),
            Question(id: "last", kind: .yesNo, prompt: SampleSurvey.text("C", "C")),
        ]
        var respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0))
        respondent.answer(.yesNo(true))
        #expect(respondent.onScreen == "last")
        #expect(respondent.progress.total == 2)
    }
}
