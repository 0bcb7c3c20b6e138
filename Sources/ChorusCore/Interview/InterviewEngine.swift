/// Runs interviews of one survey: what to show next, whether an answer is taken, where BACK goes.
///
/// Every channel drives this same engine, so none re-implements survey logic. It is pure and
/// deterministic: each function takes an ``Interview`` and returns the next one, and the same
/// actions on the same survey always give the same interview.
///
/// - Consent comes first and cannot be gone around: no question is reachable before ``agree(_:)``.
/// - BACK from the first question returns to the consent step without taking consent back, and
///   agreeing there again resumes with every answer kept. Only ``decline(_:)`` withdraws consent,
///   and it forgets every answer.
/// - A completed or declined interview is final: nothing moves it on, back, or to another language.
public struct InterviewEngine: Sendable {
    /// The survey being run.
    public let survey: Survey
    /// Today as days since 1970-01-01, for expressions such as `today()`.
    public let today: Int
    /// The interface texts, with the survey's own phrases in front of Chorus's.
    public let phrasebook: Phrasebook

    /// Creates an engine for `survey`, evaluating expressions as of `today` (days since 1970-01-01).
    public init(survey: Survey, today: Int) {
        self.survey = survey
        self.today = today
        self.phrasebook = Phrasebook(survey: survey)
    }

    /// A new interview at the consent step, in `language` if the survey has it, else in its first.
    public func start(language: String) -> Interview {
        let chosen = survey.languages.contains(language) ? language : survey.languages.first ?? language
        return Interview(language: chosen)
    }

    /// What to show for `interview` now.
    public func step(_ interview: Interview) -> InterviewStep {
        switch interview.position {
        case .consent:
            return .consent
        case .question(let index):
            // Only an interview from another survey can point past the questions; saving nothing is safest.
            guard let question = question(at: index) else { return .declined }
            return question.kind == .note ? .note(question) : .question(question)
        case .complete:
            return .complete(response(interview))
        case .declined:
            return .declined
        }
    }

    /// Agrees to take part, moving from the consent step to the first relevant question.
    ///
    /// Anywhere but the consent step, nothing changes.
    public func agree(_ interview: Interview) -> Interview {
        guard interview.position == .consent else { return interview }
        var next = interview
        next.hasConsented = true
        return forward(after: nil, next)
    }

    /// Declines, or withdraws at any point before completion, forgetting every answer.
    ///
    /// A completed interview is unchanged: its response may already be saved.
    public func decline(_ interview: Interview) -> Interview {
        guard interview.position != .complete else { return interview }
        var next = interview
        next.hasConsented = false
        next.answers = [:]
        next.history = []
        next.position = .declined
        return next
    }

    /// Checks `answer` to the question on screen and, when it is taken, moves on.
    ///
    /// The answer must suit the question's kind and limits, then meet each constraint in order; the
    /// first failure's message is returned in the interview's language. Text is stored trimmed and
    /// counted in characters. A ranking takes exactly `picks` different options, or every option
    /// when the list is shorter, so that rankings of the same question can be compared.
    public func answer(_ answer: Answer, _ interview: Interview) -> AnswerOutcome {
        guard case .question(let index) = interview.position, let question = question(at: index) else {
            return .refused(notAsking(interview))
        }
        do {
            var next = interview
            next.answers[question.id] = try checked(answer, for: question, in: interview)
            return .accepted(advance(past: index, next))
        } catch {
            return .refused(error.message)
        }
    }

    /// Leaves the question on screen unanswered, forgetting any earlier answer, and moves on.
    ///
    /// Refused for a required question. On a note, the same as ``acknowledge(_:)``.
    public func skip(_ interview: Interview) -> AnswerOutcome {
        guard case .question(let index) = interview.position, let question = question(at: index) else {
            return .refused(notAsking(interview))
        }
        if question.isRequired, question.kind != .note {
            return .refused(phrasebook.text(.required, in: interview.language))
        }
        var next = interview
        next.answers[question.id] = nil
        return .accepted(advance(past: index, next))
    }

    /// Goes on from the note on screen; anywhere else, nothing changes.
    public func acknowledge(_ interview: Interview) -> Interview {
        guard case .question(let index) = interview.position, question(at: index)?.kind == .note else {
            return interview
        }
        return advance(past: index, interview)
    }

    /// Returns to the previous question or note, whose answer is kept to show again.
    ///
    /// From the first question it returns to the consent step, still consented. At the consent
    /// step, and once the interview has ended, nothing changes.
    public func back(_ interview: Interview) -> Interview {
        guard case .question = interview.position else { return interview }
        var next = interview
        next.answers = withoutHidden(next.answers)
        next.position = .consent
        let context = context(for: next.answers)
        while let previous = next.history.popLast() {
            if let question = question(at: previous), isRelevant(question, in: context) {
                next.position = .question(previous)
                break
            }
        }
        return next
    }

    /// Shows the interview in `language` from now on, if the survey has it; answers are kept.
    public func changeLanguage(_ language: String, _ interview: Interview) -> Interview {
        guard survey.languages.contains(language), interview.position != .complete,
            interview.position != .declined
        else { return interview }
        var next = interview
        next.language = language
        return next
    }

    /// How far `interview` has come, counting the questions that are or may yet be asked.
    public func progress(_ interview: Interview) -> Progress {
        let context = context(for: interview.answers)
        let undecided = undecidedQuestions(at: interview.position)
        let here =
            switch interview.position {
            case .question(let index): index
            case .complete: survey.questions.count
            case .consent, .declined: 0
            }
        var progress = Progress(answered: 0, total: 0, passed: 0, current: nil)
        for (index, question) in survey.questions.enumerated()
        where question.kind != .note && (undecided.contains(index) || isRelevant(question, in: context)) {
            progress.total += 1
            if interview.answers[question.id] != nil { progress.answered += 1 }
            if index < here { progress.passed += 1 }
            if interview.position == .question(index) { progress.current = progress.total }
        }
        return progress
    }

    /// The response a completed interview saves: answers to the questions relevant at the end.
    func response(_ interview: Interview) -> Response {
        let questionIDs = Set(survey.questions.lazy.filter { $0.kind != .note }.map(\.id))
        return Response(
            surveyID: survey.id,
            surveyVersion: survey.version,
            language: interview.language,
            answers: withoutHidden(interview.answers).filter { questionIDs.contains($0.key) }
        )
    }

    func question(at index: Int) -> Question? {
        survey.questions.indices.contains(index) ? survey.questions[index] : nil
    }

    /// Why nothing can be answered now: consent comes first, or the interview is over.
    private func notAsking(_ interview: Interview) -> String {
        phrasebook.text(interview.position == .consent ? .consentFirst : .finished, in: interview.language)
    }
}
