import ChorusCore
import ChorusStore
import Foundation
import Testing

@testable import ChorusCLI

/// `chorus export` on the real sample survey after a week or two of collection: few responses
/// spread over many questions, groups and sites, where most breakdown cells are small.
@Suite struct ExportSafetySurveyTests {
    static let surveyFile = ChorusProcess.packageRoot.appendingPathComponent("Surveys/safety-priorities.xml")

    /// Adds `count` responses that follow the survey's skip logic and lean as real answers do.
    static func add(_ count: Int, to database: ChorusDatabase, survey: Survey, seed: UInt64) throws {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        func pick(_ values: [String], _ weights: [Int]) -> String {
            var roll = next(weights.reduce(0, +))
            for (value, weight) in zip(values, weights) {
                if roll < weight { return value }
                roll -= weight
            }
            return values[0]
        }
        func some(_ values: [String], upTo maximum: Int) -> [String] {
            var chosen: [String] = []
            for _ in 0...next(maximum) {
                let value = values[next(values.count)]
                if !chosen.contains(value) { chosen.append(value) }
            }
            return chosen
        }
        let concerns = ["traffic", "housing", "violence", "drugs", "streets", "youth", "police", "mental-health"]
        let days = ["2026-11-02", "2026-11-04", "2026-11-07"].compactMap(Day.init)
        for _ in 0..<count {
            let area = pick(
                ["north", "east", "south", "west", "downtown", "elsewhere", "prefer-not"], [30, 22, 25, 12, 6, 3, 2])
            var answers: [String: Answer] = ["area": .choice(area)]
            if area != "elsewhere" {
                answers["years-here"] = .choice(
                    pick(["under-1", "1-5", "6-15", "over-15", "prefer-not"], [8, 25, 30, 32, 5]))
            }
            var ranked: [String] = []
            while ranked.count < 3 {
                let concern = pick(concerns, [14, 22, 16, 10, 9, 12, 9, 8])
                if !ranked.contains(concern) { ranked.append(concern) }
            }
            answers["concerns"] = .choices(ranked)
            if ranked.contains("traffic") {
                answers["traffic-where"] = .choices(
                    some(["schools", "main-streets", "side-streets", "crossings", "bus-stops", "parks"], upTo: 3))
            }
            if ranked.contains("police") {
                answers["police-help"] = .choices(
                    some(
                        [
                            "oversight", "responders", "anonymous-complaints", "public-reports", "language",
                            "immigration",
                        ], upTo: 2))
            }
            let night = 1 + next(5)
            answers["safe-night"] = .number(Double(night))
            if night <= 2 {
                answers["safer-with"] = .choices(
                    some(["lighting", "activity", "neighbors", "outreach", "transit", "patrols"], upTo: 3))
            }
            answers["city-listens"] = .number(Double(1 + next(5)))
            answers["no-911"] = .yesNo(next(10) < 3)
            answers["join-meeting"] = .yesNo(next(2) == 0)
            let sms = next(8) < 3
            try database.save(
                Response(
                    surveyID: survey.id, surveyVersion: survey.version, language: next(10) < 3 ? "es" : "en",
                    answers: answers),
                channel: sms ? .sms : .kiosk,
                site: sms ? nil : pick(["Central Library", "Eastside Center", "Southside Branch"], [5, 3, 2]),
                day: days[next(days.count)], erasingArrivalOrder: false)
        }
        try database.eraseArrivalOrder()
    }

    /// A new database in a scratch folder with the sample survey registered, as a kiosk leaves it.
    static func registered() throws -> (Survey, ChorusDatabase) {
        let survey = try SurveyLoader.load(surveyFile.path)
        let database = try ChorusDatabase(
            path: try StoreCommandTests.folder().appendingPathComponent("chorus.sqlite").path)
        try database.register(survey: survey, source: Array(try Data(contentsOf: surveyFile)))
        return (survey, database)
    }

