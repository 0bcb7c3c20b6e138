import Foundation
import Glibc
import Testing

/// The kiosk as volunteers and residents use it: the real binary in a real terminal (tmux),
/// keys typed, the screen read back, the database checked with `chorus status`.
@Suite(.serialized) struct KioskEndToEndTests {
    static let pin = "2468"

    /// One respondent's way through the safety survey: (text to wait for, keys to press).
    static func respondent(spanish: Bool) -> [(String, [String])] {
        let steps: [(String, String, [String])] = [
            ("Choose your language", "Choose your language", [spanish ? "2" : "1", "Enter"]),
            ("1. Yes, I agree", "1. Sí, estoy de acuerdo", ["1", "Enter"]),
            ("Which part of town", "¿En qué parte de la ciudad", ["1", "Enter"]),
            ("How long have you lived", "¿Cuánto tiempo lleva", ["1", "Enter"]),
            ("Which three of these", "cuáles son los tres", ["1", "7", "3", "Enter"]),
            ("Where is traffic", "¿Dónde es peor", ["1", "2", "Enter"]),
            ("change how police treat", "cambiar la forma en que la policía", ["1", "Enter"]),
            ("How safe do you feel", "¿Qué tan seguro(a) se siente", ["1", "Enter"]),
            ("What would help you feel safer", "¿Qué le ayudaría a sentirse", ["1", "Enter"]),
            ("How much do you trust", "¿Qué tanto confía", ["3", "Enter"]),
            ("In the past year", "En el último año", ["1", "Enter"]),
            ("Would you come to a community", "¿Vendría a una reunión", ["2", "Enter"]),
            ("If you could change one thing", "Si pudiera cambiar una sola cosa", ["Enter"]),
        ]
        return steps.map { english, spanishText, keys in (spanish ? spanishText : english, keys) }
    }

    func start(_ directory: URL, arguments: [String] = [], after: String = "") throws -> TmuxSession {
        try TmuxSession(
            [
                ChorusProcess.binary.path, "kiosk", "Surveys/safety-priorities.xml", "--db",
                directory.path + "/kiosk.sqlite",
            ]
                + arguments,
            after: after,
            environment: ["CHORUS_KIOSK_PIN": Self.pin],
            directory: ChorusProcess.packageRoot)
    }

    func answer(_ session: TmuxSession, spanish: Bool, idea: String? = nil) async throws {
        for (text, keys) in Self.respondent(spanish: spanish) {
            try await session.waitFor(text)
            if text.hasPrefix("If you could") || text.hasPrefix("Si pudiera"), let idea {
                try await session.send(idea, literal: true)
            }
            for key in keys { try await session.send(key) }
        }
    }

    /// Chooses English, agrees and answers the first question, as a resident who then stops or
    /// walks away; returns once the second question is on screen.
    func answerTheFirstQuestion(_ session: TmuxSession) async throws {
        for (text, keys) in Self.respondent(spanish: false).prefix(3) {
            try await session.waitFor(text)
            for key in keys { try await session.send(key) }
        }
        try await session.waitFor("How long have you lived")
    }

    func lock(_ session: TmuxSession, pin: String = pin) async throws {
        try await session.send("C-x")
        try await session.waitFor("PIN")
        try await session.send(pin, literal: true)
        try await session.send("Enter")
    }

    func status(_ directory: URL) async throws -> String {
        try await ChorusProcess.run(["status", "--db", directory.path + "/kiosk.sqlite"]).standardOutput
    }

