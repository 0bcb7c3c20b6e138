import ChorusCore
import ChorusStore

/// Which survey a message asks for, when several are served.
extension SMSConversation {
    /// The id of another survey `reply` names by its keyword while `interview` waits for its
    /// consent, when nothing is answered yet.
    func otherSurvey(named reply: SMSReply, at engine: InterviewEngine, _ interview: Interview) -> String? {
        guard case .consent = engine.step(interview), let id = words.keywords[reply.keyword], id != engine.survey.id
        else { return nil }
        return id
    }

    /// Another survey's keyword at the consent: that survey begins in the same language and the
    /// one waiting is dropped, having no answers; if the sender answered that one already, they
    /// are told so and asked the consent waiting again.
    func switchTo(
        _ id: String, from engine: InterviewEngine, _ interview: Interview, _ reply: SMSReply, _ state: SMSSnapshot,
        today: Int, _ turn: SMSTurn
    ) -> SMSTurn {
        var turn = turn
        if state.completed.contains(id), let survey = surveys.first(where: { $0.id == id }) {
            let language = survey.languages.contains(interview.language) ? interview.language : survey.languages[0]
            turn.messages = [Phrasebook(survey: survey).text(.smsAlreadyAnswered, in: language)]
            turn.record(show(engine, interview, briefConsent: true))
            return turn
        }
        var rest = state
        rest.conversations[engine.survey.id] = nil
        rest.menuLanguage = interview.language
        var next = begin(reply, rest, today: today, SMSTurn(surveyID: id, interview: rest.conversations[id]))
        next.abandoned = engine.survey.id
        return next
    }

    /// The surveys the list offers: those with a keyword that the sender has not answered.
    func listed(_ state: SMSSnapshot) -> [Survey] {
        surveys.filter { $0.smsKeyword != nil && !state.completed.contains($0.id) }
    }

    /// The survey a message that is not just a keyword still clearly asks for: one keyword among
    /// a few words ("Reply SAFE", "safe please"), or, right after the list, a place in it ("2").
    func surveyChosen(by reply: SMSReply, _ state: SMSSnapshot) -> Survey? {
        if state.menuLanguage != nil, let numbers = reply.numbers(spelledOut: true), numbers.count == 1 {
            let listed = listed(state)
            return listed.indices.contains(numbers[0] - 1) ? listed[numbers[0] - 1] : nil
        }
        guard reply.tokens.count <= 4 else { return nil }
        let named = Set(reply.tokens.compactMap { words.keywords[$0] })
        guard named.count == 1 else { return nil }
        return surveys.first { named.contains($0.id) }
    }
}
