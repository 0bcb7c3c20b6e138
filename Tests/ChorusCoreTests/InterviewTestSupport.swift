@testable import ChorusCore

extension AnswerOutcome {
    /// The interview, when the answer was taken.
    var accepted: Interview? {
        if case .accepted(let interview) = self { interview } else { nil }
    }

    /// The message, when the answer was refused.
    var refusal: String? {
        if case .refused(let message) = self { message } else { nil }
    }
}

extension InterviewStep {
    /// The id of the question or note on screen.
    var questionID: String? {
        switch self {
        case .question(let question), .note(let question): question.id
        default: nil
        }
    }

    var response: Response? {
        if case .complete(let response) = self { response } else { nil }
    }
}

/// A scripted respondent, so a test reads as what the respondent does.
struct Respondent {
    let engine: InterviewEngine
    var interview: Interview

    init(engine: InterviewEngine = SampleSurvey.engine(), language: String = "en", agreeing: Bool = true) {
        self.engine = engine
        self.interview = engine.start(language: language)
        if agreeing { interview = engine.agree(interview) }
    }

    var step: InterviewStep { engine.step(interview) }
    var onScreen: String? { step.questionID }
    var progress: Progress { engine.progress(interview) }

    /// Answers, returning the refusal message if there was one.
    @discardableResult
    mutating func answer(_ answer: Answer) -> String? {
        let outcome = engine.answer(answer, interview)
        if let next = outcome.accepted { interview = next }
        return outcome.refusal
    }

    @discardableResult
    mutating func skip() -> String? {
        let outcome = engine.skip(interview)
        if let next = outcome.accepted { interview = next }
        return outcome.refusal
    }

    mutating func acknowledge() { interview = engine.acknowledge(interview) }
    mutating func back() { interview = engine.back(interview) }
    mutating func agree() { interview = engine.agree(interview) }
    mutating func decline() { interview = engine.decline(interview) }
    mutating func changeLanguage(_ language: String) { interview = engine.changeLanguage(language, interview) }

    /// Answers the first three required questions the usual way, ending on whatever follows.
    mutating func answerOpening(concerns: [String] = ["traffic", "theft", "lighting"], safe: Double = 4) {
        answer(.choice("north"))
        answer(.choices(concerns))
        answer(.number(safe))
    }
}

extension Respondent {
    /// Answers the way most residents might until `id` is on screen.
    mutating func reach(_ id: String) {
        let usual: [String: Answer] = [
            "area": .choice("north"),
            "concerns": .choices(["traffic", "theft", "lighting"]),
            "safe-at-night": .number(4),
            "household": .number(4),
            "walk-at-night": .yesNo(true),
        ]
        for _ in SampleSurvey.order where onScreen != id {
            guard let current = onScreen else { return }
            if let answer = usual[current] { self.answer(answer) } else { skip() }
        }
    }
}
