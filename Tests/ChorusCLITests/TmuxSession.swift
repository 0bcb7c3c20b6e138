import Foundation
import Testing

/// The real `chorus` binary in a real terminal: a private tmux server, keys sent as a person types
/// them, and the screen read back as text.
final class TmuxSession {
    let socket = "chorus-test-\(UUID().uuidString.prefix(8))"
    let tmux = URL(fileURLWithPath: "/usr/bin/tmux")

    /// Starts `command` in a detached session of `columns` × `rows`, with `environment` added.
    init(
        _ command: [String], environment: [String: String] = [:], columns: Int = 80, rows: Int = 24,
        directory: URL
    ) throws {
        var arguments = [
            "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)",
            "-c", directory.path,
        ]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(name)=\(value)"] }
        // Keep the pane after the program exits so its last screen and status can be read.
        arguments += [command.map(Self.quote).joined(separator: " ") + "; echo \"[exited $?]\"; sleep 600"]
        try run(arguments)
    }

    deinit {
        _ = try? run(["-L", socket, "kill-server"])
    }

    /// Sends keys as tmux names them (`Enter`, `Up`, `C-c`, `F10`) or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try run(["-L", socket, "send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen, one string per row.
    func screen() throws -> String {
        try run(["-L", socket, "capture-pane", "-p", "-t", "0"])
    }

    /// The scrollback above the visible screen.
    func history() throws -> String {
        try run(["-L", socket, "capture-pane", "-p", "-S", "-1000", "-E", "-1", "-t", "0"])
    }

    /// Waits until the screen contains `text`; fails the test with the screen if it never does.
    /// The bound only keeps a broken kiosk from hanging the suite; nothing is timed.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> String
    {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        Issue.record("never saw \(text.debugDescription) on screen:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// The process ID of the program in the pane, for signals.
    func pid() throws -> Int32 {
        Int32(
            try run(["-L", socket, "display-message", "-p", "-t", "0", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try ChorusProcess.run(executable: tmux, arguments)
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
