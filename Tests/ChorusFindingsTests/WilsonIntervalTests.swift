import Testing

@testable import ChorusFindings

/// Wilson score intervals against the values Newcombe (1998) tabulates for the score method.
@Suite struct WilsonIntervalTests {
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
        (5, 10, 0.2366, 0.7634), (4, 20, 0.0807, 0.4160),
    ])
    func matchesPublishedValues(count: Int, total: Int, lower: Double, upper: Double) throws {
        let share = try #require(PublishedShare(count: count, total: total, smallGroup: 0))
        #expect(abs(share.lower - lower) < 5e-5)
        #expect(abs(share.upper - upper) < 5e-5)
        #expect(share.proportion == Double(count) / Double(total))
    }

    @Test func staysWithinZeroAndOneAtTheEnds() throws {
        let none = try #require(PublishedShare(count: 0, total: 10, smallGroup: 0))
        let all = try #require(PublishedShare(count: 10, total: 10, smallGroup: 0))
        #expect(none.lower == 0 && abs(none.upper - 0.2775) < 5e-5)
        #expect(abs(all.lower - 0.7225) < 5e-5 && all.upper == 1)
    }

    @Test func noneOrAllOfASmallGroupIsShownInABand() throws {
        #expect(PublishedShare(count: 0, total: 15, smallGroup: 22)?.display == .below(0.1))
        #expect(PublishedShare(count: 15, total: 15, smallGroup: 22)?.display == .above(0.9))
        #expect(PublishedShare(count: 0, total: 30, smallGroup: 22)?.display == .exact)
        #expect(PublishedShare(count: 7, total: 15, smallGroup: 22)?.display == .exact)
    }

    @Test func thereIsNoShareOfNothing() {
        #expect(PublishedShare(count: 0, total: 0, smallGroup: 22) == nil)
    }
}
