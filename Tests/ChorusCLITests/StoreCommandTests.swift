import ChorusCore
import ChorusStore
import Foundation
import Glibc
import Testing

/// `chorus status` and `chorus merge`, run as the real binary on databases written with ChorusStore,
/// as a kiosk writes them.
@Suite struct StoreCommandTests {
    static let surveyFile = ChorusProcess.packageRoot.appendingPathComponent("Surveys/safety-priorities.xml")
    static let tuesday = Day("2026-11-17")!
    static let wednesday = Day("2026-11-18")!

    /// A database in a fresh folder with the sample safety survey registered and `responses` saved.
    static func database(
        _ name: String = "chorus.sqlite", in folder: URL? = nil, responses: [(Channel, String?, Day)] = [],
        source: [UInt8]? = nil
    ) throws -> ChorusDatabase {
        let folder = try folder ?? Self.folder()
        let database = try ChorusDatabase(path: folder.appendingPathComponent(name).path)
        let survey = Survey(
            id: "safety-priorities", version: 1, languages: ["en"], title: LocalizedText(["en": "Safety"]),
            consent: LocalizedText(["en": "Agree?"]), questions: [])
        try database.register(survey: survey, source: source ?? Array(try Data(contentsOf: surveyFile)))
        for (channel, site, day) in responses {
            let response = Response(
                surveyID: "safety-priorities", surveyVersion: 1, language: "es",
                answers: ["area": .choice("north"), "idea": .text("más luz en el parque")])
            try database.save(response, channel: channel, site: site, day: day)
        }
        return database
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let library = "Central Library"
    static let mixed: [(Channel, String?, Day)] = [
        (.kiosk, library, tuesday), (.kiosk, library, tuesday), (.kiosk, library, wednesday),
        (.kiosk, "Eastside Center", wednesday), (.sms, nil, wednesday),
    ]

    @Test func statusPrintsCountsByDayChannelAndSiteWithTotals() async throws {
        let database = try Self.database(responses: Self.mixed)
        let result = try await ChorusProcess.run(["status", "--db", database.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput == """
                survey safety-priorities, version 1

                day         channel  site             responses
                2026-11-17  kiosk    Central Library          2
                2026-11-18  kiosk    Central Library          1
                2026-11-18  kiosk    Eastside Center          1
                2026-11-18  sms                               1

                total       kiosk                             4
                total       sms                               1
                total                Central Library          3
                total                Eastside Center          1
                total                                         5

                """)
        #expect(result.standardError == "")
    }

    @Test func statusTakesTheSurveyIdOrTheSurveyFile() async throws {
        let database = try Self.database(responses: [(.kiosk, Self.library, Self.tuesday)])
        for survey in ["safety-priorities", "Surveys/safety-priorities.xml", Self.surveyFile.path] {
            let result = try await ChorusProcess.run(["status", "--db", database.path, survey])
            #expect(result.status == 0)
            #expect(result.standardOutput.hasPrefix("survey safety-priorities, version 1\n"), "\(survey)")
        }
        let other = try await ChorusProcess.run(["status", "--db", database.path, "Surveys/listening-session.xml"])
        #expect(other.standardOutput == "no responses yet\n")
    }

    @Test func statusOfASurveyIdTheDatabaseHasNeverSeenSaysSo() async throws {
        let database = try Self.database(responses: [(.kiosk, Self.library, Self.tuesday)])
        let result = try await ChorusProcess.run(["status", "--db", database.path, "saftey-priorities"])
        #expect(result.status == 66)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "chorus: error: \(database.path) has no survey 'saftey-priorities'; did you mean 'safety-priorities'?\n"
        )
        let farOff = try await ChorusProcess.run(["status", "--db", database.path, "town-hall"])
        #expect(farOff.status == 66)
        #expect(
            farOff.standardError
                == "chorus: error: \(database.path) has no survey 'town-hall'; it has safety-priorities. Give its id as "
                + "chorus status shows it, or the survey file\n")
    }

    @Test func statusOfAnEmptyDatabaseSaysSo() async throws {
        let database = try Self.database()
        let result = try await ChorusProcess.run(["status", "--db", database.path])
        #expect(result.status == 0)
        #expect(result.standardOutput == "no responses yet\n")
    }

    @Test func statusFindsTheDatabaseThroughTheEnvironmentOrTheWorkingDirectory() async throws {
        let folder = try Self.folder()
        _ = try Self.database(in: folder, responses: [(.sms, nil, Self.tuesday)])
        let here = try await ChorusProcess.run(["status"], in: folder)
        #expect(here.standardOutput.contains("2026-11-17  sms"), "\(here.standardOutput)")

        let elsewhere = try Self.database("elsewhere.sqlite", responses: [(.kiosk, nil, Self.tuesday)])
        let variable = try await ChorusProcess.run(["status"], in: folder, environment: ["CHORUS_DB": elsewhere.path])
        #expect(variable.standardOutput.contains("2026-11-17  kiosk"), "\(variable.standardOutput)")
    }

