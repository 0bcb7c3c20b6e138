public import ChorusCore

/// A locked-down survey kiosk on this process's terminal, for residents to answer one after another.
///
/// ```swift
/// let kiosk = Kiosk(survey: survey, pin: pin, today: today) { response in try database.save(response) }
/// try kiosk.run()  // returns once the organizer enters the PIN
/// ```
///
/// Keys: digits, ↑↓ and Space choose, Enter goes on, ← goes back, Tab skips an optional question,
/// F2 changes the language, Page Up and Page Down scroll a long screen. Ctrl-C, Ctrl-Z and Ctrl-\
/// do nothing. The organizer ends the kiosk with Ctrl-X, then the PIN and Enter; Esc closes that
/// prompt. Each wrong PIN doubles the wait before the next try, up to 30 seconds.
public struct Kiosk: Sendable {
    let survey: Survey
    let settings: KioskSession.Settings
    let pin: String
    let today: Int
    let save: @Sendable (Response) throws -> Void

    /// Creates a kiosk for `survey`.
    ///
    /// - Parameters:
    ///   - survey: the survey to run, already checked.
    ///   - language: offered first on the welcome screen; the survey's first language when `nil`
    ///     or not one of the survey's.
    ///   - idleTimeout: without a key for this long, "Are you still there?"; 15 seconds later the
    ///     partial interview is discarded and the welcome screen returns.
    ///   - plain: linear text for screen readers: no colour, box drawing or cursor movement.
    ///   - pin: the organizer PIN that ends the kiosk; spaces and newlines around it are ignored.
    ///   - today: days since 1970-01-01, for expressions such as `today()`.
    ///   - save: stores a completed response durably; called before the respondent is thanked. If it
    ///     throws, the kiosk says so, keeps the response and tries again every 10 seconds or on Enter.
    public init(
        survey: Survey,
        language: String? = nil,
        idleTimeout: Duration = .seconds(120),
        plain: Bool = false,
        pin: String,
        today: Int,
        save: @escaping @Sendable (Response) throws -> Void
    ) {
        self.survey = survey
        let language = language.flatMap { survey.languages.contains($0) ? $0 : nil } ?? survey.languages.first ?? "en"
        self.settings = KioskSession.Settings(language: language, plain: plain, idleTimeout: idleTimeout)
        // A PIN file usually ends with a newline; nobody means it as part of the PIN.
        var trimmed = Substring(pin)
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        self.pin = String(trimmed)
        self.today = today
        self.save = save
    }

    /// Refuses to go on when standard input or output is not a terminal, as ``run()`` would, so
    /// that a kiosk started wrongly is told so before it creates a database.
    public static func checkTerminal() throws(KioskError) {
        try Terminal.checkAttached()
    }

    /// Runs the kiosk on standard input and output until the organizer enters the PIN.
    ///
    /// The terminal is restored however this ends, including by SIGTERM, SIGHUP or a crash.
    ///
    /// - Throws: ``KioskError`` when there is no PIN, standard input or output is not a terminal,
    ///   the terminal fails or goes away, or a completed response was still unsaved at the end.
    public func run() throws(KioskError) {
        guard !pin.isEmpty else { throw .noPIN }
        let terminal = try Terminal(plain: settings.plain)
        defer { terminal.restore() }
        var session = KioskSession(
            engine: InterviewEngine(survey: survey, today: today), settings: settings, pin: pin, save: save)
        var painter = ScreenPainter(plain: settings.plain)
        var decoder = KeyDecoder()
        let clock = ContinuousClock()
        let start = clock.now
        var size = terminal.size
        var now = Duration.zero
        func draw() throws(KioskError) {
            try terminal.write(painter.paint(session.screen(at: now), size: size, respondent: session.respondent))
        }
        try draw()
        while !session.hasEnded {
            now = clock.now - start
            // Escape alone is told from the start of an arrow key's sequence by a short silence.
            var timeout = session.nextDeadline(after: now).map { $0 - now }
            if decoder.hasPending { timeout = min(timeout ?? .milliseconds(50), .milliseconds(50)) }
            var keys: [KeyEvent] = []
            switch try terminal.read(timeout: timeout) {
            case .bytes(let bytes): keys = decoder.decode(bytes)
            case .nothing: keys = decoder.flush()
            case .resized:
                size = terminal.size
                painter.invalidate()
            }
            now = clock.now - start
            session.advance(to: now)
            // A window too small shows only the request to enlarge it, so a key pressed then would
            // answer what no one can see: none is acted on, and the idle time-out still runs. The
            // PIN gate alone fits such a window, so a volunteer can still stop the kiosk.
            let isSmall = !settings.plain && !size.isLargeEnough
            // A screen per key, so that plain mode says every step even of keys that came together.
            for key in keys where !session.hasEnded {
                if isSmall, !session.gate.isOpen, key != .control("x") { continue }
                session.receive(key, at: now)
                try draw()
            }
            if keys.isEmpty { try draw() }
        }
        // The organizer may have fixed what stopped saving; a last try before the response is lost.
        if let response = session.unsavedResponse {
            do { try save(response) } catch { throw .unsavedResponse }
        }
    }
}
