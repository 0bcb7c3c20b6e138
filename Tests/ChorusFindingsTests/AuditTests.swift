import ChorusStore
import Testing

@testable import ChorusFindings

/// The audit on hand-made statistics: what it refuses even when suppression let it through.
@Suite struct AuditTests {
    /// A group of two who both said "yes", beside a group of 20 who all said "no".
    static func twoGroups() -> (StatisticSet, total: Int, no: Int) {
        var statistics = StatisticSet()
        let total = statistics.add("q|g=small", 2)
        let yes = statistics.add("q=yes|g=small", 2)
        let no = statistics.add("q=no|g=small", 0)
        statistics.sum(total, [yes, no])
        statistics.group(total, [yes, no])
        let other = statistics.add("q=no|g=large", 20)
        let column = statistics.add("q=no", 20)
        statistics.sum(column, [no, other])
        return (statistics, total, no)
    }

    @Test func aPublishedZeroOfAGroupUnderKFailsTheAudit() throws {
        let (statistics, _, no) = Self.twoGroups()
        var suppressed = [Bool](repeating: false, count: statistics.statistics.count)
        suppressed[0] = true
        suppressed[1] = true

        let audit = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])

        #expect(try audit.failures() == [.count(.current(no))])
    }

    @Test func aWithheldZeroOfAGroupUnderKThatTheTotalsPinFailsTheAudit() throws {
        let (statistics, _, no) = Self.twoGroups()
        var suppressed = [Bool](repeating: false, count: statistics.statistics.count)
        for id in 0...2 { suppressed[id] = true }

        // "no" is 20 minus the large group's 20: withheld, but worked out all the same.
        let pinned = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])
        #expect(try pinned.failures() == [.count(.current(no))])

        // With the large group's "no" and the column withheld too, it could be anything up to 2.
        for id in suppressed.indices { suppressed[id] = true }
        let hidden = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])
        #expect(try hidden.failures().contains(.count(.current(no))) == false)
    }

    @Test func aCountOfTheSamePeopleAsAWithheldOneFailsTheAuditHoweverLarge() throws {
        // Everyone in the north answered q: its total there is the north's own 40.
        var statistics = StatisticSet()
        let north = statistics.add("q.area=north", 40)
        let answered = statistics.add("q.q|by.area=north", 40)
        statistics.subset(answered, of: north)
        var suppressed = [false, false]
        suppressed[north] = true

        let audit = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])

        #expect(try audit.failures() == [.count(.current(answered))])
        suppressed[answered] = true
        #expect(try Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: []).failures() == [])
    }

    @Test func anAuditAfterWithholdingMoreSearchesOnlyWhatIsNewOrStillFailing() throws {
        let (statistics, _, no) = Self.twoGroups()
        var suppressed = [Bool](repeating: false, count: statistics.statistics.count)
        for id in 0...2 { suppressed[id] = true }
        var progress = Audit.Progress()

        let first = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])
        var told: [Int] = []
        #expect(
            try first.failures(progress: &progress) { done, total in told.append(total - done) } == [
                .count(.current(no))
            ])
        // The count of checks left falls by one each time, to none.
        #expect(told.count > 3 && told == Array((0..<told.count).reversed()), "\(told)")
        // The small group's total and "yes" (both 2), and its pinned 0.
        #expect(progress.searched == 3)
        #expect(progress.provenSafe.count == 2)

        // Withholding the large group's "no" (20) and the column's total (20) adds nothing to
        // search but the 0 that failed: large counts need no search, and what was safe stays so.
        for id in suppressed.indices { suppressed[id] = true }
        let second = Audit(statistics: statistics, suppressed: suppressed, threshold: 11, earlier: [])
        #expect(try second.failures(progress: &progress) == [])
        #expect(progress.searched == 4)
        #expect(progress.provenSafe.count == 3)
    }

    /// One line of areas, its total and each area's count, and its earlier releases, each with
    /// the areas it withheld.
    static func areaReleases(_ releases: [(counts: [Int], withheld: Set<String>)]) -> [EarlierRelease] {
        releases.enumerated().map { index, release in
            earlierRelease(areas(release.counts), withholding: release.withheld, sequence: index + 1)
        }
    }

    /// `statistics` as the ledger of release number `sequence` recorded them, with `withheld` keys withheld.
    static func earlierRelease(_ statistics: StatisticSet, withholding withheld: Set<String>, sequence: Int = 1)
        -> EarlierRelease
    {
        EarlierRelease(
            ReleaseLedger(
                surveyID: "safety", surveyVersion: 1, sequence: sequence, month: "2026-0\(sequence)",
                threshold: .default, statistics: statistics,
                suppressed: statistics.statistics.map { withheld.contains($0.key) }))
    }

    static func areas(_ counts: [Int]) -> StatisticSet {
        var statistics = StatisticSet()
        let total = statistics.add("area", counts.reduce(0, +))
        let parts = zip(["north", "south", "east", "west"], counts).map { statistics.add("area=\($0)", $1) }
        statistics.sum(total, parts)
        return statistics
    }

    @Test func whatCountsWithheldTogetherGrewByIsAsSmallACountAsEitherOne() throws {
        // The first release withheld east (15) and west (8), whose sum, 23, is 60 minus north and
        // south. Published now as 17 and 11, they say that 5 of the new respondents live in the
        // east or the west, though neither count's own growth can be told (0 to 5 each).
        let earlier = Self.areaReleases([([20, 17, 15, 8], ["area=east", "area=west"])])
        let now = Self.areas([31, 17, 17, 11])
        let east = try #require(now.id(of: "area=east"))
        let west = try #require(now.id(of: "area=west"))
        var suppressed = [Bool](repeating: false, count: now.statistics.count)

        let published = Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier)
        #expect(
            try published.failures() == [
                .sumChange(
                    from: [.earlier(release: 0, position: 1), .earlier(release: 0, position: 4)],
                    to: [.current(east), .current(west)])
            ])

        // Withheld now too, beside a published north and south, their sum is still 28: no better.
        suppressed[east] = true
        suppressed[west] = true
        let together = Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier)
        #expect(try together.failures().isEmpty == false)

        // South, withheld as well, grew by 0, so the three grew by 5 too. North grew by 11: withheld
        // instead, the three could have grown by anything from 0 to 16.
        suppressed[try #require(now.id(of: "area=south"))] = true
        #expect(try Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier).failures() != [])
        suppressed[try #require(now.id(of: "area=south"))] = false
        suppressed[try #require(now.id(of: "area=north"))] = true
        let wider = try Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier).failures()
        #expect(wider == [], "\(wider)")
    }

    @Test func whatCountsWithheldTogetherGrewByIsNotCheckedAcrossAReleaseThatPublishedThem() throws {
        // The second release published east and west; from the first to this one, what they grew
        // by together is what they grew by from the second, plus what the first two releases
        // already told. The second release's own audit answered for the first part.
        let earlier = Self.areaReleases([
            ([20, 17, 15, 8], ["area=east", "area=west"]), ([20, 17, 17, 11], []),
        ])
        let now = Self.areas([40, 37, 30, 30])
        var suppressed = [Bool](repeating: false, count: now.statistics.count)
        for key in ["area=east", "area=west", "area=south"] { suppressed[try #require(now.id(of: key))] = true }

        let failures = try Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier).failures()
        #expect(failures == [], "\(failures)")
    }

    /// Two groups of respondents, both withheld beside their published total, and how many in each
    /// answered `q`, published: at most the group.
    static func groupsWhoAnswered(group: Int, other: Int, answered: Int, otherAnswered: Int) -> StatisticSet {
        var statistics = StatisticSet()
        let total = statistics.add("g", group + other)
        let sizes = [statistics.add("g=small", group), statistics.add("g=large", other)]
        statistics.sum(total, sizes)
        for (size, (count, key)) in zip(sizes, zip([answered, otherAnswered], ["q|g=small", "q|g=large"])) {
            statistics.subset(statistics.add(key, count), of: size)
        }
        return statistics
    }

    @Test func whatAGroupGrewByIsBoundedByWhatThoseInItWhoAnsweredGrewBy() throws {
        // 6 more respondents, 3 more answering in each group: each group grew by at least 3, so
        // the small one by exactly 3, though on its own it could be anything from 6 to 12 before
        // and 9 to 15 now.
        let before = Self.groupsWhoAnswered(group: 10, other: 30, answered: 6, otherAnswered: 28)
        let withheld = Set(["g=small", "g=large"])
        let earlier = [Self.earlierRelease(before, withholding: withheld)]
        let now = Self.groupsWhoAnswered(group: 13, other: 33, answered: 9, otherAnswered: 31)
        let suppressed = now.statistics.map { withheld.contains($0.key) }
        let small = try #require(now.id(of: "g=small"))
        let smallBefore = try #require(earlier[0].position(of: "g=small"))

        let failures = try Audit(statistics: now, suppressed: suppressed, threshold: 5, earlier: earlier).failures()

        #expect(failures.contains(.change(from: .earlier(release: 0, position: smallBefore), to: .current(small))))
        // Had those who answered in the small group grown by 0, so could the group.
        let still = Self.groupsWhoAnswered(group: 13, other: 33, answered: 6, otherAnswered: 31)
        #expect(try Audit(statistics: still, suppressed: suppressed, threshold: 5, earlier: earlier).failures() == [])
    }

    /// Areas with their total, and how many answered a question shown to all but those from
    /// elsewhere: at most the other areas together.
    static func areasAndYears(_ counts: [String: Int], years: Int) -> StatisticSet {
        var statistics = StatisticSet()
        let names = ["north", "east", "south", "west", "downtown", "elsewhere", "prefer-not"]
        let total = statistics.add("area", names.reduce(0) { $0 + counts[$1]! })
        let parts = names.map { statistics.add("area=\($0)", counts[$0]!) }
        statistics.sum(total, parts)
        let answered = statistics.add("years", years)
        statistics.atMost([(answered, 1)] + zip(names, parts).filter { $0.0 != "elsewhere" }.map { ($0.1, -1) })
        return statistics
    }

    @Test func aWithheldCountOfAnEarlierReleaseIsNarrowedByWhatTheNewRespondentsAnswered() throws {
        // The first release withheld elsewhere (10) and prefer-not (4), 14 together. Now elsewhere is
        // 12, so it was at most 12; and 35 of the 40 new respondents answered a question no one from
        // elsewhere is asked, so at most 5 of them are from elsewhere: it was at least 7, and
        // prefer-not 2 to 7.
        let first = Self.areasAndYears(
            ["north": 84, "east": 65, "south": 85, "west": 31, "downtown": 21, "elsewhere": 10, "prefer-not": 4],
            years: 265)
        let withheldThen = Set(["area=elsewhere", "area=prefer-not"])
        let earlier = [Self.earlierRelease(first, withholding: withheldThen)]
        let now = Self.areasAndYears(
            ["north": 98, "east": 72, "south": 95, "west": 35, "downtown": 24, "elsewhere": 12, "prefer-not": 4],
            years: 300)
        let withheldNow = Set(["area=east", "area=south", "area=west", "area=downtown", "area=prefer-not"])
        let suppressed = now.statistics.map { withheldNow.contains($0.key) }
        let preferNot = try #require(earlier[0].position(of: "area=prefer-not"))

        let failures = try Audit(statistics: now, suppressed: suppressed, threshold: 11, earlier: earlier).failures()

        #expect(failures.contains(.count(.earlier(release: 0, position: preferNot))), "\(failures)")
    }
}
