package import ChorusCore

/// What each step of a survey costs by text message in one language, its replies built and cut
/// exactly as `chorus serve` builds and cuts them, so that an organizer sees which text to shorten
/// before a gateway bills it once per resident.
package struct SMSCost: Sendable {
    /// A reply as texts: how many, and the characters that make them Unicode texts of 70
    /// characters at most instead of 160.
    package struct Texts: Sendable, Hashable {
        package var count: Int
        /// In order of first use, each once.
        package var unicode: [Character]
    }

    let survey: Survey
    let language: String
    let phrasebook: Phrasebook

    package init(survey: Survey, language: String) {
        self.survey = survey
        self.language = language
        self.phrasebook = Phrasebook(survey: survey)
    }

    /// The first reply: title, intro, consent, how to agree or stop, and the other languages.
    package var consent: Texts {
        Self.texts(SMSConversation.consentLines(survey, phrasebook, in: language))
    }

    /// The reply asking the question at `index` of the survey's questions, with the notes just
    /// before it, which travel with it. Its place is counted as if every question were asked.
    package func question(at index: Int) -> Texts {
        let questions = survey.questions
        var notes = index
        while notes > 0, questions[notes - 1].kind == .note { notes -= 1 }
        let asked = questions.filter { $0.kind != .note }
        let number = questions[...index].filter { $0.kind != .note }.count
        let lines =
            questions[notes..<index].flatMap { SMSConversation.noteLines($0, in: language) }
            + SMSConversation.questionLines(
                questions[index], phrasebook, in: language, place: (number: number, of: asked.count))
        return Self.texts(lines)
    }

    /// The last reply: the thanks and the survey's closing words.
    package var closing: Texts {
        Self.texts(SMSConversation.closingLines(survey, phrasebook, in: language))
    }

    /// The texts of every step, each question asked once: what a resident who answers them all
    /// is sent, but for refusals and help.
    package var total: Int {
        let questions = survey.questions.indices.filter { survey.questions[$0].kind != .note }
        return consent.count + questions.reduce(0) { $0 + question(at: $1).count } + closing.count
    }

    /// `lines` as one reply, cut as ``MessageParts`` cuts it.
    static func texts(_ lines: [String]) -> Texts {
        let message = SMSText.plain(lines.joined(separator: "\n"))
        var unicode: [Character] = []
        for character in message where GSM7.septets(character) == nil && !unicode.contains(character) {
            unicode.append(character)
        }
        return Texts(count: SMSText(message).parts.count, unicode: unicode)
    }
}
