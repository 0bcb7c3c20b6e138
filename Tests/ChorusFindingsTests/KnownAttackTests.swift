import ChorusCore
import ChorusStore
import Testing

@testable import ChorusFindings

/// The attacks disclosure control exists for, each on a fixed population, and those the property
/// tests found.
@Suite struct KnownAttackTests {
    typealias Population = DisclosurePropertyTests.Population

    static func release(_ population: Population, database: ChorusDatabase? = nil, month: String = "2026-11") throws
        -> (FindingsRelease, ChorusDatabase)
    {
        let survey = population.survey
        let database = try database ?? FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)
        return (
            try FindingsFixtures.build(survey, database, k: population.k, month: month, showingSparseTables: true),
            database
        )
    }

    @Test func aSmallCellCannotBeRecoveredBySubtractionFromItsRowOrColumn() throws {
        // north: yes 3, no 20; south: yes 15, no 12. Publishing all but the 3 would give it away
        // as north's 23 minus 20, or yes's 18 minus 15.
        let population = Population(
            areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk"], joint: [3, 20, 15, 12], k: 11)
        let (release, _) = try Self.release(population)

        #expect(release.cell("q.by.area", "north", "yes")?.count == .suppressed)
        let row = ["no", "total"].map { release.cell("q.by.area", "north", $0)?.count }
        let column = ["south", "total"].map { release.cell("q.by.area", $0, "yes")?.count }
        #expect(row.contains(.suppressed) && column.contains(.suppressed))
        #expect(population.attacker.disclosures(in: release, k: 11, truth: population.joint) == [])
        #expect(release.publishedCounts.allSatisfy { $0 == 0 || $0 >= 11 })
    }

    @Test func aGroupTooSmallToPublishShowsNoZeroThatSaysWhatAllOfItAnswered() throws {
        // East has 2 respondents, both "yes": a published 0 for east's "no" beside its withheld
        // total would say so, and so would a withheld 0 the column's total gives away.
        let population = Population(
            areas: ["north", "south", "east"], answers: ["yes", "no"], channels: ["kiosk"],
            joint: [20, 20, 15, 15, 2, 0], k: 11)
        let survey = population.survey
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)

        for showingSparseTables in [false, true] {
            let release = try FindingsFixtures.build(survey, database, showingSparseTables: showingSparseTables)

            #expect(release.cell("q.by.area", "east", "total")?.count == .suppressed)
            #expect(release.cell("q.by.area", "east", "no")?.count == .suppressed)
            let completions = try #require(population.attacker.completions(of: release))
            #expect(
                population.attacker.attributeDisclosures(
                    in: release, k: 11, truth: population.joint, completions: completions) == [])
            #expect(population.attacker.disclosures(in: release, k: 11, truth: population.joint) == [])
        }
    }

    @Test func aGroupUnderTwiceKShowsNoZeroThatSaysWhatAllOfItAnswered() throws {
        // East's 16 all said "yes". Its size may be published, but a 0 beside it says what every
        // one of them answered, as a "100%" would, which the report already will not print.
        let population = Population(
            areas: ["north", "south", "east"], answers: ["yes", "no"], channels: ["kiosk"],
            joint: [20, 20, 15, 15, 16, 0], k: 11)
        let (release, _) = try Self.release(population)

        #expect(release.cell("q.by.area", "east", "total")?.count == .count(16))
        #expect(release.cell("q.by.area", "east", "no")?.count == .suppressed)
        #expect(release.cell("q.by.area", "east", "yes")?.count == .suppressed)
        let completions = try #require(population.attacker.completions(of: release))
        #expect(
            population.attacker.attributeDisclosures(
                in: release, k: 11, truth: population.joint, completions: completions) == [])
        #expect(population.attacker.disclosures(in: release, k: 11, truth: population.joint) == [])
    }

    @Test func anAnswerNoOneGaveDoesNotWithholdTheBreakdownOfASmallGroup() throws {
        // No one said "unsure", so east's 0 for it is everyone's 0, not a fact about east's two.
        // The audit used to demand that 0 be hidden, withholding count after count in search of
        // a way; on a real survey of 3,000 responses, one of them skipping a question others are
        // broken down by, the export ran for over ten minutes.
        let population = Population(
            areas: ["north", "south", "east"], answers: ["yes", "no", "unsure"], channels: ["kiosk"],
            joint: [20, 14, 0, 15, 12, 0, 2, 0, 0], k: 11)
        let (release, _) = try Self.release(population)

        #expect(release.table("q.by.area") != nil)
        #expect(release.cell("q.by.area", "east", "total")?.count == .suppressed)
        #expect(release.cell("q.by.area", "total", "unsure")?.count == .count(0))
        #expect(release.cell("q.by.area", "north", "total")?.count == .count(34))
        let completions = try #require(population.attacker.completions(of: release))
        #expect(
            population.attacker.attributeDisclosures(
                in: release, k: 11, truth: population.joint, completions: completions) == [])
        #expect(population.attacker.disclosures(in: release, k: 11, truth: population.joint) == [])
    }

    @Test func aGroupSizeWithheldInItsOwnTableIsWithheldInEveryBreakdownToo() throws {
        // Everyone answered q, though the survey does not require it, so each area's total in
        // q.by.area is the area's own count: east's 2 is withheld, and with it another area,
        // which the breakdown used to show all the same.
        let population = Population(
            areas: ["north", "south", "east"], answers: ["yes", "no"], channels: ["kiosk"],
            joint: [12, 14, 11, 13, 2, 0], k: 11)
        let survey = FindingsFixtures.survey([
            FindingsFixtures.single("area", population.areas, quasiIdentifier: true),
            FindingsFixtures.single("q", population.answers, required: false),
        ])
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database)

        #expect(release.cell("area", "east")?.count == .suppressed)
        for area in population.areas {
            #expect(release.cell("q.by.area", area, "total")?.count == release.cell("area", area)?.count, "\(area)")
        }
    }

    @Test func twoBreakdownsSharingAMarginShowItTheSameWayAndGiveNothingAway() throws {
        // With k = 5, the one who texted "yes" is small in the breakdown by channel, whose "yes"
        // total is also the total row of the breakdown by area and the question's own count.
        let population = Population(
            areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk", "sms"],
            joint: [3, 1, 3, 2, 3, 0, 2, 3], k: 5)
        let (release, _) = try Self.release(population)

        for answer in ["yes", "no", "total"] {
            let shown = [
                release.cell("q", answer)?.count, release.cell("q.by.area", "total", answer)?.count,
                release.cell("q.by-channel", "total", answer)?.count,
            ]
            #expect(Set(shown.map { $0 ?? .suppressed }).count == 1, "\(answer): \(shown)")
        }
        #expect(release.cell("q.by-channel", "sms", "yes")?.count == .suppressed)
        #expect(population.attacker.disclosures(in: release, k: 5, truth: population.joint) == [])
    }

    @Test func aSecondReleaseAfterAFewMoreResponsesDoesNotCountThem() throws {
        // 48 responses, every count large; then 3 more, all from the north saying yes.
        let population = Population(
            areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk"], joint: [12, 12, 12, 12], k: 11)
        let (first, database) = try Self.release(population, month: "2026-10")
        #expect(first.disclosure.suppressedCounts == 0)
        try database.recordRelease(first)

        var more = population
        more.joint = [3, 0, 0, 0]
        let (second, _) = try Self.release(more, database: database)

        // The naive second release would show 51 respondents, 3 more than 48.
        #expect(second.reach.respondents == .suppressed)
        #expect(second.cell("q.by.area", "north", "yes")?.count == .suppressed)
        #expect(second.disclosure.earlierReleases == 1)
        #expect(second.disclosure.respondentsSinceLastRelease == nil, "the 3 would be counted")
        #expect(population.attacker.disclosures(first: first, second: second, k: 11) == [])
        for count in second.publishedCounts { #expect(count == 0 || count >= 11) }
    }

    /// A third release after two recorded ones, as after a merge, where every audit round faces
    /// the unknowns of all three releases; it used to search everything again each round.
    @Test func aThirdReleaseAfterTwoRecordedOnesIsCheckedAgainstBoth() throws {
        let population = Population(
            areas: ["north", "south", "east"], answers: ["yes", "no"], channels: ["kiosk", "sms"],
            joint: [9, 3, 7, 2, 12, 4, 6, 1, 3, 0, 2, 5], k: 11)
        let survey = population.survey
        let database = try FindingsFixtures.database(for: survey)
        let months = ["2026-09", "2026-10", "2026-11"]
        let batches = [population.joint, [4, 0, 2, 3, 1, 6, 0, 2, 5, 1, 0, 3], [7, 2, 0, 1, 9, 3, 2, 0, 1, 4, 3, 2]]
        var releases: [FindingsRelease] = []
        for (month, batch) in zip(months, batches) {
            try FindingsFixtures.save(population.entries(batch), to: database, survey: survey)
            let release = try FindingsFixtures.build(survey, database, month: month, showingSparseTables: true)
            try database.recordRelease(release)
            releases.append(release)
        }

        #expect(releases[2].disclosure.earlierReleases == 2)
        #expect(releases[2].publishedCounts.allSatisfy { $0 == 0 || $0 >= 11 })
    }

    @Test func enoughNewResponsesArePublishedAgain() throws {
        let population = Population(
            areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk"], joint: [12, 12, 12, 12], k: 11)
        let (first, database) = try Self.release(population, month: "2026-10")
        try database.recordRelease(first)

        var more = population
        more.joint = [11, 11, 11, 11]
        let (second, _) = try Self.release(more, database: database)

        #expect(second.reach.respondents == .count(92))
        #expect(second.disclosure.respondentsSinceLastRelease == 44)
        #expect(second.disclosure.suppressedCounts == 0)
        #expect(population.attacker.disclosures(first: first, second: second, k: 11) == [])
    }

    /// Two releases of area by answer, k = 10. The second publishes south's total (14) and the
    /// answer totals (12 yes, 14 no); with the first release and counts that only grow, south's
    /// "no" (3) is held between 2 and 7 unless more is withheld. Its linear program needs phase
    /// one to drive artificial columns out of the basis, which once corrupted the tableau.
    ///
    /// The first release used to publish north's "yes" and south's "no" as 0, which said what all
    /// seven in each group answered; now that those are withheld, it gives the second less to pin
    /// south's "no" with, so the attacker who holds both releases is what decides.
    @Test func aSecondReleaseCannotPinACellBetweenItsTotals() throws {
        let population = DisclosurePropertyTests.Population(
            areas: ["north", "south", "east"], answers: ["yes", "no"], channels: ["kiosk"],
            joint: [0, 7, 7, 0, 0, 0], k: 10)
        let survey = population.survey
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)
        let first = try FindingsFixtures.build(survey, database, k: 10, month: "2026-10", showingSparseTables: true)
        try database.recordRelease(first)
        try FindingsFixtures.save(population.entries([0, 2, 4, 3, 1, 2]), to: database, survey: survey)

        let second = try FindingsFixtures.build(survey, database, k: 10, showingSparseTables: true)

        #expect(first.cell("q.by.area", "south", "no")?.count == .suppressed)
        #expect(
            population.attacker.disclosures(first: first, second: second, k: 10) == [],
            "\(second.tables.map { ($0.id, $0.cells.map(\.count)) })")
    }

    /// North's "no" is withheld in the first release (5), published in the second (13) and
    /// withheld in the third, which adds 3. What it grew by from the first to the third is what it
    /// grew by to the second and then from there, each checked in its own pair; checked whole, its
    /// two releases were unrelated unknowns that nothing could bound, and the third release
    /// withheld everything around it trying.
    @Test func aCountPublishedInBetweenSplitsWhatItGrewByIntoTwoChecks() throws {
        let population = Population(
            areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk"], joint: [12, 5, 12, 12], k: 11)
        let survey = population.survey
        let database = try FindingsFixtures.database(for: survey)
        var releases: [FindingsRelease] = []
        let batches = [population.joint, [11, 8, 11, 11], [11, 3, 11, 11]]
        for (month, batch) in zip(["2026-09", "2026-10", "2026-11"], batches) {
            try FindingsFixtures.save(population.entries(batch), to: database, survey: survey)
            let release = try FindingsFixtures.build(survey, database, month: month, showingSparseTables: true)
            try database.recordRelease(release)
            releases.append(release)
        }

        #expect(releases[0].cell("q.by.area", "north", "no")?.count == .suppressed)
        #expect(releases[1].cell("q.by.area", "north", "no")?.count == .count(13))
        #expect(releases[2].cell("q.by.area", "north", "no")?.count == .suppressed)
        #expect(
            releases[2].disclosure.suppressedCounts < 6,
            "\(releases[2].tables.map { ($0.id, $0.cells.map(\.count)) })")
    }

    /// The helpers' case, at k = 5: the first release withheld east (5) and west (2), whose sum,
    /// 7, is the total less north and south. Published in the second as 6 and 5, each could have
    /// grown by anything from 0 to 4, but together they grew by exactly 4: four new respondents
    /// live in the east or the west.
    @Test func countsWithheldTogetherAreNotPublishedAfterTooFewMoreJoinThem() throws {
        let population = Population(
            areas: ["north", "south", "east", "west"], answers: ["yes", "no"], channels: ["kiosk"],
            joint: [7, 0, 6, 0, 5, 0, 2, 0], k: 5)
        let (first, database) = try Self.release(population, month: "2026-10")
        #expect(first.cell("area", "east")?.count == .suppressed)
        #expect(first.cell("area", "west")?.count == .suppressed)
        try database.recordRelease(first)

        var more = population
        more.joint = [5, 0, 0, 0, 1, 0, 3, 0]
        let (second, _) = try Self.release(more, database: database)

        let published = ["east", "west"].compactMap { second.cell("area", $0)?.count.value }
        #expect(published.count < 2, "\(published)")
        #expect(population.attacker.disclosures(first: first, second: second, k: 5) == [])
    }
}
