import Glibc

/// Puts the terminal back however the process ends: normally, by SIGTERM or SIGHUP, or by a crash.
///
/// A signal handler may only call async-signal-safe functions (`tcsetattr`, `write`, `sigaction`,
/// `raise`, `_exit`) and must neither allocate nor lock. So everything the handlers read is prepared
/// by ``arm(modes:leave:)`` before they are installed: the saved terminal modes and the bytes that
/// leave the kiosk's screen, in memory allocated once and never freed, and the previous signal
/// actions. Static storage is initialized on first use, which is also before any handler runs.
enum TerminalRestoration {
    nonisolated(unsafe) private static var savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    nonisolated(unsafe) private static var leaveBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 64)
    nonisolated(unsafe) private static var leaveCount = 0
    /// Non-zero while the terminal is in the kiosk's modes and must be put back.
    nonisolated(unsafe) private static var isArmed: Int32 = 0
    /// The actions in place before ours, by signal number, to put back or to pass a crash on to.
    nonisolated(unsafe) private static var previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    nonisolated(unsafe) private static var hasRegisteredExitHandler = false
    /// The write end of the pipe SIGWINCH writes to, so a blocked `poll` wakes up on a resize.
    nonisolated(unsafe) static var resizeNotifier: Int32 = -1

    /// Ended without restoring: the process exits with 128 + the signal, as a shell reports it.
    static let terminating = [SIGTERM, SIGHUP]
    /// Crashes: restore, then pass the signal on (to Swift's backtracer, or the default core dump).
    static let crashing = [SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGTRAP]
    /// Typed as Ctrl-C, Ctrl-Z and Ctrl-\; with ISIG off they arrive as bytes, and are also ignored
    /// here in case something turns ISIG back on, or another process sends them.
    static let ignored = [SIGINT, SIGTSTP, SIGQUIT]

    /// Remembers how to restore `modes` and leave the screen with `leave`, then installs the handlers.
    static func arm(modes: termios, leave: String) {
        savedModes.pointee = modes
        let bytes = Array(leave.utf8.prefix(leaveBytes.count))
        _ = leaveBytes.initialize(from: bytes)
        leaveCount = bytes.count
        isArmed = 1
        if !hasRegisteredExitHandler {
            hasRegisteredExitHandler = true
            atexit { TerminalRestoration.restoreNow() }
        }
        for signal in terminating { install(signal, handler: onTermination) }
        for signal in crashing { install(signal, handler: onCrash) }
        for signal in ignored { install(signal, handler: SIG_IGN) }
        install(SIGWINCH, handler: onResize)
    }

    /// Restores the terminal if it is still in the kiosk's modes, and puts the old signal actions back.
    static func disarm() {
        restoreNow()
        for signal in terminating + crashing + ignored + [SIGWINCH] {
            sigaction(signal, &previousActions[Int(signal)], nil)
        }
    }

    /// Writes the saved modes and the leaving bytes back, once; safe to call from a signal handler.
    static func restoreNow() {
        guard isArmed != 0 else { return }
        isArmed = 0
        _ = write(STDOUT_FILENO, leaveBytes.baseAddress, leaveCount)
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, savedModes)
    }

    private static func install(_ signal: Int32, handler: __sighandler_t?) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, &previousActions[Int(signal)])
    }

    private static let onTermination: @convention(c) (Int32) -> Void = { signal in
        TerminalRestoration.restoreNow()
        _exit(128 + signal)
    }

    private static let onCrash: @convention(c) (Int32) -> Void = { signal in
        TerminalRestoration.restoreNow()
        // Blocked while this handler runs, the raised signal is delivered to the old action on return.
        sigaction(signal, &TerminalRestoration.previousActions[Int(signal)], nil)
        raise(signal)
    }

    private static let onResize: @convention(c) (Int32) -> Void = { _ in
        let saved = errno
        var byte: UInt8 = 1
        _ = write(TerminalRestoration.resizeNotifier, &byte, 1)
        errno = saved
    }
}
