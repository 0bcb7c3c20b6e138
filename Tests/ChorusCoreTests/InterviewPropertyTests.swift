import PropertyBased
import Testing

@testable import ChorusCore

/// One thing a respondent might do, whatever is on screen.
enum Action: Sendable, Hashable, CustomStringConvertible {
    case answerValidly(seed: Int)
    case answerInvalidly(seed: Int)
    case skip
    case back
    case acknowledge
    case changeLanguage(String)
    case agree
    case decline

    /// Mostly valid answers, so that generated paths get deep into their surveys.
    init(code: Int) {
        let seed = code / 20
        switch code % 20 {
        case 0..<8: self = .answerValidly(seed: seed)
        case 8..<11: self = .answerInvalidly(seed: seed)
        case 11..<13: self = .skip
        case 13..<16: self = .back
        case 16: self = .acknowledge
        case 17: self = .changeLanguage(["en", "es", "fr"][seed % 3])
        case 18: self = .agree
        default: self = seed % 4 == 0 ? .decline : .agree
        }
    }

    var description: String {
        switch self {
        case .answerValidly(let seed): "valid(\(seed))"
        case .answerInvalidly(let seed): "invalid(\(seed))"
        case .skip: "skip"
        case .back: "back"
        case .acknowledge: "acknowledge"
        case .changeLanguage(let language): "language(\(language))"
        case .agree: "agree"
        case .decline: "decline"
        }
    }
}

@Suite struct InterviewPropertyTests {
    static let surveys = Generator { rng in GeneratedSurvey.make(using: &rng) }
    static let actions = Gen.int(in: 0...19_999).array(of: 0...40).map { $0.map(Action.init(code:)) }

    /// Applies `action` and checks what must hold for that action alone.
    static func apply(_ action: Action, _ interview: Interview, _ engine: InterviewEngine) -> Interview {
        let step = engine.step(interview)
        switch action {
        case .answerValidly(let seed):
            var rng = SplitMix64(seed: seed)
            switch step {
            case .consent: return engine.agree(interview)
            case .note: return engine.acknowledge(interview)
            case .question(let question):
                let answer = GeneratedAnswer.valid(for: question, using: &rng)
                let outcome = engine.answer(answer, interview)
                #expect(outcome.accepted != nil, "valid answer \(answer) to \(question.id) refused: \(outcome)")
                return outcome.accepted ?? interview
            case .complete, .declined:
                #expect(engine.answer(.yesNo(true), interview).refusal != nil)
                return interview
            }
        case .answerInvalidly(let seed):
            var rng = SplitMix64(seed: seed)
            let question = step.question ?? Question(id: "none", kind: .yesNo, prompt: GeneratedSurvey.text("none"))
            let answer = GeneratedAnswer.invalid(for: question, using: &rng)
            let outcome = engine.answer(answer, interview)
            #expect(outcome.refusal != nil, "invalid answer \(answer) to \(question.id) taken")
            return interview
        case .skip:
            let outcome = engine.skip(interview)
            if case .question(let question) = step {
                #expect((outcome.accepted == nil) == question.isRequired)
            }
            return outcome.accepted ?? interview
        case .back:
            let next = engine.back(interview)
            #expect(next.hasConsented == interview.hasConsented, "back never changes consent")
            #expect(next.answers == interview.answers, "back keeps every answer")
            return next
        case .acknowledge:
            return engine.acknowledge(interview)
        case .changeLanguage(let language):
            return engine.changeLanguage(language, interview)
        case .agree:
            return engine.agree(interview)
        case .decline:
            return engine.decline(interview)
        }
    }

