import ChorusCore

/// The kiosk's screens and what each key does on them: a state machine around the interview engine.
///
/// It does no I/O of its own: keys and the time come in as arguments, the time as a duration since
/// the kiosk started on the caller's clock, and a completed response goes out through the `save`
/// closure. So tests drive it with keys and a fake clock, and never sleep.
/// Every answer, skip and step back goes through the ``InterviewEngine``; the session only decides
/// which screen is up, and keeps the time-outs.
///
/// welcome (language) → consent → questions → saved → thanks → welcome again, with: decline →
/// "that's okay" → welcome; no key for the idle time-out → "Are you still there?" → welcome, the
/// partial interview discarded; Esc after agreeing → "Stop here?" → Enter → "that's okay" →
/// welcome, the partial interview discarded likewise; a save that fails → "please tell a
/// volunteer", the response kept and tried again until it is saved.
struct KioskSession {
    /// Time-outs and choices that stay the same for a whole kiosk run.
    struct Settings {
        /// The language offered first, and the one the welcome screen returns to.
        var language: String
        var plain = false
        /// Without a key for this long, "Are you still there?".
        var idleTimeout = Duration.seconds(120)
        /// How long "Are you still there?" waits before starting over.
        var stillThereTimeout = Duration.seconds(15)
        /// How long the thank-you screen stays before the welcome screen returns.
        var thanksTimeout = Duration.seconds(10)
        /// How often an unsaved response is tried again by itself.
        var retryInterval = Duration.seconds(10)
        /// Without a key for this long, the PIN prompt closes.
        var pinTimeout = Duration.seconds(30)
    }

    /// Which screen is up, with what it needs.
    enum Stage {
        case welcome(AnswerEditor)
        /// The consent step, a question or a note.
        case asking(Interview, AnswerEditor)
        /// Asking whether the respondent is still there, until the given time.
        case stillThere(Interview, AnswerEditor, until: Duration)
        /// Asking whether to stop and erase the answers, as the respondent asked, until the given
        /// time; then they are erased, as someone who asked to stop may have walked away.
        case stopping(Interview, AnswerEditor, until: Duration)
        /// Thanks (or "that's okay", after a decline), in `language`, until the given time.
        case finished(declined: Bool, language: String, until: Duration)
        /// A completed response that could not be saved, to try again at the given time.
        case unsaved(Response, retryAt: Duration)
    }

    let engine: InterviewEngine
    let settings: Settings
    private let save: @Sendable (Response) throws -> Void
    private(set) var stage: Stage
    private(set) var gate: PINGate
    /// Why the last answer was not taken, in the respondent's language, until the next key.
    private(set) var message: String?
    /// Counts respondents: it changes whenever the welcome screen returns for the next one, which
    /// is when the screen and scrollback are cleared.
    private(set) var respondent = 0
    /// Set once the organizer PIN has been entered.
    private(set) var hasEnded = false
    private var lastKey = Duration.zero
    /// What was chosen on a question left with Left before Enter, by question id: it is shown
    /// again when the question comes back, as nothing was answered. Forgotten with the respondent.
    private(set) var unconfirmed: [String: AnswerEditor] = [:]

    init(engine: InterviewEngine, settings: Settings, pin: String, save: @escaping @Sendable (Response) throws -> Void)
    {
        self.engine = engine
        self.settings = settings
        self.save = save
        self.gate = PINGate(pin: pin)
        self.stage = .welcome(Self.welcomeEditor(engine: engine, settings: settings))
    }

    /// The response completed but not yet saved, if any.
    var unsavedResponse: Response? {
        if case .unsaved(let response, _) = stage { return response }
        return nil
    }

    // MARK: Keys

