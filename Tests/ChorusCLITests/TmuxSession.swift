import Foundation
import Glibc
import Testing

/// The real `chorus` binary in a real terminal: a private tmux server, keys sent as a person types
/// them, and the screen read back as text.
final class TmuxSession {
    let socket = "chorus-test-\(UUID().uuidString.prefix(8))"
    let tmux = URL(fileURLWithPath: "/usr/bin/tmux")

    /// Starts `command` in a detached session of `columns` × `rows`, with `environment` added;
    /// `after` runs in the same terminal once it exits (to inspect the terminal's modes, say).
    init(
        _ command: [String], after: String = "", environment: [String: String] = [:], columns: Int = 80,
        rows: Int = 24, directory: URL
    ) throws {
        var arguments = [
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-c",
            directory.path,
        ]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        // Keep the pane after the program exits so its last screen and status can be read.
        let program = command.map(Self.quote).joined(separator: " ")
        arguments += ["\(program); status=$?; \(after.isEmpty ? ":" : after); echo \"[exited $status]\"; sleep 600"]
        try Self.spawn(tmux.path, arguments)
    }

    /// Runs `arguments` with no inherited descriptors and no blocked signals, and waits for it.
    ///
    /// Foundation's Process notices a child's exit through a socket the child inherits; the tmux
    /// server that `new-session` leaves behind would inherit it too and keep it open, so waiting
    /// through Process would never end. What another test's child opened between closing and
    /// spawning would leak into the server the same way, so both happen under
    /// ``ChorusProcess/spawning``. And the test runner's threads block SIGTERM
    /// and SIGHUP, which a child inherits: the server then ignored `kill-server` and outlived
    /// every test.
    private static func spawn(_ path: String, _ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        for signal in [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE] { sigaddset(&signals, signal) }
        posix_spawnattr_setsigdefault(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = ChorusProcess.spawning.withLock {
            for descriptor: Int32 in 3..<1024 where fcntl(descriptor, F_GETFD) != -1 {
                posix_spawn_file_actions_addclose(&actions, descriptor)
            }
            return posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        }
        guard spawned == 0 else {
            throw TmuxError(message: "cannot start tmux")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        guard status == 0 else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed (\(status))")
        }
    }

    deinit {
        try? Self.spawn(tmux.path, ["-L", socket, "kill-server"])
        // The server leaves its socket file behind, one more in /tmp for every test run.
        let folder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(folder)/tmux-\(getuid())/\(socket)")
    }

    /// Sends keys as tmux names them (`Enter`, `Up`, `C-c`, `F10`), or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) async throws {
        try await run(["-L", socket, "send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// Resizes the window, as a volunteer dragging its corner would.
    func resize(columns: Int, rows: Int) async throws {
        try await run(["-L", socket, "resize-window", "-t", "0", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The visible screen, one line per row.
    func screen() async throws -> String {
        try await run(["-L", socket, "capture-pane", "-p", "-t", "0"])
    }

    /// The scrollback above the visible screen.
    func history() async throws -> String {
        try await run(["-L", socket, "capture-pane", "-p", "-S", "-1000", "-E", "-1", "-t", "0"])
    }

    /// Waits until the screen contains `text`; fails the test with the screen if it never does
    /// (or, `quietly`, throws). The bound only keeps a broken kiosk from hanging the suite.
    @discardableResult
    func waitFor(
        _ text: String, seconds: Double = 20, quietly: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if last.contains(text) { return last }
            try await Task.sleep(for: .milliseconds(50))
        }
        if quietly { throw TmuxError(message: "never saw \(text)") }
        Issue.record("never saw \(text.debugDescription) on screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The process ID of `chorus` in the pane (a child of the pane's shell), for signals.
    func programPID() async throws -> Int32 {
        let shell = try await run(["-L", socket, "display-message", "-p", "-t", "0", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try await ChorusProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/pgrep"), ["-P", shell, "-x", "chorus"])
        return Int32(children.standardOutput.split(separator: "\n").first ?? "") ?? 0
    }

    @discardableResult
    private func run(_ arguments: [String]) async throws -> String {
        let result = try await ChorusProcess.run(executable: tmux, arguments)
        guard result.status == 0 else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")): \(result.standardError)")
        }
        return result.standardOutput
    }

    private static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    struct TmuxError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
