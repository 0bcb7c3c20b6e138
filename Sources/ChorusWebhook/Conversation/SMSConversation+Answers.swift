import ChorusCore

extension SMSConversation {
    /// What a reply says as an answer, before the engine checks it.
    enum Reading: Sendable, Hashable {
        /// An answer for the engine to check.
        case answer(Answer)
        /// Not an answer of the question's kind; say why with this phrase.
        case unreadable(Phrase, [String: String] = [:])
    }

    /// Reads `reply` as an answer to `question`: option numbers ("2", "1,3", "1 3") or an
    /// option's label typed out, a number, yes or no, or the text itself.
    func reading(_ reply: SMSReply, for question: Question) -> Reading {
        switch question.kind {
        case .single(let options):
            switch chosen(reply, options) {
            case .options(let values) where values.count == 1: return .answer(.choice(values[0]))
            case .options, .noSuchNumber: return .unreadable(.chooseOption)
            case .unreadable: return .unreadable(.smsNotUnderstood)
            }
        case .multiple(let options, _), .rank(let options, _):
            switch chosen(reply, options) {
            case .options(let values): return .answer(.choices(values))
            case .noSuchNumber: return .unreadable(.chooseOption)
            case .unreadable: return .unreadable(.smsNotUnderstood)
            }
        case .scale(let minimum, let maximum, let minimumLabel, let maximumLabel):
            if let number = reply.number() { return .answer(.number(number)) }
            if matches(reply, minimumLabel) { return .answer(.number(Double(minimum))) }
            if matches(reply, maximumLabel) { return .answer(.number(Double(maximum))) }
            if let number = reply.number(spelledOut: true) { return .answer(.number(number)) }
            return .unreadable(.numberRange, ["min": String(minimum), "max": String(maximum)])
        case .number:
            guard let number = reply.number(spelledOut: true) else { return .unreadable(.enterNumber) }
            return .answer(.number(number))
        case .yesNo:
            if reply.isOne(of: words.yes) { return .answer(.yesNo(true)) }
            if reply.isOne(of: words.no) { return .answer(.yesNo(false)) }
            return .unreadable(.yesOrNo)
        case .text:
            return .answer(.text(reply.text))
        case .note:
            return .unreadable(.noteNoAnswer)
        }
    }

    /// What a reply to a choice question picks.
    private enum Choice {
        /// These option values, in the reply's order.
        case options([String])
        /// Option numbers, one of which no option has.
        case noSuchNumber
        /// Neither option numbers nor option labels.
        case unreadable
    }

    private func chosen(_ reply: SMSReply, _ options: [Option]) -> Choice {
        if let numbers = reply.numbers() { return chosen(numbers, options) }
        if let values = labeled(reply, options) { return .options(values) }
        // Numbers written out come after labels, as an option may be called "One".
        if let numbers = reply.numbers(spelledOut: true) { return chosen(numbers, options) }
        return .unreadable
    }

    /// The options numbered `numbers`, if every one is an option's number.
    private func chosen(_ numbers: [Int], _ options: [Option]) -> Choice {
        guard numbers.allSatisfy({ options.indices.contains($0 - 1) }) else { return .noSuchNumber }
        return .options(numbers.map { options[$0 - 1].value })
    }

    /// The values of the options a reply names by label, one or several separated by commas or
    /// semicolons, each perhaps after its number as the question lists them ("2) South side"), or
    /// by a number alone; `nil` when a piece names none.
    private func labeled(_ reply: SMSReply, _ options: [Option]) -> [String]? {
        let pieces = reply.text.split { $0 == "," || $0 == ";" }.map { SMSReply(String($0)) }
        var values: [String] = []
        for piece in pieces {
            guard
                let option = options.first(where: { matches(piece, $0.label) || piece.folded == $0.value.lowercased() })
                    ?? numbered(piece, options)
            else { return nil }
            values.append(option.value)
        }
        return values.isEmpty ? nil : values
    }

    /// The option `piece` names by its number, alone or followed by that option's own label;
    /// `nil` when the label is another option's, so that a slip is asked about, not guessed.
    private func numbered(_ piece: SMSReply, _ options: [Option]) -> Option? {
        guard let (number, rest) = piece.numbered, options.indices.contains(number - 1) else { return nil }
        let option = options[number - 1]
        return rest.folded.isEmpty || matches(rest, option.label) ? option : nil
    }

    /// Whether `reply` is `text` in any of its languages, ignoring case, accents and punctuation.
    private func matches(_ reply: SMSReply, _ text: LocalizedText) -> Bool {
        !reply.folded.isEmpty && text.translations.values.contains { SMSReply($0).folded == reply.folded }
    }
}