    /// Acts on `key`, pressed at `now`.
    mutating func receive(_ key: KeyEvent, at now: Duration) {
        lastKey = now
        message = nil
        if gate.isOpen {
            if gate.press(key, at: now) { hasEnded = true }
            return
        }
        if key == .control("x") {
            gate.open()
            switch stage {
            case .stillThere(let interview, let editor, _), .stopping(let interview, let editor, _):
                stage = .asking(interview, editor)
            default:
                break
            }
            return
        }
        switch stage {
        case .welcome(var editor):
            if key == .enter {
                let languages = engine.survey.languages
                let index = editor.choices?.first ?? languages.firstIndex(of: settings.language) ?? 0
                guard languages.indices.contains(index) else {
                    message = text(.chooseOption, language)
                    return
                }
                show(engine.start(language: languages[index]), at: now)
            } else {
                editor.press(key == .function(2) ? .down : key)
                stage = .welcome(editor)
            }
        case .asking(let interview, var editor):
            switch key {
            case .enter: submit(editor, interview, at: now)
            // Typed text is not thrown away by a key pressed to move the cursor or indent.
            case .left where editor.hasTypedAnswer, .tab where editor.hasTypedAnswer: break
            case .left: goBack(interview, leaving: editor)
            case .tab: follow(engine.skip(interview), leaving: interview, at: now)
            case .function(2): changeLanguage(interview, editor)
            // Before agreeing there is nothing to erase, and "No, thank you" stops.
            case .escape where interview.hasConsented:
                stage = .stopping(interview, editor, until: now + settings.stillThereTimeout)
            default:
                let typed = editor.text
                editor.press(key)
                stage = .asking(interview, editor)
                message = overMaximum(editor, interview) ?? notANumber(key, typed: typed, editor, interview.language)
            }
        case .stillThere(let interview, let editor, _):
            // Any key means "yes, still here", and does nothing else: it may have been pressed to wake the screen.
            stage = .asking(interview, editor)
        case .stopping(let interview, let editor, _):
            guard key == .enter else {
                stage = .asking(interview, editor)
                return
            }
            unconfirmed = [:]
            stage = .finished(declined: true, language: interview.language, until: now + settings.thanksTimeout)
        case .finished:
            break
        case .unsaved(let response, _):
            if key == .enter { store(response, at: now) }
        }
    }

    private mutating func submit(_ editor: AnswerEditor, _ interview: Interview, at now: Duration) {
        switch engine.step(interview) {
        case .consent:
            switch editor.choices {
            case [0]: show(engine.agree(interview), at: now)
            case [1]: show(engine.decline(interview), at: now)
            default: follow(engine.skip(interview), at: now)
            }
        case .question(let question):
            follow(engine.answer(Self.answer(to: question, from: editor), interview), leaving: interview, at: now)
        case .note:
            show(engine.acknowledge(interview), at: now)
        case .complete, .declined:
            show(interview, at: now)
        }
    }

    private mutating func goBack(_ interview: Interview, leaving left: AnswerEditor) {
        if case .question(let question) = engine.step(interview), left.hasChoices {
            unconfirmed[question.id] = left
        }
        if engine.step(interview) == .consent, !interview.hasConsented {
            // Before agreeing, Back returns to the languages: consent is not passed, only put off.
            var editor = Self.welcomeEditor(engine: engine, settings: settings)
            editor.highlighted = engine.survey.languages.firstIndex(of: interview.language)
            stage = .welcome(editor)
            return
        }
        let previous = engine.back(interview)
        if previous != interview { stage = .asking(previous, editor(for: previous)) }
    }

    private mutating func changeLanguage(_ interview: Interview, _ editor: AnswerEditor) {
        let languages = engine.survey.languages
        guard let index = languages.firstIndex(of: interview.language) else { return }
        let next = engine.changeLanguage(languages[(index + 1) % languages.count], interview)
        stage = .asking(next, editor)
    }

