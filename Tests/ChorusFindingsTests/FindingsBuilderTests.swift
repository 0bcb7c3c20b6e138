import ChorusCore
import ChorusStore
import Foundation
import Testing

@testable import ChorusFindings

/// Building a release from a real SQLite file: what is counted, in which tables, and how.
@Suite struct FindingsBuilderTests {
    /// 60 responses where every count is comfortably large, so nothing needs suppressing.
    static func largeEntries() -> [FindingsFixtures.Entry] {
        var entries: [FindingsFixtures.Entry] = []
        for index in 0..<60 {
            var answers: [String: Answer] = [
                "area": .choice(index % 2 == 0 ? "north" : "south"),
                "concerns": .choices(index % 3 == 0 ? ["traffic", "lighting"] : ["lighting", "traffic"]),
                "services": .choices(["parks"]),
                "safe-night": .number(3),
                "join": .yesNo(index % 4 < 2),
                "visits": .number(Double(index % 2 == 0 ? 2 : 12)),
            ]
            if index < 30 { answers["idea"] = .text("more lights") }
            if index % 2 == 0 { answers["age"] = .choice("young") }
            entries.append(
                FindingsFixtures.Entry(
                    answers: answers, channel: index < 36 ? .kiosk : .sms, site: index < 36 ? "Library" : nil))
        }
        return entries
    }