    @Test func statusOfAMissingDatabaseFailsWithoutCreatingIt() async throws {
        let path = try Self.folder().appendingPathComponent("chorus.sqlite").path
        let result = try await ChorusProcess.run(["status", "--db", path])
        #expect(result.status == 66)
        #expect(result.standardError == "chorus: error: no database at \(path)\n")
        #expect(result.standardOutput == "")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func statusOfAFileThatIsNotADatabaseFails() async throws {
        let notes = try Self.notes()
        let result = try await ChorusProcess.run(["status", "--db", notes])
        #expect(result.status == 65)
        #expect(result.standardError == "chorus: error: \(notes) is not a chorus database\n")
    }

    /// A text file, which is not a database.
    static func notes() throws -> String {
        let path = try folder().appendingPathComponent("notes.txt").path
        try "Bring flyers in Spanish.\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func mergeBringsAKioskInOnceAndThenAddsNothing() async throws {
        // Given an organizer's database and a kiosk's
        let organizer = try Self.database(responses: [(.sms, nil, Self.tuesday)])
        let kiosk = try Self.database("kiosk.sqlite", responses: Self.mixed.filter { $0.0 == .kiosk })

        // When the kiosk's is merged twice
        let first = try await ChorusProcess.run(["merge", "--db", organizer.path, kiosk.path])
        let second = try await ChorusProcess.run(["merge", "--db", organizer.path, kiosk.path])

        // Then the first merge adds its four responses and the second none
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput == "added 4 responses, 0 already present\n")
        #expect(second.standardOutput == "added 0 responses, 4 already present\n")
        let status = try await ChorusProcess.run(["status", "--db", organizer.path])
        #expect(status.standardOutput.hasSuffix("total                                         5\n"))
    }

    @Test func mergeAndStatusLeaveNothingBesideAKiosksDatabase() async throws {
        let organizer = try Self.database(responses: [(.sms, nil, Self.tuesday)])
        let stick = try Self.folder()
        let kiosk = try Self.database("kiosk.sqlite", in: stick, responses: [(.kiosk, Self.library, Self.tuesday)]).path
        let before = try Data(contentsOf: URL(fileURLWithPath: kiosk))
        #expect(try FileManager.default.contentsOfDirectory(atPath: stick.path) == ["kiosk.sqlite"])

        let status = try await ChorusProcess.run(["status", "--db", kiosk])
        let merge = try await ChorusProcess.run(["merge", "--db", organizer.path, kiosk])

        #expect(status.status == 0 && merge.status == 0, "\(status.standardError)\(merge.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: stick.path) == ["kiosk.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: kiosk)) == before)
    }

    @Test func mergeOfAKioskThatRanADifferentSurveyFileIsRefused() async throws {
        let organizer = try Self.database(responses: [(.sms, nil, Self.tuesday)])
        let edited = Array(try Data(contentsOf: Self.surveyFile)) + Array("<!-- edited -->\n".utf8)
        let kiosk = try Self.database("kiosk.sqlite", responses: [(.kiosk, Self.library, Self.tuesday)], source: edited)
        let before = try Data(contentsOf: URL(fileURLWithPath: organizer.path))

        let result = try await ChorusProcess.run(["merge", "--db", organizer.path, kiosk.path])

        #expect(result.status == 65)
        #expect(
            result.standardError.hasPrefix(
                "chorus: error: survey 'safety-priorities' version 1 in \(kiosk.path) differs"))
        #expect(result.standardError.hasSuffix("; nothing was merged\n"))
        #expect(result.standardOutput == "")
        #expect(try Data(contentsOf: URL(fileURLWithPath: organizer.path)) == before)
    }

    @Test func mergeRefusesWhatIsNotAKioskDatabase() async throws {
        let folder = try Self.folder()
        let organizer = folder.appendingPathComponent("chorus.sqlite").path

        let missing = try await ChorusProcess.run([
            "merge", "--db", organizer, folder.appendingPathComponent("usb.sqlite").path,
        ])
        #expect(missing.status == 66)
        #expect(missing.standardError.hasPrefix("chorus: error: no database at "))
        #expect(!FileManager.default.fileExists(atPath: organizer), "a failed merge must not create the database")

        let notes = try Self.notes()
        let text = try await ChorusProcess.run(["merge", "--db", organizer, notes])
        #expect(text.status == 65)
        #expect(text.standardError == "chorus: error: \(notes) is not a chorus database\n")

        let database = try Self.database(responses: [(.sms, nil, Self.tuesday)])
        let itself = try await ChorusProcess.run(["merge", "--db", database.path, database.path])
        #expect(itself.status == 64)
        #expect(itself.standardError == "chorus: error: cannot merge \(database.path) into itself\n")
    }

    @Test func statusAndMergeReadAKioskDatabaseInAFolderThatCannotBeWritten() async throws {
        // Given a kiosk's database on a write-protected stick, closed as the kiosk leaves it; its
        // name has what a URI would read as a query, a fragment or an escape
        let stick = try Self.folder().appendingPathComponent("KIOSK #2 (50% full?)")
        try FileManager.default.createDirectory(at: stick, withIntermediateDirectories: false)
        _ = try Self.database("kiosk.sqlite", in: stick, responses: Self.mixed.filter { $0.0 == .kiosk })
        let organizer = try Self.folder()
        _ = try Self.database(in: organizer, responses: [(.sms, nil, Self.tuesday)])
        try Self.handToReader(stick, organizer)
        #expect(chmod(stick.path, 0o555) == 0)
        let kiosk = stick.appendingPathComponent("kiosk.sqlite").path

        // When an organizer looks at it and merges it
        let status = try await Self.runAsReader(["status", "--db", kiosk])
        let merge = try await Self.runAsReader([
            "merge", "--db", organizer.appendingPathComponent("chorus.sqlite").path, kiosk,
        ])

        // Then both read it, and nothing was written beside it
        #expect(status.status == 0, "\(status.standardError)")
        #expect(status.standardOutput.hasSuffix("total                                         4\n"))
        #expect(merge.status == 0, "\(merge.standardError)")
        #expect(merge.standardOutput == "added 4 responses, 0 already present\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: stick.path) == ["kiosk.sqlite"])
    }

    @Test(arguments: [false, true])
    func exportSaysWhenTheDatabaseIsReadOnlyForThisUserAndWritesNothing(_ onlyTheFile: Bool) async throws {
        // Given an organizer's database that this user may read but not write, or in a folder they
        // may not write, as on a share
        let folder = try Self.folder()
        _ = try Self.database(in: folder, responses: Array(repeating: (.sms, nil, Self.tuesday), count: 12))
        let out = try Self.folder()
        let path = folder.appendingPathComponent("chorus.sqlite").path
        try Self.handToReader(folder, out)
        if onlyTheFile {
            // Given back to root, or kept from the tests' own user by its mode.
            if getuid() == 0 { #expect(chown(path, 0, 0) == 0) }
            #expect(chmod(path, 0o444) == 0)
        } else {
            #expect(chmod(folder.path, 0o555) == 0)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // When they export from it
        let release = out.appendingPathComponent("release").path
        let result = try await Self.runAsReader(["export", "--db", path, "--out", release, "safety-priorities"])

        // Then they are told why, and what to do, before any release is written that the database
        // could not record, and nothing changed
        #expect(result.status == 66)
        #expect(
            result.standardError
                == "chorus: error: cannot write to the database at \(path): it or its folder is read-only for this "
                + "user; run chorus as the user who owns it, or give --db a copy in a folder you can write\n")
        #expect(!FileManager.default.fileExists(atPath: release))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Nor a -wal or -shm of this user's, which would keep the owner from opening it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["chorus.sqlite"])
    }

    @Test func statusAndMergeFailWhenTheirOutputCannotBeWritten() async throws {
        let organizer = try Self.database(responses: [(.sms, nil, Self.tuesday)])
        let kiosk = try Self.database("kiosk.sqlite", responses: [(.kiosk, Self.library, Self.tuesday)])
        for arguments in [["status", "--db", organizer.path], ["merge", "--db", organizer.path, kiosk.path]] {
            let result = try await ChorusProcess.run(arguments, outputFile: "/dev/full")
            #expect(result.status == 74, "\(arguments[0])")
            #expect(result.standardError == "chorus: error: cannot write to standard output: No space left on device\n")
        }
    }

    /// The uid and gid of `nobody`, whom the tests run as to be refused a write, which root is not.
    static let reader: (uid: uid_t, gid: gid_t) = (65534, 65534)

    /// Gives `folders` and what they hold to ``reader`` when the tests run as root.
    static func handToReader(_ folders: URL...) throws {
        guard getuid() == 0 else { return }
        for folder in folders {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            for path in [folder.path] + names.map({ folder.appendingPathComponent($0).path }) {
                #expect(chown(path, reader.uid, reader.gid) == 0, "\(path)")
            }
        }
    }

    /// Runs the binary as ``reader`` when the tests run as root, else as the tests' own user.
    static func runAsReader(_ arguments: [String]) async throws -> ChorusProcess.Result {
        guard getuid() == 0 else { return try await ChorusProcess.run(arguments) }
        let dropped = ["--reuid=\(reader.uid)", "--regid=\(reader.gid)", "--clear-groups", ChorusProcess.binary.path]
        return try await ChorusProcess.run(executable: URL(fileURLWithPath: "/usr/bin/setpriv"), dropped + arguments)
    }

    @Test func mergeNeedsADatabaseArgument() async throws {
        let result = try await ChorusProcess.run(["merge"])
        #expect(result.status == 64)
    }
}
