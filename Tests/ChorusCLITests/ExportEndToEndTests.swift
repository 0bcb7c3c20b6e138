import ChorusCore
import ChorusStore
import Foundation
import Testing

@testable import ChorusCLI

/// `chorus export`, run as the real binary on databases filled through the store, as the kiosk
/// and the webhook fill them.
@Suite struct ExportEndToEndTests {
    /// A short survey, so the audit of a few hundred responses stays quick in a debug build.
    static let surveyFile = Bundle.module.url(forResource: "Fixtures/corner-store", withExtension: "xml")!
    static let surveyID = "corner-store"
    /// What some residents typed in the free-text question; it must never leave the database.
    static let secret = "Maria at 12 Elm St, call 555-0142"

    /// A database with the fixture survey registered and `count` responses that lean somewhere,
    /// as real answers do, from two kiosks and text messages over three months.
    static func database(responses count: Int, seed: UInt64 = 11) throws -> ChorusDatabase {
        let source = Array(try Data(contentsOf: surveyFile))
        let survey = try SurveyLoader.load(surveyFile.path)
        let path = try StoreCommandTests.folder().appendingPathComponent("chorus.sqlite").path
        let database = try ChorusDatabase(path: path)
        try database.register(survey: survey, source: source)
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let days = ["2026-09-14", "2026-10-02", "2026-11-05"].compactMap(Day.init)
        for index in 0..<count {
            let first = ["lights", "lights", "crossing", "benches"][next(4)]
            let second = ["lights", "crossing", "benches"].filter { $0 != first }[next(2)]
            var answers: [String: Answer] = [
                "block": .choice(next(3) == 0 ? "south" : "north"), "wants": .choices([first, second]),
                "walk": .yesNo(next(3) == 0),
            ]
            if index % 3 == 0 { answers["idea"] = .text(Self.secret) }
            let sms = next(3) == 0
            try database.save(
                Response(
                    surveyID: survey.id, surveyVersion: survey.version, language: next(4) == 0 ? "es" : "en",
                    answers: answers),
                channel: sms ? .sms : .kiosk, site: sms ? nil : ["Central Library", "Eastside Center"][next(2)],
                day: days[next(days.count)], erasingArrivalOrder: false)
        }
        try database.eraseArrivalOrder()
        return database
    }

