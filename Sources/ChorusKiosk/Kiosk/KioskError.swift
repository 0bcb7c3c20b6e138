import Glibc

/// Why the kiosk could not start or had to stop, with the sysexits(3) status to exit with.
public struct KioskError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, for the volunteer: lowercase, no respondent data.
    public let description: String
    /// 64 (usage) when the kiosk was started wrongly, 74 (I/O error) when the terminal or saving failed.
    public let exitStatus: Int32

    /// Standard input or output is not a terminal: the kiosk was started wrongly (64).
    static func notATerminal(_ stream: String) -> KioskError {
        KioskError(
            description: "\(stream) is not a terminal; start the kiosk in a terminal window, not from a pipe or a file",
            exitStatus: 64)
    }

    /// No organizer PIN was given, so nobody could end the kiosk (64).
    static let noPIN = KioskError(description: "the kiosk needs an organizer PIN to be ended with", exitStatus: 64)

    /// A terminal call failed, or the terminal went away (74).
    static func terminalFailed(_ action: String, _ error: Int32) -> KioskError {
        KioskError(description: "could not \(action): \(String(cString: strerror(error)))", exitStatus: 74)
    }

    /// The organizer ended the kiosk while a completed response could still not be saved (74).
    static let unsavedResponse = KioskError(
        description: "one completed response could not be saved and was lost when the kiosk ended", exitStatus: 74)
}
