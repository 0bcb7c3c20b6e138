import ChorusCore
import Testing

@testable import ChorusFindings

/// Borda and approval rankings, with ties explained, from published counts only.
@Suite struct PriorityRankingTests {
    static func standing(_ value: String, _ positions: [PublishedCount], named: PublishedCount)
        -> PriorityRanking.Standing
    {
        PriorityRanking.Standing(value: value, label: FindingsFixtures.text(value), positions: positions, named: named)
    }

    static func rank(_ standings: [PriorityRanking.Standing], method: PriorityMethod = .borda(picks: 2))
        -> PriorityResult
    {
        PriorityRanking(
            questionID: "concerns", title: FindingsFixtures.text("Concerns"), method: method, topN: 2,
            ballots: .count(40),
            standings: standings, sourceTableID: "concerns.positions", smallGroup: 22
        ).result
    }

    @Test func bordaGivesPicksPointsForFirstPlaceAndOneForLast() {
        let result = Self.rank([
            Self.standing("traffic", [.count(20), .count(0)], named: .count(20)),
            Self.standing("lighting", [.count(0), .count(40)], named: .count(40)),
        ])
        // Both score 40 (2 × 20 and 1 × 40); more respondents named lighting at all.
        #expect(result.options.map(\.value) == ["lighting", "traffic"])
        #expect(result.options.map(\.score) == [40, 40])
        #expect(result.options.map(\.place) == [1, 2])
        #expect(result.ties == [PriorityTie(values: ["lighting", "traffic"], score: 40, resolution: .named)])
    }

    @Test func aTieIsBrokenByHowManyNamedTheOptionThenByFirstChoices() {
        let result = Self.rank([
            Self.standing("traffic", [.count(15), .count(0)], named: .count(15)),
            Self.standing("lighting", [.count(0), .count(30)], named: .count(30)),
            Self.standing("noise", [.count(12), .count(12)], named: .count(24)),
            Self.standing("parks", [.count(13), .count(10)], named: .count(23)),
        ])
        // Scores: traffic 30, lighting 30, noise 36, parks 36.
        #expect(result.options.map(\.value) == ["noise", "parks", "lighting", "traffic"])
        #expect(result.options.map(\.place) == [1, 2, 3, 4])
        #expect(
            result.ties == [
                PriorityTie(values: ["noise", "parks"], score: 36, resolution: .named),
                PriorityTie(values: ["lighting", "traffic"], score: 30, resolution: .named),
            ])
        #expect(result.method.name.hasPrefix("Borda"))
    }

    @Test func optionsNothingTellsApartShareAPlaceInSurveyOrder() {
        let result = Self.rank([
            Self.standing("traffic", [.count(12), .count(12)], named: .count(24)),
            Self.standing("lighting", [.count(12), .count(12)], named: .count(24)),
            Self.standing("noise", [.count(0), .count(0)], named: .count(0)),
        ])
        #expect(result.options.map(\.value) == ["traffic", "lighting", "noise"])
        #expect(result.options.map(\.place) == [1, 1, 3])
        #expect(result.ties == [PriorityTie(values: ["traffic", "lighting"], score: 36, resolution: .unresolved)])
    }

    @Test func anOptionWithAWithheldCountHasNoScoreAndComesLast() {
        let result = Self.rank([
            Self.standing("traffic", [.suppressed, .count(20)], named: .count(25)),
            Self.standing("lighting", [.count(11), .count(0)], named: .count(11)),
        ])
        #expect(result.options.map(\.value) == ["lighting", "traffic"])
        #expect(result.options.map(\.place) == [1, nil])
        #expect(result.options.map(\.score) == [22, nil])
        #expect(result.options[1].topShare?.count == 25)
    }

    @Test func approvalCountsEachChoiceOnceAndCannotBreakTies() {
        let result = Self.rank(
            [
                Self.standing("parks", [], named: .count(30)), Self.standing("buses", [], named: .count(30)),
                Self.standing("clinics", [], named: .count(35)),
            ], method: .approval)
        #expect(result.options.map(\.value) == ["clinics", "parks", "buses"])
        #expect(result.options.map(\.place) == [1, 2, 2])
        #expect(result.ties == [PriorityTie(values: ["parks", "buses"], score: 30, resolution: .unresolved)])
        #expect(result.options.allSatisfy { $0.firstChoices == nil })
    }

    @Test func anOptionNoOneNamedComesAfterThoseWithheldWhichMayHaveBeenNamed() {
        let result = Self.rank(
            [
                Self.standing("food", [], named: .count(0)), Self.standing("childcare", [], named: .suppressed),
                Self.standing("time", [], named: .count(12)), Self.standing("place", [], named: .suppressed),
            ], method: .approval)
        #expect(result.options.map(\.value) == ["time", "childcare", "place", "food"])
        #expect(result.options.map(\.place) == [1, nil, nil, 4])
        // With nothing withheld, it is simply last.
        let published = Self.rank(
            [Self.standing("food", [], named: .count(0)), Self.standing("time", [], named: .count(12))],
            method: .approval)
        #expect(published.options.map(\.place) == [1, 2])
    }
}