    /// Every file under `folder`, by relative path.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let file = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = try Data(contentsOf: file)
        }
        return files
    }

    @Test func exportWritesAReleaseAndExactlyTheSameBytesTheSecondTime() async throws {
        let database = try Self.database(responses: 400)
        let out = try StoreCommandTests.folder().appendingPathComponent("release")

        let first = try await ChorusProcess.run([
            "export", "--db", database.path, "--out", out.path, Self.surveyFile.path,
        ])
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.hasPrefix("wrote \(out.path)/: "))
        let written = try Self.contents(of: out)
        for path in [
            "datapackage.json", "findings.json", "codebook.md", "disclosure-log.json", "report.html",
            "tables/wants.csv", "tables/wants.by.block.csv", "tables/reach.channel.csv", "priorities/wants.csv",
        ] {
            #expect(written[path] != nil, "\(path) missing")
        }

        let second = try await ChorusProcess.run(["export", "--db", database.path, "--out", out.path, Self.surveyID])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(second.standardOutput == "\(out.path)/ already holds this release; nothing changed\n")
        #expect(try Self.contents(of: out) == written)
    }

    @Test func aReleaseFirstExportedFromACopyIsSaidToBeRecordedWhenExportedAgain() async throws {
        let database = try Self.database(responses: 200)
        let folder = try StoreCommandTests.folder()
        let copy = folder.appendingPathComponent("look.sqlite").path
        let out = folder.appendingPathComponent("release").path
        let merged = try await ChorusProcess.run(["merge", "--db", copy, database.path])
        #expect(merged.status == 0, "\(merged.standardError)")
        let look = try await ChorusProcess.run(["export", "--db", copy, "--out", out, Self.surveyID])
        #expect(look.standardOutput.hasPrefix("wrote \(out)/: "), "\(look.standardError)")

        let real = try await ChorusProcess.run(["export", "--db", database.path, "--out", out, Self.surveyID])
        #expect(real.status == 0, "\(real.standardError)")
        #expect(
            real.standardOutput
                == "\(out)/ already holds this release; it is now recorded in \(database.path), and later releases "
                + "are checked against it\n")
        let again = try await ChorusProcess.run(["export", "--db", database.path, "--out", out, Self.surveyID])
        #expect(again.standardOutput == "\(out)/ already holds this release; nothing changed\n")
    }

    @Test func noFileOfTheReleaseHoldsAFreeTextAnswer() async throws {
        let database = try Self.database(responses: 200)
        let out = try StoreCommandTests.folder().appendingPathComponent("release")
        let result = try await ChorusProcess.run(["export", "--db", database.path, "--out", out.path, Self.surveyID])
        #expect(result.status == 0, "\(result.standardError)")
        let files = try Self.contents(of: out)
        try #require(!files.isEmpty)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for fragment in ["555-0142", "12 Elm", "Maria"] {
                #expect(!text.contains(fragment), "\(path) holds \(fragment)")
            }
        }
        let report = String(decoding: try #require(files["report.html"]), as: UTF8.self)
        #expect(report.contains("answers written in residents"), "the report says free text exists and is held back")
    }

    @Test func aReleaseGoesIntoExportsByDefaultAndInTheLanguageAskedFor() async throws {
        let database = try Self.database(responses: 300)
        let folder = try StoreCommandTests.folder()
        let result = try await ChorusProcess.run(
            ["export", "--db", database.path, "--lang", "es", Self.surveyID], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let month = String(LocalDay.now().day.description.prefix(7))
        let report = folder.appendingPathComponent("Exports/\(Self.surveyID)-\(month)/report.html")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("<html lang=\"es\">"))
    }

    @Test func aLoweredThresholdNeedsAReasonWhichIsLogged() async throws {
        let database = try Self.database(responses: 120)
        let out = try StoreCommandTests.folder().appendingPathComponent("release")
        let result = try await ChorusProcess.run([
            "export", "--db", database.path, "--out", out.path, "--min-cell", "6", "--reason", "first week, two sites",
            Self.surveyID,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains(
                "chorus: note: publishing counts down to 6 instead of 11: first week, two sites"))
        let log = try String(contentsOf: out.appendingPathComponent("disclosure-log.json"), encoding: .utf8)
        #expect(log.contains("\"reasonLowered\": \"first week, two sites\""))
    }

    @Test func thresholdsBelowTheFloorOrWithoutAReasonAreUsageErrors() async throws {
        let database = try Self.database(responses: 0)
        for arguments in [["--min-cell", "4", "--reason", "tiny"], ["--min-cell", "9"], ["--reason", "no k"]] {
            let result = try await ChorusProcess.run(["export", "--db", database.path] + arguments + [Self.surveyID])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.standardError.hasPrefix("chorus: error: "), "\(result.standardError)")
        }
        let low = try await ChorusProcess.run(["export", "--min-cell", "4", "--reason", "tiny", Self.surveyID])
        #expect(low.standardError.hasPrefix("chorus: error: --min-cell 4 is too low; use at least 5.\nUsage: "))
        let language = try await ChorusProcess.run(["export", "--db", database.path, "--lang", "fr", Self.surveyID])
        #expect(language.status == 64)
        #expect(language.standardError.contains("survey 'corner-store' has no 'fr'; it has en, es"))
    }

    @Test func aHandfulOfResponsesIsReleasedWithWhatCannotBePublishedLeftOut() async throws {
        let database = try Self.database(responses: 4)
        let out = try StoreCommandTests.folder().appendingPathComponent("release")

        let result = try await ChorusProcess.run(["export", "--db", database.path, "--out", out.path, Self.surveyID])

        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.hasPrefix(
                "chorus: note: 4 responses are fewer than 11, so this release withholds every count above 0; it is "
                    + "recorded all the same, and later releases are checked against it; to only look, export a copy of the "
                    + "database\n"))
        let files = try Self.contents(of: out)
        #expect(files["report.html"] != nil)
        #expect(files["priorities/wants.csv"] == nil, "a ranking whose positions are left out is left out too")
        let log = String(decoding: try #require(files["disclosure-log.json"]), as: UTF8.self)
        #expect(log.contains("\"wants.positions\""))
    }

    @Test func aSurveyWithoutResponsesSaysSoAndWritesNothing() async throws {
        let database = try Self.database(responses: 0)
        let folder = try StoreCommandTests.folder()
        let result = try await ChorusProcess.run(["export", "--db", database.path, Self.surveyID], in: folder)
        #expect(result.status == 65)
        #expect(
            result.standardError
                == "chorus: error: survey 'corner-store' version 1 has no responses in \(database.path) yet; "
                + "there is nothing to export\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Exports").path))
    }

    @Test func unknownSurveysAndMissingDatabasesAreReported() async throws {
        let database = try Self.database(responses: 0)
        let unknown = try await ChorusProcess.run(["export", "--db", database.path, "town-hall"])
        #expect(unknown.status == 66)
        #expect(unknown.standardError.contains("has no survey 'town-hall'; it has \(Self.surveyID)."))
        let mistyped = try await ChorusProcess.run(["export", "--db", database.path, Self.surveyID + "s"])
        #expect(mistyped.status == 66)
        #expect(mistyped.standardError.hasSuffix("; did you mean '\(Self.surveyID)'?\n"))

        let path = try StoreCommandTests.folder().appendingPathComponent("chorus.sqlite").path
        let missing = try await ChorusProcess.run(["export", "--db", path, Self.surveyID])
        #expect(missing.status == 66)
        #expect(!FileManager.default.fileExists(atPath: path))

        let edited = try StoreCommandTests.folder().appendingPathComponent("corner-store.xml")
        try (String(contentsOf: Self.surveyFile, encoding: .utf8) + "<!-- edited -->\n").write(
            to: edited, atomically: true, encoding: .utf8)
        let different = try await ChorusProcess.run(["export", "--db", database.path, edited.path])
        #expect(different.status == 65)
        #expect(
            different.standardError.contains("is not the file survey 'corner-store' version 1 was collected with"))
    }

    @Test func aDifferentReleaseIsNeverOverwritten() async throws {
        let database = try Self.database(responses: 300)
        let out = try StoreCommandTests.folder().appendingPathComponent("release")
        let first = try await ChorusProcess.run(["export", "--db", database.path, "--out", out.path, Self.surveyID])
        #expect(first.status == 0, "\(first.standardError)")
        let before = try Self.contents(of: out)

        // The same data in the other language is a different set of files, which must go elsewhere.
        let second = try await ChorusProcess.run([
            "export", "--db", database.path, "--out", out.path, "--lang", "es", Self.surveyID,
        ])
        #expect(second.status == 73)
        #expect(second.standardError.contains("\(out.path) already holds a different release"))
        #expect(try Self.contents(of: out) == before)

        let file = try StoreCommandTests.folder().appendingPathComponent("taken")
        try Data("notes".utf8).write(to: file)
        let onFile = try await ChorusProcess.run(["export", "--db", database.path, "--out", file.path, Self.surveyID])
        #expect(onFile.status == 73)
    }
}
