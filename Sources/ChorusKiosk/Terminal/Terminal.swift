import Glibc

/// The kiosk's terminal, held in raw mode from creation until ``restore()``: the only user of Glibc.
///
/// While held, keys arrive one by one without echo; Ctrl-C, Ctrl-Z, Ctrl-\ (ISIG off) and Ctrl-S,
/// Ctrl-Q (IXON off) arrive as bytes instead of ending, suspending or freezing the kiosk. The full
/// screen uses the alternate screen with the cursor hidden and no line wrap; plain mode stays on the
/// normal screen, with the cursor shown, for screen readers. ``TerminalRestoration`` puts the modes
/// back on every way out.
final class Terminal {
    /// What ``read(timeout:)`` found.
    enum Input: Equatable {
        case bytes([UInt8])
        /// The window changed size.
        case resized
        /// Nothing before the timeout, or a signal interrupted the wait.
        case nothing
    }

    /// Clears the screen and its scrollback, so nothing of the previous respondent can be scrolled back to.
    static let clearAll = "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[3J"

    private let resizePipe: (read: Int32, write: Int32)
    private var isRestored = false

    /// Refuses standard input or output that is not a terminal.
    static func checkAttached() throws(KioskError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal("standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal("standard output") }
    }

    /// Takes over standard input and output, which must both be terminals.
    init(plain: Bool) throws(KioskError) {
        try Self.checkAttached()
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { throw .terminalFailed("read the terminal's modes", errno) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .terminalFailed("create a pipe", errno) }
        for end in ends { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        self.resizePipe = (ends[0], ends[1])
        TerminalRestoration.resizeNotifier = ends[1]

        // Leaving clears what the last respondent saw, also where the alternate screen is not kept apart.
        let leave = Self.clearAll + (plain ? "" : "\u{1B}[?2004l\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
        TerminalRestoration.arm(modes: modes, leave: leave)
        var raw = modes
        raw.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON)
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        do throws(KioskError) {
            guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
                throw .terminalFailed("switch the terminal to raw mode", errno)
            }
            // Bracketed paste marks pasted text, so that its line breaks do not press Enter.
            try write((plain ? "" : "\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[?2004h") + Self.clearAll)
        } catch {
            restore()
            throw error
        }
    }

    /// Puts the terminal back as it was, clearing the kiosk's screen; safe to call twice.
    func restore() {
        guard !isRestored else { return }
        isRestored = true
        TerminalRestoration.disarm()
        close(resizePipe.read)
        close(resizePipe.write)
    }

    /// The window's size, or 80×24 when the terminal will not say.
    var size: TerminalSize {
        var window = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else {
            return .minimum
        }
        return TerminalSize(rows: Int(window.ws_row), columns: Int(window.ws_col))
    }

    /// Waits up to `timeout` (forever when `nil`) for keys or a resize.
    func read(timeout: Duration?) throws(KioskError) -> Input {
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: resizePipe.read, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&descriptors, 2, timeout.map(Self.milliseconds) ?? -1)
        if ready < 0 {
            guard errno == EINTR else { throw .terminalFailed("wait for keys", errno) }
            return .nothing
        }
        if descriptors[1].revents != 0 {
            var drained = [UInt8](repeating: 0, count: 64)
            while Glibc.read(resizePipe.read, &drained, drained.count) > 0 {}
            return .resized
        }
        guard descriptors[0].revents != 0 else { return .nothing }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = Glibc.read(STDIN_FILENO, &buffer, buffer.count)
        if count < 0 {
            guard errno == EINTR || errno == EAGAIN else { throw .terminalFailed("read keys", errno) }
            return .nothing
        }
        // In raw mode a read of nothing means the terminal is gone (its window was closed).
        guard count > 0 else { throw .terminalFailed("read keys", EIO) }
        return .bytes(Array(buffer[..<count]))
    }

    /// Writes `text` completely.
    func write(_ text: String) throws(KioskError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                guard errno == EINTR else { throw .terminalFailed("write to the terminal", errno) }
                continue
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// `duration` as poll(2) takes it: whole milliseconds, 0 for a deadline already past.
    static func milliseconds(_ duration: Duration) -> Int32 {
        // A deadline less than a second past has 0 seconds and negative attoseconds, and a
        // negative timeout would make poll wait for a key forever.
        guard duration > .zero else { return 0 }
        let (seconds, attoseconds) = duration.components
        // Round up, so a deadline is never woken for just before it.
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: total)
    }
}
