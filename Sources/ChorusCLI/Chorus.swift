import ArgumentParser
import Foundation

@main
struct Chorus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chorus",
        abstract: "Hear from residents anonymously and turn what they say into community priorities.",
        discussion: "See chorus(1) and chorus-survey(5).",
        subcommands: [
            ValidateCommand.self, PreviewCommand.self, KioskCommand.self, ServeCommand.self, StatusCommand.self,
            MergeCommand.self, ExportCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, but on the main thread, where every command but `serve` then
    /// runs: glibc gives the main thread its main heap, while a thread of the async runtime's
    /// pool gets a heap of its own, grown by a system call every few pages. Reading a 1 MB survey
    /// was a tenth slower there.
    @MainActor
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            // ArgumentParser starts a usage error with "Error:"; every other message of chorus
            // starts with its name, so that a script or a volunteer's log tells where it came from.
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            let prefix = "Error: "
            guard code != .success, message.hasPrefix(prefix) else { exit(withError: error) }
            FileHandle.standardError.write(Data(("chorus: error: " + message.dropFirst(prefix.count) + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }
}
