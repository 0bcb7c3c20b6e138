import ChorusCore

/// What a question's screen shows for its kind: the prompt, how to answer, and the choices or field.
struct QuestionLayout {
    /// Keys particular to the question's kind, for the legend.
    enum Key: Equatable {
        /// Digits in `numbers` choose; with `ticks`, Space too.
        case choose(numbers: ClosedRange<Int>, ticks: Bool)
        /// Backspace takes back the last choice of a ranking.
        case undo
    }

    private(set) var blocks: [Screen.Block] = []
    private(set) var input: Screen.Input?
    /// What plain mode asks the respondent to type.
    private(set) var instruction = Phrase.plainNumber
    private(set) var keys: [Key] = []

    init(question: Question, editor: AnswerEditor, language: String, engine: InterviewEngine) {
        func text(_ phrase: Phrase, _ values: [String: String] = [:]) -> String {
            engine.phrasebook.text(phrase, in: language, values)
        }
        func rows(_ options: [Option], marker: (Int) -> Screen.Marker) -> Screen.Block {
            let rows = options.enumerated().map { index, option in
                Screen.OptionRow(key: String(index + 1), marker: marker(index), label: option.label.text(in: language))
            }
            return .options(rows, highlighted: editor.highlighted)
        }
        if question.kind == .note {
            blocks = [.text(question.prompt.text(in: language))]
            instruction = .plainContinue
            return
        }
        blocks = [.prompt(question.prompt.text(in: language))]
        let hint = question.hint?.text(in: language)
        if let hint { blocks.append(.hint(hint)) }
        var guidance: String
        var choices: Screen.Block?
        switch question.kind {
        case .single(let options):
            guidance = text(.hintSingle)
            choices = rows(options) { _ in .none }
            keys = [.choose(numbers: 1...max(1, options.count), ticks: false)]
        case .multiple(let options, let maximum):
            guidance = maximum.map { text(.hintMultipleMaximum, ["max": String($0)]) } ?? text(.hintMultiple)
            choices = rows(options) { .check(editor.chosen.contains($0)) }
            keys = [.choose(numbers: 1...max(1, options.count), ticks: true)]
            instruction = .plainNumbers
        case .rank(let options, let picks):
            let needed = InterviewEngine.neededPicks(options: options, picks: picks)
            // A choice past the last pick is not taken, and this says why.
            let full = !editor.chosen.isEmpty && editor.chosen.count >= needed
            guidance = text(full ? .hintRankFull : .hintRank, ["picks": String(needed)])
            choices = rows(options) { index in .rank(editor.chosen.firstIndex(of: index).map { $0 + 1 }) }
            keys = [.choose(numbers: 1...max(1, options.count), ticks: true), .undo]
            instruction = .plainNumbers
        case .scale(let minimum, let maximum, let minimumLabel, let maximumLabel):
            guidance = text(.hintScale, ["min": String(minimum), "max": String(maximum)])
            let points = minimum...max(minimum, maximum)
            let rows = points.map { value in
                let label = value == minimum ? minimumLabel : value == maximum ? maximumLabel : nil
                return Screen.OptionRow(key: String(value), marker: .none, label: label?.text(in: language) ?? "")
            }
            choices = .options(rows, highlighted: editor.highlighted)
            keys = [.choose(numbers: points, ticks: false)]
        case .yesNo:
            guidance = ""
            let rows = [text(.yes), text(.no)].enumerated().map { index, label in
                Screen.OptionRow(key: String(index + 1), marker: .none, label: label)
            }
            choices = .options(rows, highlighted: editor.highlighted)
            keys = [.choose(numbers: 1...2, ticks: false)]
        case .number(let minimum, let maximum, _):
            // The range the engine holds an answer to, said before rather than only after a refusal.
            let bounds = ["min": minimum.map(Answer.format) ?? "", "max": maximum.map(Answer.format) ?? ""]
            guidance =
                switch (minimum, maximum) {
                case (.some, .some): text(.numberRange, bounds)
                case (.some, nil): text(.numberAtLeast, bounds)
                case (nil, .some): text(.numberAtMost, bounds)
                case (nil, nil): text(.hintNumber)
                }
            input = Screen.Input(text: editor.text)
        case .text(let maximumLength):
            guidance = text(.hintText)
            input = Screen.Input(text: editor.text, limit: maximumLength)
            instruction = .plainText
        case .note:
            return
        }
        // A survey's own hint often says the same; once is enough.
        if guidance == hint { guidance = "" }
        if !question.isRequired { guidance += (guidance.isEmpty ? "" : " ") + text(.optional) }
        if !guidance.isEmpty { blocks.append(.hint(guidance)) }
        blocks.append(choices ?? .field)
    }
}
