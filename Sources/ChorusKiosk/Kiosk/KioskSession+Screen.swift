import ChorusCore

extension KioskSession {
    /// What the screen says at `now`, in the respondent's language.
    func screen(at now: Duration) -> Screen {
        if gate.isOpen { return pinScreen(at: now) }
        switch stage {
        case .welcome(let editor):
            return welcomeScreen(editor)
        case .asking(let interview, let editor):
            return askingScreen(interview, editor)
        case .stillThere(let interview, _, let until):
            let left = settings.plain ? settings.stillThereTimeout : until - now
            var screen = base(interview.language)
            screen.blocks = [
                .prompt(text(.stillThere, interview.language)),
                .text(text(.idleCountdown, interview.language, ["seconds": String(Self.wholeSeconds(left))])),
            ]
            return screen
        case .stopping(let interview, _, _):
            var screen = base(interview.language)
            screen.blocks = [.prompt(text(.stopAsk, interview.language)), .text(text(.stopKeys, interview.language))]
            return screen
        case .finished(let declined, let language, _):
            var screen = base(language)
            screen.blocks = [.prompt(text(declined ? .declined : .thanks, language))]
            if !declined, let closing = engine.survey.closing {
                screen.blocks.append(.text(closing.text(in: language)))
            }
            return screen
        case .unsaved(let response, _):
            var screen = base(response.language)
            screen.blocks = [.prompt(text(.saveFailed, response.language))]
            screen.legend = [legend("Enter", .keyRetry, response.language)]
            return screen
        }
    }

    /// The language the screen is in now.
    var language: String {
        switch stage {
        case .welcome(let editor):
            let languages = engine.survey.languages
            return editor.highlighted.flatMap { languages.indices.contains($0) ? languages[$0] : nil }
                ?? settings.language
        case .asking(let interview, _), .stillThere(let interview, _, _), .stopping(let interview, _, _):
            return interview.language
        case .finished(_, let language, _): return language
        case .unsaved(let response, _): return response.language
        }
    }

    private func welcomeScreen(_ editor: AnswerEditor) -> Screen {
        let language = self.language
        let languages = engine.survey.languages
        var screen = base(language)
        screen.message = message
        // Asked in every language, so that whoever walks up finds a line they can read.
        screen.blocks = [
            .prompt(languages.map { engine.survey.title.text(in: $0) }.joined(separator: "\n")),
            .text(languages.map { text(.chooseLanguage, $0) }.joined(separator: "\n")),
            .options(
                languages.enumerated().map { index, each in
                    Screen.OptionRow(key: String(index + 1), marker: .none, label: text(.languageName, each))
                },
                highlighted: editor.highlighted),
        ]
        screen.legend =
            choiceLegend(1...max(1, languages.count), ticks: false, language) + [legend("Enter", .keyNext, language)]
        finish(&screen, editor, instruction: .plainNumber, language)
        return screen
    }

    private func askingScreen(_ interview: Interview, _ editor: AnswerEditor) -> Screen {
        let language = interview.language
        var screen = base(language)
        screen.message = message
        var legend: [Screen.LegendItem] = []
        var instruction = Phrase.plainNumber
        switch engine.step(interview) {
        case .consent:
            if let intro = engine.survey.intro { screen.blocks.append(.text(intro.text(in: language))) }
            screen.anchor = screen.blocks.count
            screen.blocks.append(.text(engine.survey.consent.text(in: language)))
            screen.blocks.append(
                .options(
                    [
                        Screen.OptionRow(key: "1", marker: .none, label: text(.agree, language)),
                        Screen.OptionRow(key: "2", marker: .none, label: text(.decline, language)),
                    ],
                    highlighted: editor.highlighted))
            legend = choiceLegend(1...2, ticks: false, language) + [self.legend("Enter", .keyNext, language)]
            if !interview.hasConsented { legend.append(self.legend(backKey(language), .keyBack, language)) }
        case .question(let question), .note(let question):
            let progress = engine.progress(interview)
            screen.progress = progress
            screen.progressLabel = progress.current.map {
                text(.progress, language, ["n": String($0), "total": String(progress.total)])
            }
            let layout = QuestionLayout(question: question, editor: editor, language: language, engine: engine)
            screen.blocks = layout.blocks
            screen.input = layout.input
            instruction = layout.instruction
            legend = layout.keys.flatMap { key -> [Screen.LegendItem] in
                switch key {
                case .choose(let numbers, let ticks): choiceLegend(numbers, ticks: ticks, language)
                // In plain mode Backspace edits the typed line instead.
                case .undo: settings.plain ? [] : [self.legend("Backspace", .keyUndo, language)]
                }
            }
            legend.append(self.legend("Enter", .keyNext, language))
            // Back and skip wait until what is typed is erased (see receive).
            if !editor.hasTypedAnswer {
                legend.append(self.legend(backKey(language), .keyBack, language))
                if !question.isRequired, question.kind != .note {
                    legend.append(self.legend("Tab", .keySkip, language))
                }
            }
        case .complete, .declined:
            break
        }
        if engine.survey.languages.count > 1 { legend.append(self.legend("F2", .keyLanguage, language)) }
        if interview.hasConsented { legend.append(self.legend("Esc", .keyStop, language)) }
        screen.legend = legend
        finish(&screen, editor, instruction: instruction, language)
        return screen
    }