    @Test func twoResidentsInTurnOneInSpanishThenLockedWithThePIN() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory, arguments: ["--site", "Central Library"])
        try await answer(session, spanish: false, idea: "More lights by the bus stop")
        try await session.waitFor("Thank you for sharing")
        try await answer(session, spanish: true, idea: "Más luz en el parque")
        try await session.waitFor("Gracias por compartir")
        try await session.waitFor("Choose your language")
        try await lock(session)
        try await session.waitFor("[exited 0]")
        let table = try await status(directory)
        #expect(table.contains("kiosk    Central Library          2"), "\(table)")
        // Only a day is kept: nothing in the report looks like a time of day.
        #expect(try !table.contains(Regex(#"\d{1,2}:\d{2}"#)))
    }

    @Test func idleResetDiscardsThePartialInterviewAndLeavesNothingOnScreen() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory, arguments: ["--idle-timeout", "10"])
        try await answerTheFirstQuestion(session)
        try await session.waitFor("Are you still there?", seconds: 30)
        try await session.waitFor("Choose your language", seconds: 30)
        #expect(try await !session.screen().contains("North"))
        #expect(try await !session.history().contains("Which part of town"))
        try await lock(session)
        try await session.waitFor("[exited 0]")
        #expect(try await status(directory).contains("no responses"))
    }

    @Test func escThenEnterStopsTheSurveyAndErasesThePartialInterview() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await answerTheFirstQuestion(session)
        try await session.send("Escape")
        try await session.waitFor("Stop here?")
        try await session.send("Enter")
        try await session.waitFor("That's okay")
        try await session.waitFor("Choose your language", seconds: 30)
        #expect(try await !session.history().contains("Which part of town"))
        try await lock(session)
        try await session.waitFor("[exited 0]")
        #expect(try await status(directory).contains("no responses"))
    }

    @Test func keysPressedWhileTheWindowIsTooSmallToShowTheQuestionAnswerNothing() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await answerTheFirstQuestion(session)
        try await session.resize(columns: 40, rows: 12)
        try await session.waitFor("40×12")
        try await session.send("3")
        try await session.send("Enter")
        try await session.resize(columns: 80, rows: 24)
        try await session.waitFor("How long have you lived")
        // Nothing was chosen: Enter now asks for an answer or a skip rather than moving on.
        try await session.send("Enter")
        try await session.waitFor("Please answer, or press Tab to skip this question")
        #expect(try await !session.screen().contains("Which three"))
        try await lock(session)
        try await session.waitFor("[exited 0]")
    }

    @Test func aVolunteerCanStopItWithThePINInAWindowTooSmallToShowTheQuestion() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await answerTheFirstQuestion(session)
        try await session.resize(columns: 40, rows: 12)
        try await session.waitFor("40×12")
        try await session.send("C-x")
        try await session.waitFor("Organizer PIN")
        try await session.send("Escape")
        try await session.waitFor("40×12")
        try await session.send("C-x")
        try await session.waitFor("Organizer PIN")
        try await session.send(String(Self.pin.prefix(2)), literal: true)
        try await session.waitFor("> **")
        try await session.send(String(Self.pin.dropFirst(2)), literal: true)
        try await session.send("Enter")
        try await session.waitFor("[exited 0]")
        #expect(try await status(directory).contains("no responses"))
    }

    @Test func controlKeysNeitherEndNorSuspendIt() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await session.waitFor("Choose your language")
        for key in ["C-c", "C-z", "C-\\\\", "C-d"] { try await session.send(key) }
        try await session.send("1")
        try await session.send("Enter")
        try await session.waitFor("1. Yes, I agree")
        #expect(try await session.programPID() > 0)
        #expect(try await !session.screen().contains("[exited"))
    }

    @Test func wrongPINDoesNotExitAndTheRightOneDoes() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await session.waitFor("Choose your language")
        try await lock(session, pin: "1111")
        try await session.waitFor("That PIN is not right")
        #expect(try await !session.screen().contains("[exited"))
        try await session.send("Escape")
        try await session.waitFor("Choose your language")
        // The wrong try is slowed down; the prompt says when the next is allowed.
        let deadline = Date().addingTimeInterval(40)
        repeat {
            try await lock(session)
            if (try? await session.waitFor("[exited 0]", seconds: 3, quietly: true)) != nil { break }
            try await session.send("Escape")
        } while Date() < deadline
        try await session.waitFor("[exited 0]")
    }

    @Test func withoutAPINItRefusesToStart() async throws {
        let result = try await ChorusProcess.run(
            ["kiosk", "Surveys/safety-priorities.xml", "--db", try Scratch.folder().path + "/k.sqlite"],
            environment: ["CHORUS_KIOSK_PIN": ""])
        #expect(result.status == 64)
        #expect(result.standardError.contains("set CHORUS_KIOSK_PIN or give --pin-file FILE"))
    }

    @Test func standardInputThatIsNotATerminalIsAClearErrorAndCreatesNothing() async throws {
        let folder = try Scratch.folder()
        let result = try await ChorusProcess.run(
            ["kiosk", "Surveys/safety-priorities.xml", "--db", folder.path + "/k.sqlite"],
            environment: ["CHORUS_KIOSK_PIN": Self.pin])
        #expect(result.status == 64)
        #expect(result.standardError.contains("is not a terminal"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func killedMidInterviewKeepsEveryCompletedResponseAndNoPartial() async throws {
        let directory = try Scratch.folder()
        let session = try start(directory)
        try await answer(session, spanish: false, idea: "Paint the crosswalks")
        try await session.waitFor("Thank you for sharing")
        // Half of the next respondent's interview, then the power cord.
        for (text, keys) in Self.respondent(spanish: true).prefix(6) {
            try await session.waitFor(text)
            for key in keys { try await session.send(key) }
        }
        kill(try await session.programPID(), SIGKILL)
        try await session.waitFor("[exited 137]")
        let table = try await status(directory)
        #expect(table.contains("total") && table.hasSuffix("1\n"), "\(table)")
    }

    @Test func terminalModesAreRestoredAfterSIGTERM() async throws {
        let directory = try Scratch.folder()
        // After the kiosk ends, the same terminal reports its modes: "-icanon" would mean still raw.
        let modes =
            "stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo -e isig -e -isig | sort | tr '\\n' ' '"
        let session = try start(directory, after: modes)
        try await session.waitFor("Choose your language")
        kill(try await session.programPID(), SIGTERM)
        let screen = try await session.waitFor("[exited 143]")
        #expect(screen.contains("echo icanon isig"), "\(screen)")
    }
}

extension Scratch {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-kiosk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
