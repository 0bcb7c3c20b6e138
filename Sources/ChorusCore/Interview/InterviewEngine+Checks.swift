/// Why an answer was not taken, already in the respondent's language.
struct Refusal: Error {
    var message: String
}

extension InterviewEngine {
    /// `answer` as it will be stored (text trimmed), if it suits `question` and meets its constraints.
    func checked(_ answer: Answer, for question: Question, in interview: Interview) throws(Refusal) -> Answer {
        let value = try suited(answer, to: question, in: interview.language)
        var context = context(for: interview.answers)
        context.answers[question.id] = value.expressionValue
        context.currentValue = value.expressionValue
        for constraint in question.constraints {
            // A constraint that cannot be evaluated fails: a broken rule must not let any answer through.
            guard (try? constraint.test.isTrue(in: context)) == true else {
                throw Refusal(message: constraint.message.text(in: interview.language))
            }
        }
        return value
    }

    /// Whether `answer` chooses nothing and says nothing: no options, or only white space.
    private static func isBlank(_ answer: Answer) -> Bool {
        switch answer {
        case .choices(let values): values.isEmpty
        case .text(let text): trimmed(text).isEmpty
        default: false
        }
    }

    /// `answer` normalized, if it is of the question's kind and within its limits.
    private func suited(_ answer: Answer, to question: Question, in language: String) throws(Refusal) -> Answer {
        func refusal(_ phrase: Phrase, _ values: [String: String] = [:]) -> Refusal {
            Refusal(message: phrasebook.text(phrase, in: language, values))
        }
        let empty = refusal(question.isRequired ? .required : .answerOrSkip)
        // Nothing chosen or typed at an optional question: that it can be skipped is the news, as
        // a resident who pressed Enter may not know; a required one says what to give instead.
        if !question.isRequired, question.kind != .note, Self.isBlank(answer) { throw empty }
        switch (question.kind, answer) {
        case (.single(let options), .choice(let value)):
            guard options.contains(where: { $0.value == value }) else { throw refusal(.chooseOption) }
            return answer
        case (.multiple(let options, let maximum), .choices(let values)):
            guard !values.isEmpty else { throw empty }
            if let problem = Self.choiceProblem(values, options) { throw refusal(problem) }
            if let maximum, values.count > maximum { throw refusal(.chooseAtMost, ["max": String(maximum)]) }
            return answer
        case (.rank(let options, let picks), .choices(let values)):
            guard !values.isEmpty else { throw empty }
            if let problem = Self.choiceProblem(values, options) { throw refusal(problem) }
            let needed = Self.neededPicks(options: options, picks: picks)
            guard values.count == needed else { throw refusal(.rankPicks, ["picks": String(needed)]) }
            return answer
        case (.scale(let minimum, let maximum, _, _), .number(let number)):
            guard number.isFinite, number == number.rounded() else { throw refusal(.wholeNumber) }
            guard Double(minimum) <= number, number <= Double(maximum) else {
                throw refusal(.numberRange, ["min": String(minimum), "max": String(maximum)])
            }
            return .number(number == 0 ? 0 : number)  // -0 would be stored and exported as "-0"
        case (.number(let minimum, let maximum, let decimals), .number(let number)):
            guard number.isFinite else { throw refusal(.enterNumber) }
            let allowed = max(0, decimals)
            if Self.decimalPlaces(of: number) > allowed {
                if allowed == 0 { throw refusal(.wholeNumber) }
                let example = Answer.format(Self.rounded(number, places: allowed))
                throw refusal(.tooManyDecimals, ["max": String(allowed), "example": example])
            }
            if let phrase = Self.rangeProblem(number, minimum, maximum) {
                throw refusal(
                    phrase, ["min": minimum.map(Answer.format) ?? "", "max": maximum.map(Answer.format) ?? ""])
            }
            return .number(number == 0 ? 0 : number)
        case (.yesNo, .yesNo):
            return answer
        case (.text(let maximumLength), .text(let text)):
            let trimmed = Self.trimmed(text)
            guard !trimmed.isEmpty else { throw empty }
            guard trimmed.count <= maximumLength else {
                throw refusal(.textTooLong, ["max": String(maximumLength), "count": String(trimmed.count)])
            }
            return .text(trimmed)
        case (.note, _):
            throw refusal(.noteNoAnswer)
        case (.single, _), (.multiple, _):
            throw refusal(.chooseOption)
        case (.rank(let options, let picks), _):
            throw refusal(.rankPicks, ["picks": String(Self.neededPicks(options: options, picks: picks))])
        case (.scale(let minimum, let maximum, _, _), _):
            throw refusal(.numberRange, ["min": String(minimum), "max": String(maximum)])
        case (.number, _):
            throw refusal(.enterNumber)
        case (.yesNo, _):
            throw refusal(.yesOrNo)
        case (.text, _):
            throw refusal(.typeAnswer)
        }
    }

    /// How many options a ranking takes: `picks`, or every option when the list is shorter.
    public static func neededPicks(options: [Option], picks: Int) -> Int {
        min(max(picks, 1), options.count)
    }

    /// What is wrong with a list of chosen values, if anything: an unknown value or a repeat.
    private static func choiceProblem(_ values: [String], _ options: [Option]) -> Phrase? {
        let known = Set(options.map(\.value))
        if values.contains(where: { !known.contains($0) }) { return .chooseOption }
        if Set(values).count != values.count { return .chooseEachOnce }
        return nil
    }

    private static func rangeProblem(_ number: Double, _ minimum: Double?, _ maximum: Double?) -> Phrase? {
        switch (minimum, maximum) {
        case (let minimum?, let maximum?): minimum <= number && number <= maximum ? nil : .numberRange
        case (let minimum?, nil): minimum <= number ? nil : .numberAtLeast
        case (nil, let maximum?): number <= maximum ? nil : .numberAtMost
        case (nil, nil): nil
        }
    }

    /// Digits after the decimal point in the shortest form of `number` that reads back the same,
    /// which is what the respondent typed (`2.675` has 3, though its binary value is not exact).
    static func decimalPlaces(of number: Double) -> Int {
        let written = String(number.magnitude)  // "2.5", "1e-05", "1.5e+20"
        let parts = written.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let fraction = parts[0].split(separator: ".", maxSplits: 1).dropFirst().first ?? ""
        let digits = fraction.reversed().drop { $0 == "0" }.count
        return max(0, digits - exponent)
    }

    static func rounded(_ number: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (number * scale).rounded() / scale
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
            let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }
}