    @Test func aFirstWeekOfFewResponsesIsReleasedWithSparseBreakdownsLeftOut() async throws {
        let (survey, database) = try Self.registered()
        let path = database.path
        try Self.add(150, to: database, survey: survey, seed: 3)
        let out = try StoreCommandTests.folder().appendingPathComponent("week-1")

        let result = try await ChorusProcess.run(["export", "--db", path, "--out", out.path, survey.id])

        #expect(result.status == 0, "\(result.standardError)")
        let log =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: out.appendingPathComponent("disclosure-log.json"))) as? [String: Any]
        let withheld = try #require(log?["withheldTables"] as? [[String: String]])
        #expect(withheld.contains { $0["id"] == "concerns.by.area" && $0["reason"] == "sparse" })
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("tables/concerns.csv").path))
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("concerns by area"))
    }

    @Test func aSmallGroupWhoAllAnsweredAlikeShowsNoZeroInTheTablesOrTheReport() async throws {
        let (survey, database) = try Self.registered()
        // As in the tester's run: the two residents living outside the city both chose not to
        // call 911, and everyone else is split evenly.
        let areas = [("north", 90), ("east", 80), ("south", 60), ("west", 40), ("prefer-not", 24), ("elsewhere", 2)]
        var index = 0
        for (area, count) in areas {
            for _ in 0..<count {
                index += 1
                let answers: [String: Answer] = [
                    "area": .choice(area), "concerns": .choices(["traffic", "housing", "youth"]),
                    "no-911": .yesNo(area == "elsewhere" || index % 2 == 0),
                ]
                try database.save(
                    Response(surveyID: survey.id, surveyVersion: survey.version, language: "en", answers: answers),
                    channel: .sms, site: nil, day: Day("2026-11-04")!, erasingArrivalOrder: false)
            }
        }
        try database.eraseArrivalOrder()
        let out = try StoreCommandTests.folder().appendingPathComponent("release")

        let result = try await ChorusProcess.run(["export", "--db", database.path, "--out", out.path, survey.id])

        #expect(result.status == 0, "\(result.standardError)")
        let table = try String(contentsOf: out.appendingPathComponent("tables/no-911.by.area.csv"), encoding: .utf8)
        #expect(table.contains("elsewhere,total,SUPPRESSED"))
        #expect(table.contains("elsewhere,no,SUPPRESSED"), "\(table)")
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let rows = report.components(separatedBy: "<th scope=\"row\">I live outside the city</th>").dropFirst()
        // A row of zeros is a question nobody in the group answered, which says nothing.
        var checked = 0
        for row in rows.map({ $0.prefix { $0 != "\n" } }) where row.contains("withheld") {
            checked += 1
            #expect(!row.contains("<td>0</td>") && !row.contains("<small>0</small>"), "\(row)")
        }
        #expect(checked > 0)
    }

    @Test func oneResidentWhoSkippedAQuestionDoesNotWithholdHowManyResponded() async throws {
        // From a trial: 339 texted and 2 came to a kiosk, one of whom skipped "years here". The
        // 1 who skipped is 341 minus the 340 who answered, so one of those must be withheld;
        // this release used to withhold the 341, and with it every total that everyone answered.
        let fixture = Bundle.module.url(forResource: "Fixtures/one-skipped-years-here", withExtension: "sqlite")!
        let folder = try StoreCommandTests.folder()
        let path = folder.appendingPathComponent("chorus.sqlite").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let out = folder.appendingPathComponent("release")

        let run = try await ChorusProcess.run(["export", "--db", path, "--out", out.path, "safety-priorities"])

        #expect(run.status == 0, "\(run.standardError)")
        func total(_ table: String) throws -> Substring? {
            let text = try String(contentsOf: out.appendingPathComponent("tables/\(table).csv"), encoding: .utf8)
            return text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("total,") }?.split(separator: ",")[1]
        }
        #expect(try total("reach.channel") == "341")
        #expect(try total("concerns") == "341")
        #expect(try total("years-here") == "SUPPRESSED")
    }

    @Test func aReleaseAfterFewerThanKNewResponsesIsRefusedUntilKHaveComeIn() async throws {
        let (survey, database) = try Self.registered()
        try Self.add(300, to: database, survey: survey, seed: 5)
        let first = try StoreCommandTests.folder().appendingPathComponent("first")
        let firstRun = try await ChorusProcess.run(["export", "--db", database.path, "--out", first.path, survey.id])
        #expect(firstRun.status == 0, "\(firstRun.standardError)")

        // Such a release would withhold how many responded and most counts, and every later one
        // would be checked against it: a third export after one used to search for hours.
        try Self.add(4, to: database, survey: survey, seed: 6)
        let second = try StoreCommandTests.folder().appendingPathComponent("second")
        let refused = try await ChorusProcess.run(["export", "--db", database.path, "--out", second.path, survey.id])

        #expect(refused.status == 75, "\(refused.standardError)")
        let month = String(LocalDay.now().day.description.prefix(7))
        #expect(
            refused.standardError.contains(
                "chorus: error: only 4 responses have come in since release \(month) #1, fewer than 11; a release "
                    + "now would have to withhold how many responded and nearly every other count. That release "
                    + "still stands; export again after 7 more responses\n"),
            "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: second.path))
        #expect(try database.releaseLedgers(surveyID: survey.id, version: survey.version).count == 1)

        try Self.add(7, to: database, survey: survey, seed: 7)
        let secondRun = try await ChorusProcess.run(["export", "--db", database.path, "--out", second.path, survey.id])
        #expect(secondRun.status == 0, "\(secondRun.standardError)")
        let total = try String(contentsOf: second.appendingPathComponent("tables/reach.channel.csv"), encoding: .utf8)
        #expect(total.contains("total,311"), "\(total)")
    }

    @Test func aSecondReleaseAfterMoreResponsesIsCheckedAgainstTheFirst() async throws {
        let (survey, database) = try Self.registered()
        let path = database.path
        try Self.add(300, to: database, survey: survey, seed: 5)
        let first = try StoreCommandTests.folder().appendingPathComponent("first")
        let firstRun = try await ChorusProcess.run(["export", "--db", path, "--out", first.path, survey.id])
        #expect(firstRun.status == 0, "\(firstRun.standardError)")

        try Self.add(150, to: database, survey: survey, seed: 6)
        let second = try StoreCommandTests.folder().appendingPathComponent("second")
        let secondRun = try await ChorusProcess.run(["export", "--db", path, "--out", second.path, survey.id])

        #expect(secondRun.status == 0, "\(secondRun.standardError)")
        let log = try String(contentsOf: second.appendingPathComponent("disclosure-log.json"), encoding: .utf8)
        #expect(log.contains("\"earlierReleases\": 1"))
        let again = try await ChorusProcess.run(["export", "--db", path, "--out", second.path, survey.id])
        #expect(again.status == 0, "\(again.standardError)")
        #expect(again.standardOutput.contains("already holds this release"))
    }

    @Test func aSecondReleaseInTheSameMonthGoesBesideTheFirstUnderItsNumber() async throws {
        let (survey, database) = try Self.registered()
        let folder = try StoreCommandTests.folder()
        try Self.add(300, to: database, survey: survey, seed: 7)
        let first = try await ChorusProcess.run(["export", "--db", database.path, survey.id], in: folder)
        #expect(first.status == 0, "\(first.standardError)")

        try Self.add(150, to: database, survey: survey, seed: 8)
        let second = try await ChorusProcess.run(["export", "--db", database.path, survey.id], in: folder)

        #expect(second.status == 0, "\(second.standardError)")
        let month = String(LocalDay.now().day.description.prefix(7))
        let name = "Exports/\(survey.id)-\(month)"
        #expect(second.standardOutput.hasPrefix("wrote \(name)-2/:"), "\(second.standardOutput)")
        let package = try String(
            contentsOf: folder.appendingPathComponent("\(name)-2/datapackage.json"), encoding: .utf8)
        #expect(package.contains("\"name\": \"\(survey.id)-v\(survey.version)-\(month)-2\""))
        let again = try await ChorusProcess.run(["export", "--db", database.path, survey.id], in: folder)
        #expect(again.standardOutput == "\(name)-2/ already holds this release; nothing changed\n")
    }
}
