import ChorusCore
import ChorusStore

/// The rules of a survey by text message, without any I/O: given what the store knows about a
/// sender and their message, what to reply and what to store.
///
/// - Opt-out words (STOP and the like) are checked before anything else. The first gets one
///   confirmation and forgets any unfinished answers; after it nothing at all is sent to that
///   number, whatever it sends, until START or UNSTOP, which begins the survey afresh.
/// - HELP and INFO get the help text, then the question on hand again.
/// - A first message starts the survey's intro and consent; with several surveys served it must
///   be a survey's SMS keyword, and anything else gets the list of keywords, in the language of
///   the message, which the survey chosen from it starts in. The list is not sent twice running
///   in one language; HELP sends it with the help text. A message naming a
///   language (`español`, `spanish`, `ES`) starts in that language, and switches language later,
///   except at a free-text question, where it is the answer; a greeting such as `hola` starts in
///   its language too.
/// - A reply to the consent that is not YES or NO, HELP there, and the name of the language it
///   is already in get only the question of consent again, not the whole intro.
/// - After NO, the declined interview is kept as a marker until it expires, and only YES (which
///   agrees at once), START or a survey's keyword begins again; anything else gets no reply.
/// - Then one question per message, with numbered options. Notes travel with the question after
///   them, so that no message asks only for "anything" back; BACK passes over them likewise.
/// - A reply that cannot be read gets a reason and the question again; nothing changes.
/// - On completion the response is handed over to save and the conversation is deleted.
/// - One completed response per number and survey version. The next message after completing
///   gets "already answered" once, remembered by a marker (a declined interview, which holds no
///   answers) until it expires; meanwhile further messages get no reply, so a phone that
///   answers automatically cannot start an endless exchange.
/// - A survey's keyword or START while one is in progress repeats the question on hand, as a
///   sender has at most one conversation in progress; at a free-text question it is the answer.
struct SMSConversation: Sendable {
    /// The surveys served, the first being the one a message without keyword refers to.
    let surveys: [Survey]
    let words: ReplyWords

    init(surveys: [Survey]) {
        precondition(!surveys.isEmpty, "a conversation needs a survey")
        self.surveys = surveys
        self.words = ReplyWords(surveys: surveys)
    }

    /// The turn `message` makes for a sender in `state`, with expressions evaluated as of `today`
    /// (days since 1970-01-01).
    func respond(to message: String, _ state: SMSSnapshot, today: Int) -> SMSTurn {
        let reply = SMSReply(message)
        let active = surveys.lazy.compactMap { survey -> (InterviewEngine, Interview)? in
            guard let interview = state.conversations[survey.id] else { return nil }
            let engine = InterviewEngine(survey: survey, today: today)
            // A declined interview is a marker (see above); a complete one is never stored.
            switch engine.step(interview) {
            case .declined, .complete: return nil
            case .consent, .question, .note: return (engine, interview)
            }
        }.first
        let surveyID = active?.0.survey.id ?? surveys[0].id
        var turn = SMSTurn(surveyID: surveyID, interview: state.conversations[surveyID])

        if words.optsOut(reply) {
            // Once opted out, even another STOP gets nothing back.
            guard !state.isOptedOut else { return turn }
            let (_, phrasebook, language) = speaker(active, reply, state)
            turn.optOut = true
            turn.interview = nil
            turn.messages = [phrasebook.text(.smsStopped, in: language)]
            return turn
        }
        if state.isOptedOut {
            guard reply.isOne(of: words.start) else { return turn }
            turn.optOut = false
            return begin(reply, state, today: today, turn)
        }
        if reply.isOne(of: words.help) {
            let (survey, phrasebook, language) = speaker(active, reply, state)
            turn.messages = [phrasebook.text(.smsHelp, in: language, ["title": survey.title.text(in: language)])]
            if case let (engine, interview)? = active {
                turn.record(show(engine, interview, briefConsent: true))
            } else if surveys.count > 1, case let listed = listed(state), !listed.isEmpty {
                // The help names the first survey only; how to start any of them follows.
                turn.messages.append(menu(of: listed, in: language, phrasebook))
                turn.menuLanguage = language
            }
            return turn
        }
        if case let (engine, interview)? = active {
            if let other = otherSurvey(named: reply, at: engine, interview) {
                return switchTo(other, from: engine, interview, reply, state, today: today, turn)
            }
            turn.record(proceed(reply, engine, interview))
            return turn
        }
        return begin(reply, state, today: today, turn)
    }

    /// Whether `message` opts out: no limit on messages may refuse it, as a revocation must be
    /// honoured.
    func optsOut(_ message: String) -> Bool {
        words.optsOut(SMSReply(message))
    }

    /// Every confirmation of an opt-out, in each survey's words and languages: the one reply a
    /// retried message may still get once its sender has opted out.
    var stopConfirmations: [String] {
        surveys.flatMap { survey in
            let phrasebook = Phrasebook(survey: survey)
            return survey.languages.map { phrasebook.text(.smsStopped, in: $0) }
        }
    }

    /// Whose words to speak in, and in which language, for a keyword's answer: the conversation in
    /// progress, else the first survey, in a language the message names, else the list of surveys
    /// was sent in, else its first.
    private func speaker(
        _ active: (InterviewEngine, Interview)?, _ reply: SMSReply, _ state: SMSSnapshot
    ) -> (Survey, Phrasebook, String) {
        if case let (engine, interview)? = active { return (engine.survey, engine.phrasebook, interview.language) }
        let survey = surveys[0]
        return (survey, Phrasebook(survey: survey), startingLanguage(of: reply, state, among: survey.languages))
    }

