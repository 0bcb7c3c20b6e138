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
            lines += Self.noteLines(note, in: current.language)
            current = engine.acknowledge(current)
        }
        let language = current.language
        let phrasebook = engine.phrasebook
        switch engine.step(current) {
        case .consent:
            lines +=
                briefConsent
                ? [phrasebook.text(.smsConsent, in: language), phrasebook.text(.smsStop, in: language)]
                : Self.consentLines(engine.survey, phrasebook, in: language)
        case .question(let question):
            let progress = engine.progress(current)
            let place = progress.current.map { (number: $0, of: progress.total) }
            lines += Self.questionLines(question, phrasebook, in: language, place: place)
        case .complete(let response):
            lines += Self.closingLines(engine.survey, phrasebook, in: language)
            return Shown(message: lines.joined(separator: "\n"), interview: nil, completed: response)
        case .declined:
            // Kept as a marker, which holds no answers: see SMSConversation.
            lines.append(phrasebook.text(.declined, in: language))
        case .note:
            break  // passed above
        }
        return Shown(message: lines.joined(separator: "\n"), interview: current)
    }

    /// A note's text and hint, sent together with what follows it.
    static func noteLines(_ note: Question, in language: String) -> [String] {
        [note.prompt.text(in: language)] + (note.hint.map { [$0.text(in: language)] } ?? [])
    }

    /// The thanks and the survey's closing words, sent when the survey is complete.
    static func closingLines(_ survey: Survey, _ phrasebook: Phrasebook, in language: String) -> [String] {
        [phrasebook.text(.thanks, in: language)] + (survey.closing.map { [$0.text(in: language)] } ?? [])
    }

    /// The survey's title, intro and consent, how to agree and stop, and the other languages.
    static func consentLines(_ survey: Survey, _ phrasebook: Phrasebook, in language: String) -> [String] {
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

    /// Where the question stands (`place`), the question, its numbered options and how to reply.
    static func questionLines(
        _ question: Question, _ phrasebook: Phrasebook, in language: String, place: (number: Int, of: Int)?
    ) -> [String] {
        func say(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
            phrasebook.text(phrase, in: language, values)
        }
        var lines: [String] = []
        if let place { lines.append(say(.progress, ["n": String(place.number), "total": String(place.of)])) }
        lines.append(question.prompt.text(in: language))
        let hint = question.hint?.text(in: language)
        if let hint { lines.append(hint) }
        for (index, option) in question.kind.options.enumerated() {
            lines.append("\(index + 1)) \(option.label.text(in: language))")
        }
        switch question.kind {
        case .single:
            lines.append(say(.smsReplyOption))
        case .multiple(_, let maximum):
            lines.append(say(.smsReplyOptions))
            // Not twice, where the survey's hint says it in the same words.
            if let maximum, case let limit = say(.hintMultipleMaximum, ["max": String(maximum)]), limit != hint {
                lines.append(limit)
            }
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

    /// The surveys `listed` and the keyword that starts each, for a first message that names none.
    func menu(of listed: [Survey], in language: String, _ phrasebook: Phrasebook) -> String {
        listed.compactMap { survey in
            survey.smsKeyword.map { keyword in
                let title = survey.title.text(in: language)
                return phrasebook.text(.smsChooseSurvey, in: language, ["title": title, "keyword": keyword])
            }
        }.joined(separator: "\n")
    }
}
