import ChorusCore

extension KioskSession {
    /// The welcome screen's editor, the kiosk's default language highlighted.
    static func welcomeEditor(engine: InterviewEngine, settings: Settings) -> AnswerEditor {
        var editor = AnswerEditor(kind: .pick(count: engine.survey.languages.count), plain: settings.plain)
        if !settings.plain { editor.highlighted = engine.survey.languages.firstIndex(of: settings.language) ?? 0 }
        return editor
    }

    /// An editor for the step `interview` is at, showing the answer kept from before, if any.
    func editor(for interview: Interview) -> AnswerEditor {
        guard case .question(let question) = engine.step(interview) else {
            let isConsent = engine.step(interview) == .consent
            return AnswerEditor(kind: isConsent ? .pick(count: 2) : .none, plain: settings.plain)
        }
        if let editor = unconfirmed[question.id] { return editor }
        let answer = interview.answers[question.id]
        let plain = settings.plain
        var editor: AnswerEditor
        var kept: [Int] = []
        switch question.kind {
        case .single(let options):
            editor = AnswerEditor(kind: .pick(count: options.count), plain: plain)
            if case .choice(let value) = answer, let index = options.firstIndex(where: { $0.value == value }) {
                kept = [index]
            }
        case .multiple(let options, _):
            editor = AnswerEditor(kind: .tick(count: options.count), plain: plain)
            kept = Self.indices(of: answer, in: options)
        case .rank(let options, let picks):
            let picks = InterviewEngine.neededPicks(options: options, picks: picks)
            editor = AnswerEditor(kind: .rank(count: options.count, picks: picks), plain: plain)
            kept = Self.indices(of: answer, in: options)
        case .scale(let minimum, let maximum, _, _):
            editor = AnswerEditor(kind: .pick(count: maximum - minimum + 1), plain: plain, firstNumber: minimum)
            if case .number(let number) = answer, let value = Int(exactly: number) { kept = [value - minimum] }
        case .yesNo:
            editor = AnswerEditor(kind: .pick(count: 2), plain: plain)
            if case .yesNo(let yes) = answer { kept = [yes ? 0 : 1] }
        case .number:
            editor = AnswerEditor(kind: .number, plain: plain)
            if case .number(let number) = answer { editor.text = Answer.format(number) }
        case .text(let maximumLength):
            editor = AnswerEditor(kind: .text(limit: maximumLength), plain: plain)
            if case .text(let text) = answer { editor.text = text }
        case .note:
            editor = AnswerEditor(kind: .none, plain: plain)
        }
        if plain {
            if !kept.isEmpty { editor.text = kept.map { String($0 + editor.firstNumber) }.joined(separator: " ") }
        } else if case .pick = editor.kind {
            editor.highlighted = kept.first
        } else {
            editor.chosen = kept
            editor.highlighted = kept.last
        }
        return editor
    }

    private static func indices(of answer: Answer?, in options: [Option]) -> [Int] {
        guard case .choices(let values) = answer else { return [] }
        return values.compactMap { value in options.firstIndex { $0.value == value } }
    }

    /// What the respondent entered, as an answer for the engine to check.
    ///
    /// Something that is no answer at all (nothing chosen, a word where numbers were asked for)
    /// is passed on in a form the engine refuses, so the refusal is the engine's, in its words.
    static func answer(to question: Question, from editor: AnswerEditor) -> Answer {
        let choices = editor.choices
        func values(_ options: [Option], inOptionOrder: Bool = false) -> [String] {
            let indices = choices ?? [-1]
            // A number typed in plain mode that is no option's is passed as is; the engine refuses it.
            return (inOptionOrder ? indices.sorted() : indices).map {
                options.indices.contains($0) ? options[$0].value : String($0 + 1)
            }
        }
        switch question.kind {
        case .single(let options):
            let chosen = values(options)
            return chosen.count == 1 ? .choice(chosen[0]) : .choices(chosen)
        case .multiple(let options, _):
            return .choices(values(options, inOptionOrder: true))
        case .rank(let options, _):
            return .choices(values(options))
        case .scale:
            guard let choices, choices.count == 1 else { return .text(editor.text) }
            return .number(Double(choices[0] + editor.firstNumber))
        case .yesNo:
            switch choices {
            case [0]: return .yesNo(true)
            case [1]: return .yesNo(false)
            default: return .text(editor.text)
            }
        case .number:
            return Answer.typedNumber(editor.text).map(Answer.number) ?? .text(editor.text)
        case .text, .note:
            return .text(editor.text)
        }
    }

    /// The engine's refusal of more ticks than a question allows, shown at the tick that is one
    /// too many rather than only on Enter; `nil` otherwise.
    func overMaximum(_ editor: AnswerEditor, _ interview: Interview) -> String? {
        guard case .question(let question) = engine.step(interview), case .multiple(_, let maximum?) = question.kind,
            editor.chosen.count > maximum,
            case .refused(let why) = engine.answer(Self.answer(to: question, from: editor), interview)
        else { return nil }
        return why
    }

    /// Why a character a number field does not take left it as it was, rather than nothing.
    func notANumber(_ key: KeyEvent, typed: String, _ editor: AnswerEditor, _ language: String) -> String? {
        guard case .number = editor.kind, case .character = key, key.digit == nil, editor.text == typed,
            typed.count < AnswerEditor.numberLimit
        else { return nil }
        return text(.enterNumber, language)
    }
}
