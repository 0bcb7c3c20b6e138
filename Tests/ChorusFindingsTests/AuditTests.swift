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
}