    /// The language to begin in: the one a first message names or greets in, else the one the
    /// list of surveys was sent in, else the first of `languages`.
    private func startingLanguage(of reply: SMSReply, _ state: SMSSnapshot, among languages: [String]) -> String {
        words.language(starting: reply, among: languages)
            ?? state.menuLanguage.flatMap { languages.contains($0) ? $0 : nil } ?? languages.first ?? "en"
    }

    /// A first message, with no conversation in progress: start the survey it asks for.
    func begin(_ reply: SMSReply, _ state: SMSSnapshot, today: Int, _ turn: SMSTurn) -> SMSTurn {
        var turn = turn
        let keyword =
            words.keywords[reply.keyword].flatMap { id in surveys.first { $0.id == id } }
            ?? surveyChosen(by: reply, state)
        // With several surveys, a message without keyword after NO is about the survey declined.
        let declined = surveys.first { survey in
            guard !state.completed.contains(survey.id), let stored = state.conversations[survey.id] else {
                return false
            }
            if case .declined = InterviewEngine(survey: survey, today: today).step(stored) { return true }
            return false
        }
        guard let survey = surveys.count == 1 ? surveys[0] : keyword ?? declined else {
            // Nothing more to offer one who answered every survey: an "ok" after the thanks gets
            // nothing back.
            let listed = listed(state)
            guard !listed.isEmpty else { return turn }
            let (_, phrasebook, language) = speaker(nil, reply, state)
            turn.menuLanguage = language
            // Sent again only in another language the message asks for, so that a phone answering
            // by itself cannot draw it again and again; HELP sends it too.
            if state.menuLanguage != language { turn.messages = [menu(of: listed, in: language, phrasebook)] }
            return turn
        }
        let engine = InterviewEngine(survey: survey, today: today)
        let stored = state.conversations[survey.id]
        let language =
            words.language(starting: reply, among: survey.languages) ?? stored?.language
            ?? startingLanguage(of: reply, state, among: survey.languages)
        turn.surveyID = survey.id
        if state.completed.contains(survey.id) {
            // Said once; the marker keeps further messages quiet until it expires.
            if stored == nil { turn.messages = [engine.phrasebook.text(.smsAlreadyAnswered, in: language)] }
            turn.interview = stored ?? engine.decline(engine.start(language: language))
            return turn
        }
        if let stored, case .declined = engine.step(stored) {
            if reply.isOne(of: words.yes) {
                turn.record(show(engine, engine.agree(engine.start(language: language))))
                return turn
            }
            // Quiet, so that a phone answering by itself cannot draw the intro again and again.
            turn.interview = stored
            guard keyword != nil || reply.isOne(of: words.start) else { return turn }
        }
        turn.record(show(engine, engine.start(language: language)))
        return turn
    }

    /// The next step of a conversation in progress.
    private func proceed(_ reply: SMSReply, _ engine: InterviewEngine, _ interview: Interview) -> Shown {
        let language = interview.language
        let step = engine.step(interview)
        // A free-text answer may be a language's name, as to "What language do you speak at home?".
        let asksForText = if case .question(let question) = step, case .text = question.kind { true } else { false }
        if !asksForText, let named = words.language(named: reply, among: engine.survey.languages) {
            // The language already spoken gets only the question on hand again: at the consent,
            // where a first "hola" is often followed by "español", not the whole intro again.
            if named == language { return show(engine, interview, briefConsent: true) }
            return show(engine, engine.changeLanguage(named, interview))
        }
        // "Parks" or "Start" may answer a free-text question too, and then it is the answer. At the
        // consent, the introduction just sent is not sent again.
        let isKeyword = words.keywords[reply.keyword] != nil
        if !asksForText, isKeyword || reply.isOne(of: words.start) {
            return show(engine, interview, briefConsent: true)
        }
        switch step {
        case .consent:
            if reply.isOne(of: words.yes) { return show(engine, engine.agree(interview)) }
            if reply.isOne(of: words.no) { return show(engine, engine.decline(interview)) }
            if reply.isOne(of: words.back) { return show(engine, interview, briefConsent: true) }
            return show(
                engine, interview, after: engine.phrasebook.text(.smsNotUnderstood, in: language), briefConsent: true)
        case .question(let question):
            // Back at the first question is back at the consent, which was read already.
            if reply.isOne(of: words.back) { return show(engine, backOverNotes(engine, interview), briefConsent: true) }
            let outcome: AnswerOutcome
            if reply.isOne(of: words.skip) {
                outcome = engine.skip(interview)
            } else {
                switch reading(reply, for: question) {
                case .answer(let answer): outcome = engine.answer(answer, interview)
                case .unreadable(let phrase, let values):
                    outcome = .refused(engine.phrasebook.text(phrase, in: language, values))
                }
            }
            switch outcome {
            case .accepted(let next): return show(engine, next)
            case .refused(let reason): return show(engine, interview, after: reason)
            }
        case .note:
            return show(engine, engine.acknowledge(interview))
        case .complete, .declined:
            return show(engine, interview)  // not in progress, so never here
        }
    }

    /// BACK, passing over notes, which are only ever shown with the question after them.
    private func backOverNotes(_ engine: InterviewEngine, _ interview: Interview) -> Interview {
        var previous = engine.back(interview)
        while case .note = engine.step(previous) {
            let before = engine.back(previous)
            guard before != previous else { break }
            previous = before
        }
        return previous
    }
}

extension SMSTurn {
    /// Takes on what was shown: its message, the interview it leaves, and any completed response.
    mutating func record(_ shown: SMSConversation.Shown) {
        messages.append(shown.message)
        interview = shown.interview
        completed = shown.completed
    }
}
