import ChorusCore
import ChorusStore
import Testing

@testable import ChorusFindings

/// Attacks found by the property tests, kept as fixed cases.
@Suite struct KnownAttackTests {
    /// Two releases of area by answer, k = 10. The second publishes south's total (14) and the
    /// answer totals (12 yes, 14 no); with the first release and counts that only grow, south's
    /// "no" (3) is held between 2 and 7 unless more is withheld. Its linear program needs phase
    /// one to drive artificial columns out of the basis, which once corrupted the tableau.
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

        let breakdown = try #require(second.tables.first { $0.id == "q.by.area" })
        let south = breakdown.cell(at: [1, 1])
        let total = breakdown.cell(at: [1, 2])
        let answers = try #require(second.tables.first { $0.id == "q" })
        // South's "no" may be withheld only if south's total or an answer total is withheld too.
        if south.count == .suppressed {
            #expect(
                total.count == .suppressed || answers.cells.contains { $0.count == .suppressed },
                "\(second.tables.map { ($0.id, $0.cells.map(\.count)) })")
        }
    }

    /// Phase one ends with artificial columns in redundant rows; the point it leaves must still
    /// keep every variable at 0 or more.
    @Test func phaseOneLeavesAFeasiblePointWhenRowsAreRedundant() throws {
        // x0 + x1 = 5, x0 + x1 = 5 again (redundant), x0 - x2 = 1, x1 <= 4.
        let program = LinearProgram(
            variableCount: 3,
            rows: [
                .init(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 5),
                .init(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 5),
                .init(terms: [(0, 1), (2, -1)], isEquality: true, rhs: 1),
                .init(terms: [(1, 1)], isEquality: false, rhs: 4),
            ])
        let start = try #require(program.start())
        #expect(start.point.allSatisfy { $0 >= 0 })
        guard case .optimal(let low, let solution) = start.minimizing([(1, 1)]) else {
            Issue.record("expected an optimum")
            return
        }
        #expect(low == 0)
        #expect(solution.allSatisfy { $0 >= 0 })
        guard case .optimal(let high, _) = start.minimizing([(1, -1)]) else {
            Issue.record("expected an optimum")
            return
        }
        #expect(high == -4)
    }
}