    /// Moves on when the engine took the answer or skip; shows why not when it did not.
    private mutating func follow(_ outcome: AnswerOutcome, leaving interview: Interview? = nil, at now: Duration) {
        switch outcome {
        case .accepted(let next):
            if let interview, case .question(let question) = engine.step(interview) {
                unconfirmed[question.id] = nil
            }
            show(next, at: now)
        case .refused(let why):
            // "Or skip this question" names no key; here, Tab is the one.
            let language = interview?.language ?? settings.language
            message = why == text(.answerOrSkip, language) ? text(.tabToSkip, language) : why
        }
    }

    /// Moves to what the engine says comes next for `interview`, saving it once complete.
    private mutating func show(_ interview: Interview, at now: Duration) {
        switch engine.step(interview) {
        case .complete(let response):
            store(response, at: now)
        case .declined:
            stage = .finished(declined: true, language: interview.language, until: now + settings.thanksTimeout)
        case .consent, .question, .note:
            stage = .asking(interview, editor(for: interview))
        }
    }

    /// Saves `response` before anyone is thanked; if that fails, keeps it and says so.
    private mutating func store(_ response: Response, at now: Duration) {
        do {
            try save(response)
            stage = .finished(declined: false, language: response.language, until: now + settings.thanksTimeout)
        } catch {
            stage = .unsaved(response, retryAt: now + settings.retryInterval)
        }
    }

    // MARK: Time

    /// Acts on the time-outs due by `now`.
    mutating func advance(to now: Duration) {
        if gate.isOpen, now >= lastKey + settings.pinTimeout { gate.close() }
        switch stage {
        case .welcome(let editor):
            // A language left highlighted by someone who walked away goes back to the default.
            let fresh = Self.welcomeEditor(engine: engine, settings: settings)
            if now >= lastKey + settings.idleTimeout, editor != fresh { stage = .welcome(fresh) }
        case .asking(let interview, let editor):
            let idleAt = lastKey + settings.idleTimeout
            guard now >= idleAt else { return }
            stage = .stillThere(interview, editor, until: idleAt + settings.stillThereTimeout)
            advance(to: now)
        case .stillThere(_, _, let until), .stopping(_, _, let until), .finished(_, _, let until):
            if now >= until { startOver() }
        case .unsaved(let response, let retryAt):
            if now >= retryAt { store(response, at: now) }
        }
    }

    /// When ``advance(to:)`` next has something to do or a countdown on screen changes; `nil` for
    /// nothing until a key.
    func nextDeadline(after now: Duration) -> Duration? {
        var deadlines: [Duration] = []
        if gate.isOpen {
            deadlines.append(lastKey + settings.pinTimeout)
            if let locked = gate.lockedUntil, locked > now { deadlines.append(nextTick(towards: locked, from: now)) }
        }
        switch stage {
        case .welcome(let editor):
            if editor != Self.welcomeEditor(engine: engine, settings: settings) {
                deadlines.append(lastKey + settings.idleTimeout)
            }
        case .asking: deadlines.append(lastKey + settings.idleTimeout)
        case .stillThere(_, _, let until): deadlines.append(nextTick(towards: until, from: now))
        case .stopping(_, _, let until), .finished(_, _, let until): deadlines.append(until)
        case .unsaved(_, let retryAt): deadlines.append(retryAt)
        }
        return deadlines.min()
    }

    /// The next time the whole seconds left until `deadline` go down, to redraw a countdown.
    private func nextTick(towards deadline: Duration, from now: Duration) -> Duration {
        guard !settings.plain, deadline > now else { return deadline }
        return deadline - .seconds(Self.wholeSeconds(deadline - now) - 1)
    }

    /// Whole seconds in `duration`, rounded up, as a countdown shows what is left.
    static func wholeSeconds(_ duration: Duration) -> Int {
        max(0, Int((duration / .seconds(1)).rounded(.up)))
    }

    /// Back to the welcome screen for the next respondent; nothing of this one is kept.
    private mutating func startOver() {
        stage = .welcome(Self.welcomeEditor(engine: engine, settings: settings))
        message = nil
        unconfirmed = [:]
        respondent += 1
    }
}