    private func pinScreen(at now: Duration) -> Screen {
        let language = self.language
        var screen = base(language)
        screen.blocks = [.text(text(.pinPrompt, language)), .field]
        screen.input = Screen.Input(text: gate.typed, isSecret: true)
        if let locked = gate.lockedUntil, locked > now {
            let wait = settings.plain ? PINGate.delay(afterFailures: gate.failures) : locked - now
            screen.message = text(.pinWrong, language, ["seconds": String(Self.wholeSeconds(wait))])
        }
        screen.legend = [legend("Enter", .keyNext, language), legend("Esc", .keyBack, language)]
        return screen
    }

    /// Fills in what depends on the mode: the plain instruction and typed line, or the scroll.
    private func finish(_ screen: inout Screen, _ editor: AnswerEditor, instruction: Phrase, _ language: String) {
        screen.scroll = editor.scroll
        guard settings.plain else { return }
        screen.instruction = text(editor.kind == .none ? .plainContinue : instruction, language)
        // A screen reader hears the refusal, then the typed line read back, which could pass for
        // an empty one; the next keys would add to it. The message lasts until the next key.
        if let message = screen.message, editor.text.contains(where: { !$0.isWhitespace }) {
            screen.message = message + " " + text(.plainKept, language)
        }
        if editor.kind != .none, screen.input == nil { screen.input = Screen.Input(text: editor.text) }
        // Plain mode types the numbers of choices; the highlight and the keys that move it are the full screen's.
        screen.blocks = screen.blocks.map {
            if case .options(let rows, _) = $0 { return .options(rows, highlighted: nil) }
            return $0
        }
    }

    private func base(_ language: String) -> Screen {
        Screen(title: engine.survey.title.text(in: language), enlarge: text(.enlargeWindow, language))
    }

    private func choiceLegend(_ numbers: ClosedRange<Int>, ticks: Bool, _ language: String) -> [Screen.LegendItem] {
        guard !settings.plain else { return [] }
        let digits = numbers.count == 1 ? "\(numbers.lowerBound)" : "\(numbers.lowerBound)-\(numbers.upperBound)"
        return [legend("↑↓", .keyMove, language), legend(ticks ? "\(digits) Space" : digits, .keyChoose, language)]
    }

    private func legend(_ keys: String, _ action: Phrase, _ language: String) -> Screen.LegendItem {
        Screen.LegendItem(keys: keys, action: text(action, language))
    }

    /// The Back key as the legend names it: an arrow on the full screen, words a screen reader says well in plain.
    ///
    /// Enter, Esc, Tab and F2 are read as printed on the keys; this name is not printed on any. A
    /// language without words here gets the arrow, which a screen reader names in its own language.
    private func backKey(_ language: String) -> String {
        guard settings.plain else { return "←" }
        // "es-MX" reads as "es".
        return switch language.prefix(while: { $0 != "-" }) {
        case "en": "Left arrow"
        case "es": "Flecha izquierda"
        default: "←"
        }
    }

    func text(_ phrase: Phrase, _ language: String, _ values: [String: String] = [:]) -> String {
        engine.phrasebook.text(phrase, in: language, values)
    }
}