    /// What must hold after every action.
    static func checkInvariants(_ interview: Interview, _ engine: InterviewEngine) {
        let survey = engine.survey
        let step = engine.step(interview)
        for (id, _) in interview.answers {
            let question = survey.question(id)
            #expect(question != nil && question?.kind != .note, "answer to \(id), which is no question")
            if let question { #expect(isShown(question, interview.answers), "hidden \(id) keeps an answer") }
        }
        let progress = engine.progress(interview)
        #expect(0 <= progress.answered && progress.answered <= progress.total)
        #expect(progress.answered == interview.answers.count)
        #expect(["en", "es"].contains(interview.language))
        if !interview.hasConsented {
            #expect(step.question == nil, "a question is shown without consent")
            #expect(interview.answers.isEmpty, "answers are held without consent")
        }
        if case .question(let question) = step { #expect(isShown(question, interview.answers)) }
        if case .note(let question) = step { #expect(isShown(question, interview.answers)) }
        if let response = step.response { checkResponse(response, interview, engine) }
    }

    static func checkResponse(_ response: Response, _ interview: Interview, _ engine: InterviewEngine) {
        let relevant = engine.survey.questions.filter { $0.kind != .note && isShown($0, interview.answers) }
        #expect(Set(response.answers.keys) == Set(relevant.map(\.id).filter { interview.answers[$0] != nil }))
        #expect(response.answers == interview.answers)
        for question in relevant where question.isRequired {
            #expect(response.answers[question.id] != nil, "required \(question.id) unanswered")
        }
        #expect(response.language == interview.language)
        #expect(response.surveyID == engine.survey.id)
    }

    /// The test's own reading of show-if, so the engine is not checked against itself.
    static func isShown(_ question: Question, _ answers: [String: Answer]) -> Bool {
        guard let showIf = question.showIf else { return true }
        let context = EvaluationContext(answers: answers.mapValues(\.expressionValue), today: 0)
        return (try? showIf.isTrue(in: context)) ?? false
    }

    /// The interviews after each action, from the start.
    static func run(_ actions: [Action], _ engine: InterviewEngine) -> [Interview] {
        var interview = engine.start(language: "en")
        var trace = [interview]
        for action in actions {
            interview = apply(action, interview, engine)
            checkInvariants(interview, engine)
            trace.append(interview)
        }
        return trace
    }

    @Test func everyActionKeepsTheInterviewConsistent() async {
        await propertyCheck(count: 300, input: Self.surveys, Self.actions) { generated, actions in
            #expect(generated.unparsed.isEmpty)
            _ = Self.run(actions, InterviewEngine(survey: generated.survey, today: 0))
        }
    }

    @Test func answeringValidlyAlwaysEndsWithinOneStepPerQuestion() async {
        await propertyCheck(count: 300, input: Self.surveys, Self.actions) { generated, actions in
            let engine = InterviewEngine(survey: generated.survey, today: 0)
            var interview = Self.run(actions, engine).last!
            let bound = generated.survey.questions.count + 1
            var steps = 0
            var seed = actions.count
            while steps <= bound {
                switch engine.step(interview) {
                case .complete, .declined:
                    return
                default:
                    seed += 1
                    interview = Self.apply(.answerValidly(seed: seed), interview, engine)
                    Self.checkInvariants(interview, engine)
                    steps += 1
                }
            }
            Issue.record("not finished after \(bound) valid steps: \(engine.step(interview))")
        }
    }

    @Test func theSameActionsAlwaysGiveTheSameInterviews() async {
        await propertyCheck(count: 200, input: Self.surveys, Self.actions) { generated, actions in
            let first = Self.run(actions, InterviewEngine(survey: generated.survey, today: 0))
            let second = Self.run(actions, InterviewEngine(survey: generated.survey, today: 0))
            #expect(first == second)
        }
    }

    @Test func noQuestionIsReachableWithoutAgreeing() async {
        let withoutAgreeing = Self.actions.map { $0.filter { $0 != .agree && !Self.agreesAtConsent($0) } }
        await propertyCheck(count: 200, input: Self.surveys, withoutAgreeing) { generated, actions in
            let engine = InterviewEngine(survey: generated.survey, today: 0)
            for interview in Self.run(actions, engine) {
                #expect(!interview.hasConsented)
                #expect(engine.step(interview).question == nil)
            }
        }
    }

    /// A valid answer on the consent step agrees, so it is left out where agreeing is.
    static func agreesAtConsent(_ action: Action) -> Bool {
        if case .answerValidly = action { true } else { false }
    }
}

extension InterviewStep {
    /// The question or note on screen.
    var question: Question? {
        switch self {
        case .question(let question), .note(let question): question
        default: nil
        }
    }
}
