import ChorusCore

extension SMSConversation {
    /// One message showing where an interview stands, and the interview it leaves.
    struct Shown: Sendable, Hashable {
        var message: String
        /// `nil` once the interview is complete, so its conversation is deleted; a declined one is
        /// kept as a marker.
        var interview: Interview?
        var completed: Response?
    }

    /// Shows `interview`'s step, after `reason` when a reply was refused. Notes on the way are
    /// shown together with what follows them, and passed. With `briefConsent`, the consent is
    /// asked for without the intro that was sent already, a few segments instead of many.
    func show(
        _ engine: InterviewEngine, _ interview: Interview, after reason: String? = nil, briefConsent: Bool = false
    ) -> Shown {
        var lines = reason.map { [$0] } ?? []
        var current = interview
        while case .note(let note) = engine.step(current) {
            lines +=
                [note.prompt.text(in: current.language)] + (note.hint.map { [$0.text(in: current.language)] } ?? [])
            current = engine.acknowledge(current)
        }
        let language = current.language
        let phrasebook = engine.phrasebook
        switch engine.step(current) {
        case .consent:
            lines +=
                briefConsent
                ? [phrasebook.text(.smsConsent, in: language), phrasebook.text(.smsStop, in: language)]
                : consentLines(engine.survey, phrasebook, in: language)
        case .question(let question):
            lines += questionLines(question, engine, current)
        case .complete(let response):
            lines +=
                [phrasebook.text(.thanks, in: language)]
                + (engine.survey.closing.map { [$0.text(in: language)] } ?? [])
            return Shown(message: lines.joined(separator: "\n"), interview: nil, completed: response)
        case .declined:
            // Kept as a marker, which holds no answers: see SMSConversation.
            lines.append(phrasebook.text(.declined, in: language))
        case .note:
            break  // passed above
        }
        return Shown(message: lines.joined(separator: "\n"), interview: current)
    }

    /// The survey's title, intro and consent, how to agree and stop, and the other languages.
    private func consentLines(_ survey: Survey, _ phrasebook: Phrasebook, in language: String) -> [String] {
        var lines = [survey.title.text(in: language)]
        if let intro = survey.intro { lines.append(intro.text(in: language)) }
        lines.append(survey.consent.text(in: language))
        lines.append(phrasebook.text(.smsConsent, in: language))
        lines.append(phrasebook.text(.smsStop, in: language))
        for other in survey.languages where other != language {
            lines.append(phrasebook.text(.smsChooseLanguage, in: other, ["code": other.uppercased()]))
        }
        return lines
    }

    /// Where the question stands, the question, its numbered options and how to reply.
    private func questionLines(_ question: Question, _ engine: InterviewEngine, _ interview: Interview) -> [String] {
        let language = interview.language
        func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
            engine.phrasebook.text(phrase, in: language, values)
        }
        var lines: [String] = []
        let progress = engine.progress(interview)
        if let current = progress.current {
            lines.append(say(.progress, ["n": String(current), "total": String(progress.total)]))
        }
        lines.append(question.prompt.text(in: language))
        if let hint = question.hint { lines.append(hint.text(in: language)) }
        for (index, option) in question.kind.options.enumerated() {
            lines.append("\(index + 1)) \(option.label.text(in: language))")
        }
        switch question.kind {
        case .single:
            lines.append(say(.smsReplyOption))
        case .multiple(_, let maximum):
            lines.append(say(.smsReplyOptions))
            if let maximum { lines.append(say(.hintMultipleMaximum, ["max": String(maximum)])) }
        case .rank(let options, let picks):
            let needed = InterviewEngine.neededPicks(options: options, picks: picks)
            lines.append(say(.smsReplyRank, ["picks": String(needed)]))
        case .scale(let minimum, let maximum, let minimumLabel, let maximumLabel):
            lines.append(
                "\(minimum) = \(minimumLabel.text(in: language)), \(maximum) = \(maximumLabel.text(in: language))")
            lines.append(say(.smsReplyScale, ["min": String(minimum), "max": String(maximum)]))
        case .number:
            lines.append(say(.smsReplyNumber))
        case .yesNo:
            lines.append(say(.smsReplyYesNo))
        case .text:
            lines.append(say(.smsReplyText))
        case .note:
            break
        }
        lines.append(say(question.isRequired ? .smsBack : .smsBackOrSkip))
        return lines
    }

    /// The surveys served and the keyword that starts each, for a first message that names none.
    func menu(in language: String, _ phrasebook: Phrasebook) -> String {
        surveys.compactMap { survey in
            survey.smsKeyword.map { keyword in
                let title = survey.title.text(in: language)
                return phrasebook.text(.smsChooseSurvey, in: language, ["title": title, "keyword": keyword])
            }
        }.joined(separator: "\n")
    }
}
