extension InterviewEngine {
    /// What expressions see for `answers`.
    func context(for answers: [String: Answer]) -> EvaluationContext {
        EvaluationContext(answers: answers.mapValues(\.expressionValue), today: today)
    }

    /// Whether `question` is asked given the answers in `context`.
    func isRelevant(_ question: Question, in context: EvaluationContext) -> Bool {
        guard let showIf = question.showIf else { return true }
        // A condition that cannot be evaluated hides its question rather than stopping the interview.
        return (try? showIf.isTrue(in: context)) ?? false
    }

    /// The indexes of later questions whose show-if looks at a question not yet passed at
    /// `position`, the one on screen or one after it, whose answer may still change what is asked.
    ///
    /// Progress counts them until then, so its total only shrinks as a respondent goes on, and
    /// neither "Question 3 of 12" nor the bar steps back when an answer brings one in.
    func undecidedQuestions(at position: Interview.Position) -> Set<Int> {
        let reached =
            switch position {
            case .consent: 0
            case .question(let index): index
            case .complete, .declined: survey.questions.count
            }
        // Show-if looks only backwards in a checked survey, so nothing before `reached` can change.
        let open = Set(survey.questions.dropFirst(reached).map(\.id))
        var undecided: Set<Int> = []
        for (index, question) in survey.questions.enumerated().dropFirst(reached + 1)
        where question.showIf?.referencedQuestionIDs.contains(where: open.contains) == true {
            undecided.insert(index)
        }
        return undecided
    }

    /// `answers` without those to questions that are no longer asked.
    ///
    /// Questions are visited in survey order, so dropping one answer hides the questions that
    /// depended on it before they are visited in turn.
    func withoutHidden(_ answers: [String: Answer]) -> [String: Answer] {
        var kept = answers
        var context = context(for: answers)
        var changed = true
        // One pass suffices when show-if looks only backwards, as checked surveys do; repeating
        // keeps the promise for unchecked ones. Each repeat drops an answer, so this ends.
        while changed {
            changed = false
            for question in survey.questions where kept[question.id] != nil && !isRelevant(question, in: context) {
                kept[question.id] = nil
                context.answers[question.id] = nil
                changed = true
            }
        }
        return kept
    }

    /// Records leaving the question or note at `index`, drops hidden answers, and moves forward.
    func advance(past index: Int, _ interview: Interview) -> Interview {
        var next = interview
        next.answers = withoutHidden(next.answers)
        next.history.append(index)
        return forward(after: index, next)
    }

    /// Moves to the first relevant question after `index` (or the very first), or completes.
    func forward(after index: Int?, _ interview: Interview) -> Interview {
        var next = interview
        let context = context(for: next.answers)
        let start = index.map { $0 + 1 } ?? 0
        if let following = survey.questions.indices[start...].first(where: {
            isRelevant(survey.questions[$0], in: context)
        }) {
            next.position = .question(following)
            return next
        }
        // In a checked survey every relevant required question is behind us and answered. A show-if
        // that looks forward could reveal one we passed; go back to it rather than complete without it.
        if let missing = survey.questions.indices.first(where: {
            let question = survey.questions[$0]
            return question.isRequired && question.kind != .note && next.answers[question.id] == nil
                && isRelevant(question, in: context)
        }) {
            next.position = .question(missing)
            next.history.removeAll { $0 >= missing }
            return next
        }
        next.position = .complete
        return next
    }
}
