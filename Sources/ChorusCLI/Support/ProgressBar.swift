import Glibc

/// A progress bar on standard error for work that takes a while, drawn only on a terminal and
/// only once the work has gone on for half a second, so quick runs and scripts see nothing.
struct ProgressBar {
    /// Where the bar is drawn; standard error, or a recorder in tests.
    var write: (String) -> Void
    /// Time since the work started, injected so tests need not wait.
    var elapsed: () -> Duration
    /// Whether there is a person watching: standard error is a terminal.
    var isTerminal: Bool
    /// What is being counted, after the numbers: "responses".
    var unit: String

    static let delay = Duration.milliseconds(500)
    private static let width = 30

    private var lastDrawn: Duration?

    init(unit: String, isTerminal: Bool, elapsed: @escaping () -> Duration, write: @escaping (String) -> Void) {
        self.unit = unit
        self.isTerminal = isTerminal
        self.elapsed = elapsed
        self.write = write
    }

    /// A bar on standard error, timed by the continuous clock.
    static func standardError(unit: String) -> ProgressBar {
        let clock = ContinuousClock()
        let start = clock.now
        return ProgressBar(unit: unit, isTerminal: isatty(2) == 1, elapsed: { clock.now - start }) { text in
            StandardError.writeRaw(text)
        }
    }

    /// Shows `done` of `total`, at most ten times a second.
    mutating func update(_ done: Int, of total: Int) {
        guard isTerminal, total > 0 else { return }
        let now = elapsed()
        guard now >= Self.delay else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100), done < total { return }
        lastDrawn = now
        let fraction = Double(min(done, total)) / Double(total)
        let filled = Int(fraction * Double(Self.width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: Self.width - filled)
        // Carriage return and erase the line: the bar redraws itself in place.
        write("\r\u{1B}[2K[\(bar)] \(Int(fraction * 100))%  \(done) of \(total) \(unit)")
    }

    /// Erases the bar, if it was drawn, so what follows starts on a clean line.
    mutating func finish() {
        guard lastDrawn != nil else { return }
        write("\r\u{1B}[2K")
        lastDrawn = nil
    }
}
