import ArgumentParser
import ChorusCore
import ChorusKiosk
import ChorusStore
import Foundation

struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Run a locked-down kiosk on this terminal until the organizer PIN ends it.",
        discussion: """
            The organizer PIN comes from CHORUS_KIOSK_PIN or --pin-file, never from the command line. \
            End the kiosk with Ctrl-X, the PIN and Enter. See chorus-kiosk(1).
            """
    )

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Option(help: "Where the kiosk stands, e.g. \"Central Library\"; shown in chorus status.")
    var site: String?

    @ArgumentParser.Option(help: "The language offered first; the survey's first language by default.")
    var lang: String?

    @ArgumentParser.Option(help: "Seconds without a key before \"Are you still there?\".")
    var idleTimeout = 120

    @Flag(help: "Linear text for screen readers: no colour, box drawing or cursor movement.")
    var plain = false

    @ArgumentParser.Option(help: "A file holding the organizer PIN (mode 0600 recommended).")
    var pinFile: String?

    @Argument(help: "The survey file.")
    var file: String

    func validate() throws {
        guard (10...86_400).contains(idleTimeout) else {
            throw ValidationError("Please give --idle-timeout in seconds, from 10 to 86400.")
        }
        if let site, site.trimmedWhitespace.isEmpty {
            throw ValidationError("Please give --site a name, or leave it out.")
        }
    }

    func run() throws {
        let (survey, source) = try SurveyLoader.loadWithSource(file)
        let language = try lang.map { try survey.language(asked: $0) }
        let pin = try organizerPIN()
        do {
            try Kiosk.checkTerminal()
        } catch {
            StandardError.write("chorus: error: \(error.description)")
            throw ExitCode(error.exitStatus)
        }
        let database = try StoreFailure.reporting {
            let database = try ChorusDatabase(path: store.path)
            try database.register(survey: survey, source: source)
            // A crash between a save and its clean-up could have left the last response's place visible.
            try database.eraseArrivalOrder()
            return database
        }
        let site = self.site?.trimmedWhitespace
        let kiosk = Kiosk(
            survey: survey, language: language, idleTimeout: .seconds(idleTimeout), plain: plain, pin: pin,
            today: LocalDay.now().daysSinceEpoch
        ) { response in
            try database.save(response, channel: .kiosk, site: site, day: LocalDay.now().day)
        }
        do {
            try kiosk.run()
        } catch {
            StandardError.write("chorus: error: \(error.description)")
            throw ExitCode(error.exitStatus)
        }
    }

    /// The PIN from `--pin-file` or `CHORUS_KIOSK_PIN`; without one the kiosk could never be ended.
    private func organizerPIN() throws -> String {
        if let pinFile {
            guard let data = FileManager.default.contents(atPath: pinFile) else {
                StandardError.write("chorus: error: cannot read the PIN file \(pinFile)")
                throw ExitStatus.noInput
            }
            let pin = String(decoding: data, as: UTF8.self).trimmedWhitespace
            guard !pin.isEmpty else {
                StandardError.write("chorus: error: the PIN file \(pinFile) is empty")
                throw ExitStatus.dataError
            }
            return pin
        }
        let pin = (ProcessInfo.processInfo.environment["CHORUS_KIOSK_PIN"] ?? "").trimmedWhitespace
        guard !pin.isEmpty else {
            StandardError.write(
                "chorus: error: the kiosk needs an organizer PIN to be ended with; "
                    + "set CHORUS_KIOSK_PIN or give --pin-file FILE (never the PIN itself on the command line)")
            throw ExitStatus.usage
        }
        return pin
    }
}

extension StringProtocol {
    /// Without surrounding spaces, tabs and newlines; the standard library's own, so the kiosk
    /// never loads Foundation's character tables.
    var trimmedWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