    @Test func aNumbersRangesStayAsAnEarlierReleaseDrewThem() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Self.largeEntries(), to: database, survey: survey)
        // As releases before ranges were round drew them: each up to the next one's lower end.
        let old = ["0-4", "4-8", "8-12", "12-16", "16-20"]
        try database.record(
            ReleaseLedger(
                surveyID: survey.id, surveyVersion: survey.version, sequence: 1, month: "2026-10", threshold: 11,
                reason: nil, counts: old.map { LedgerCount(key: "q.visits=\($0)", value: nil) }, relations: []))

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.table("visits")?.dimensions.last?.values.map(\.code) == old + ["total"])
        #expect(release.cell("visits", "0-4")?.count == .count(30))
        #expect(release.cell("visits", "12-16")?.count == .count(30))
    }

    @Test func aRankingsNamedCountsAreKnownToAddUpToItsPicksForEachPlaceAndEachGroup() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Self.largeEntries(), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)
        let relations = try #require(release.ledger?.relations).filter(\.isEquality).map { relation in
            Set(relation.terms.map { "\($0.coefficient) \($0.key)" })
        }

        // What a reader who knows "rank 2" works out: a row's named counts, halved, are its people.
        for group in ["", "|by.area=north", "|channel=kiosk"] {
            let named = ["traffic", "lighting", "noise"].map { "1 q.concerns=\($0)\(group)" }
            #expect(relations.contains(Set(named + ["-2 q.concerns\(group)"])), "\(group)")
        }
        // And every place of every ranking is filled.
        #expect(relations.contains(["1 q.concerns@2", "-1 q.concerns"]))
    }

    @Test func aQuestionShownForSomeAnswersIsKnownToCountSomeOfThoseWhoGaveThemInEachGroup() throws {
        var survey = FindingsFixtures.everyKind
        let why = try Question(
            id: "why", kind: .yesNo, prompt: FindingsFixtures.text("Is it the lighting?"), isRequired: true,
            showIf: Expression(parsing: "safe-night <= 2"))
        let maybe = try Question(
            id: "which", kind: .yesNo, prompt: FindingsFixtures.text("Is it traffic?"),
            showIf: Expression(parsing: "selected(concerns, 'traffic')"))
        // Area must be answered, so that no one left out is shown this, though '' != 'east'.
        let far = try Question(
            id: "far", kind: .yesNo, prompt: FindingsFixtures.text("Is it far?"),
            showIf: Expression(parsing: "area != 'east'"))
        survey.questions.insert(contentsOf: [why, maybe, far], at: 5)
        let database = try FindingsFixtures.database(for: survey)
        let entries = Self.largeEntries().enumerated().map { index, entry in
            var entry = entry
            if index % 4 == 0 {
                entry.answers["safe-night"] = .number(1)
                entry.answers["why"] = .yesNo(true)
            }
            if index % 3 == 0 { entry.answers["which"] = .yesNo(false) }
            if entry.answers["area"] != .choice("east") { entry.answers["far"] = .yesNo(index % 2 == 0) }
            return entry
        }
        try FindingsFixtures.save(entries, to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)
        let relations = try #require(release.ledger?.relations).map { relation in
            "\(relation.isEquality ? "=" : "≤") "
                + relation.terms.map { "\($0.coefficient) \($0.key)" }.sorted().joined(separator: " ")
        }

        let keys = Set(try #require(release.ledger?.counts).map(\.key))

        // Required, so all who rated 1 or 2 answered it; "which" only some who named traffic; in
        // everyone and in each group whose breakdowns the release has.
        let groups = keys.filter { $0.hasPrefix("q.why|") }.map { String($0.dropFirst("q.why".count)) }
        #expect(groups.count > 2)
        for group in [""] + groups where keys.contains("q.safe-night=1\(group)") {
            #expect(
                relations.contains("= -1 q.safe-night=1\(group) -1 q.safe-night=2\(group) 1 q.why\(group)"), "\(group)")
        }
        for group in [""] + groups where keys.contains("q.which\(group)") && keys.contains("q.concerns=traffic\(group)")
        {
            #expect(relations.contains("≤ -1 q.concerns=traffic\(group) 1 q.which\(group)"), "\(group)")
        }
        #expect(
            relations.contains("≤ -1 q.area=north -1 q.area=south 1 q.far"),
            "\(relations.filter { $0.contains("q.far") })")
    }

    @Test func aSmallGroupWhereNoOneAnsweredHasNoZeroThatSaysSo() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        var entries = Self.largeEntries()
        // Two at the annex, who answered only where they live.
        for _ in 0..<2 {
            entries.append(FindingsFixtures.Entry(answers: ["area": .choice("north")], channel: .kiosk, site: "Annex"))
        }
        try FindingsFixtures.save(entries, to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.cell("reach.site", "Annex")?.count == .suppressed)
        for question in ["join", "safe-night", "services"] {
            let answered = release.cell("\(question).by-site", "Annex", "total")?.count
            #expect(answered == nil || answered == .suppressed, "\(question): \(String(describing: answered))")
        }
    }

    @Test func countsEveryQuestionOnceInItsOwnTable() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Self.largeEntries(), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.reach.respondents == .count(60))
        #expect(release.cell("area", "north")?.count == .count(30))
        #expect(release.cell("area", "east")?.count == .count(0))
        #expect(release.cell("area", "total")?.count == .count(60))
        #expect(release.cell("concerns", "traffic")?.count == .count(60))
        #expect(release.cell("concerns.positions", "1", "traffic")?.count == .count(20))
        #expect(release.cell("concerns.positions", "1", "lighting")?.count == .count(40))
        #expect(release.cell("services", "parks")?.count == .count(60))
        #expect(release.cell("safe-night", "3")?.count == .count(60))
        #expect(release.cell("join", "yes")?.count == .count(30))
        #expect(release.cell("visits", "0-4")?.count == .count(30))
        #expect(release.cell("visits", "10-14")?.count == .count(30))
        #expect(release.cell("age", "missing") == nil)
        #expect(release.cell("age", "total")?.count == .count(30))
        #expect(release.freeText == FreeTextSummary(questionIDs: ["idea"], answers: .count(30)))
        #expect(release.table("note") == nil)
        #expect(release.table("idea") == nil)
        #expect(release.period == MonthRange(first: Month("2026-11")!, last: Month("2026-11")!))
        #expect(release.disclosure.suppressedCounts == 0)
        // The codebook says which range a boundary value such as 4 is counted in.
        let codebook = try #require(release.files(survey: survey, language: "en").first { $0.path == "codebook.md" })
        #expect(String(decoding: codebook.bytes, as: UTF8.self).contains("each range holds both its ends"))
    }

    @Test func breaksQuestionsDownByQuasiIdentifiersChannelAndSite() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Self.largeEntries(), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(
            release.tables.map(\.id).prefix(8) == [
                "reach.channel", "reach.site", "reach.language", "area", "area.by.age", "area.by-channel",
                "area.by-site", "age",
            ])
        // Two quasi-identifiers are crossed once, the earlier by the later.
        #expect(release.table("age.by.area") == nil)
        #expect(release.cell("join.by.area", "north", "yes")?.count == .count(15))
        #expect(release.cell("join.by.area", "north", "total")?.count == .count(30))
        #expect(release.cell("join.by.area", "total", "yes")?.count == .count(30))
        #expect(release.cell("join.by-channel", "sms", "no")?.count == .count(12))
        #expect(release.cell("join.by-site", "missing", "total")?.count == .count(24))
        #expect(release.cell("area.by.age", "missing", "south")?.count == .count(30))
        #expect(release.cell("reach.channel", "kiosk")?.count == .count(36))
    }

    @Test func sharesComeFromPublishedCountsWithWilsonIntervals() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Self.largeEntries(), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        let share = try #require(release.cell("join", "yes")?.share)
        #expect(share.count == 30 && share.total == 60)
        #expect(abs(share.lower - 0.3773) < 1e-4 && abs(share.upper - 0.6227) < 1e-4)
        #expect(release.cell("join", "total")?.share == nil)
    }

    @Test func buildingTwiceFromTheSameDataGivesTheSameRelease() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        var rng = SplitMix64(seed: 7)
        let entries = Self.largeEntries().map { entry in
            var entry = entry
            if Bool.random(using: &rng) { entry.answers["area"] = .choice("east") }
            return entry
        }
        try FindingsFixtures.save(entries, to: database, survey: survey)

        let first = try FindingsFixtures.build(survey, database)
        let second = try FindingsFixtures.build(survey, database)
        #expect(first == second)

        // And recording it does not change what the next build of the same data publishes
        try database.recordRelease(first)
        let third = try FindingsFixtures.build(survey, database)
        #expect(third == first)
        try database.recordRelease(third)
        #expect(try database.releaseLedgers(surveyID: survey.id, version: survey.version).count == 1)
    }

    @Test func aSecondReleaseInTheSameMonthHasADataPackageNameAndIdOfItsOwn() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        let entries = Self.largeEntries()
        try FindingsFixtures.save(Array(entries.prefix(30)), to: database, survey: survey)
        let first = try FindingsFixtures.build(survey, database)
        try database.recordRelease(first)
        try FindingsFixtures.save(Array(entries.suffix(30)), to: database, survey: survey)
        let second = try FindingsFixtures.build(survey, database)

        func package(_ release: FindingsRelease) throws -> [String: Any] {
            let file = try #require(
                release.files(survey: survey, language: "en").first { $0.path == "datapackage.json" })
            return try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        }
        let (before, after) = (try package(first), try package(second))
        let id = survey.id.lowercased()
        #expect(before["name"] as? String == "\(id)-v\(survey.version)-2026-11")
        #expect(after["name"] as? String == "\(id)-v\(survey.version)-2026-11-2")
        #expect(before["id"] as? String == "urn:chorus:release:\(survey.id):\(survey.version):2026-11")
        #expect(after["id"] as? String == "urn:chorus:release:\(survey.id):\(survey.version):2026-11:2")
    }

    @Test func exportingAgainAfterAReleaseThatGrewByFewerThanKGivesThatReleaseAgain() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        let entries = Self.largeEntries()
        try FindingsFixtures.save(Array(entries.prefix(55)), to: database, survey: survey)
        try database.recordRelease(try FindingsFixtures.build(survey, database))
        // Five more: the totals grew by fewer than k, so the second release withholds them.
        try FindingsFixtures.save(Array(entries.suffix(5)), to: database, survey: survey)
        let second = try FindingsFixtures.build(survey, database)
        #expect(second.disclosure.suppressedCounts > 0)
        try database.recordRelease(second)

        let again = try FindingsFixtures.build(survey, database)

        #expect(again == second)
        try database.recordRelease(again)
        #expect(try database.releaseLedgers(surveyID: survey.id, version: survey.version).count == 2)
    }

    @Test func anEmptySurveyGivesZerosAndNoPeriod() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.reach.respondents == .count(0))
        #expect(release.period == nil)
        #expect(release.publishedCounts.allSatisfy { $0 == 0 })
    }

    @Test func aHandfulOfResponsesGivesAReleaseWithoutTheRankingsItCannotPublish() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(Array(Self.largeEntries().prefix(4)), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.reach.respondents == .suppressed)
        // The positions a Borda count is made of are too sparse to show, so there is no ranking
        // of concerns; one of services comes from its own table, every count of it withheld.
        #expect(release.disclosure.withheldTables.contains(WithheldTable(id: "concerns.positions", reason: .sparse)))
        #expect(release.priorities.map(\.questionID) == ["services"])
        #expect(release.priorities.first?.ballots == .suppressed)
        #expect(release.publishedCounts.allSatisfy { $0 == 0 })
    }

    @Test func answersThatDoNotFitTheSurveyAreRefusedNamingTheQuestion() throws {
        let survey = FindingsFixtures.everyKind
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(
            [FindingsFixtures.Entry(answers: ["area": .choice("west")])], to: database, survey: survey)

        #expect(throws: FindingsError.answersDoNotFit(question: "area", survey: survey)) {
            try FindingsFixtures.build(survey, database)
        }
    }
}
