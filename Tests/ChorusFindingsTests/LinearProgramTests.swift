import Testing

@testable import ChorusFindings

/// The audit's simplex and its integer ranges, on programs whose answers are known.
@Suite struct LinearProgramTests {
    typealias Row = LinearProgram.Row

    static func value(_ outcome: LinearProgram.Outcome) -> Double? {
        if case .optimal(let value, _) = outcome { value } else { nil }
    }

    @Test func findsBothEndsOfAVariableOnALine() {
        // x0 + x1 = 10, x1 <= 4
        let program = LinearProgram(
            variableCount: 2,
            rows: [
                Row(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 10),
                Row(terms: [(1, 1)], isEquality: false, rhs: 4),
            ])
        #expect(Self.value(program.minimize([(0, 1)])) == 6)
        #expect(Self.value(program.minimize([(0, -1)])) == -10)
    }

    @Test func reportsInfeasibleAndUnboundedPrograms() {
        let infeasible = LinearProgram(
            variableCount: 2,
            rows: [
                Row(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 5),
                Row(terms: [(0, -1)], isEquality: false, rhs: -6),
            ])
        #expect(infeasible.minimize([(0, 1)]) == .infeasible)
        let unbounded = LinearProgram(
            variableCount: 2, rows: [Row(terms: [(0, 1), (1, -1)], isEquality: true, rhs: 0)])
        #expect(unbounded.minimize([(0, -1)]) == .unbounded)
    }

    @Test func doesNotCycleOnBealesDegenerateProgram() {
        // Beale's example, which cycles under Dantzig's rule without a fallback; optimum -1.25.
        let program = LinearProgram(
            variableCount: 4,
            rows: [
                Row(terms: [(0, 0.25), (1, -8), (2, -1), (3, 9)], isEquality: false, rhs: 0),
                Row(terms: [(0, 0.5), (1, -12), (2, -0.5), (3, 3)], isEquality: false, rhs: 0),
                Row(terms: [(2, 1)], isEquality: false, rhs: 1),
            ])
        let value = Self.value(program.minimize([(0, -0.75), (1, 20), (2, -0.5), (3, 6)]))
        #expect(value.map { abs($0 + 1.25) < 1e-9 } == true)
    }

    @Test func wholeNumberSearchesSeeWhatTheRelaxationMisses() throws {
        // x0 + x1 = 3 and 2 x0 <= 3: the relaxation reaches x0 = 1.5, whole numbers only 1.
        let program = LinearProgram(
            variableCount: 2,
            rows: [
                Row(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 3), Row(terms: [(0, 2)], isEquality: false, rhs: 3),
            ])
        let start = try #require(program.start())
        var points: [[Double]] = []
        #expect(Self.value(start.minimizing([(0, -1)])) == -1.5)
        // x0 >= 1.5 has no whole point; x0 >= 1 has (1, 2).
        #expect(!IntegerSearch.reaches([(0, -1)], atMost: -1.5, in: program, from: start, points: &points))
        #expect(IntegerSearch.reaches([(0, -1)], atMost: -1, in: program, from: start, points: &points))
        #expect(points.contains([1, 2]))
    }

    @Test func anUnboundedCountReachesAnyBound() throws {
        let program = LinearProgram(variableCount: 2, rows: [Row(terms: [(0, 1), (1, -1)], isEquality: true, rhs: 2)])
        let start = try #require(program.start())
        var points: [[Double]] = []
        #expect(IntegerSearch.reaches([(0, -1)], atMost: -1_000, in: program, from: start, points: &points))
        #expect(!IntegerSearch.reaches([(0, 1)], atMost: 1, in: program, from: start, points: &points))
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

    /// Branch and bound adds bounds to a solved program and goes on with the dual simplex from
    /// the optimum; it must land where solving the bounded program from scratch does.
    @Test(arguments: 0..<60) func boundsAddedToAnOptimumGiveWhatSolvingFromScratchGives(seed: Int) throws {
        var rng = SplitMix64(seed: seed)
        let program = Self.tableWithKnownTotals(using: &rng)
        let start = try #require(program.start())
        let variable = Int.random(in: 0..<program.variableCount, using: &rng)
        let objective = [(variable: variable, coefficient: Bool.random(using: &rng) ? 1.0 : -1.0)]
        var optimum = start
        guard case .optimal = optimum.minimize(objective) else {
            Issue.record("a table of counts has an optimum")
            return
        }
        let bounds = (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            let variable = Int.random(in: 0..<program.variableCount, using: &rng)
            let value = Double(Int.random(in: 0...8, using: &rng))
            return Bool.random(using: &rng)
                ? Row(terms: [(variable, 1)], isEquality: false, rhs: value)
                : Row(terms: [(variable, -1)], isEquality: false, rhs: -value)
        }
        var warm = optimum
        let added = warm.minimize(adding: bounds)
        let fromOptimum = try #require(added)
        let fromScratch = LinearProgram(variableCount: program.variableCount, rows: program.rows + bounds)
            .minimize(objective)
        switch (fromOptimum, fromScratch) {
        case (.infeasible, .infeasible):
            break
        case (.optimal(let value, let solution), .optimal(let expected, _)):
            #expect(abs(value - expected) < 1e-6)
            let rows = program.rows + bounds
            #expect(solution.allSatisfy { $0 >= -1e-9 })
            for row in rows {
                let total = row.terms.reduce(0) { $0 + $1.coefficient * solution[$1.variable] }
                #expect(row.isEquality ? abs(total - row.rhs) < 1e-6 : total <= row.rhs + 1e-6)
            }
        default:
            Issue.record("from the optimum: \(fromOptimum), from scratch: \(fromScratch)")
        }
    }

    /// A large pivot is split across cores, each part carrying the pivot row to rows of its own;
    /// the tableau must come out the same to the last bit as from one part.
    @Test(arguments: 0..<20) func pivotsSplitAcrossCoresGiveTheSameBits(seed: Int) throws {
        var rng = SplitMix64(seed: seed)
        let program = Self.tableWithKnownTotals(using: &rng)
        let whole = try #require(Tableau(program, splittingPivotsFrom: .max))
        let split = try #require(Tableau(program, splittingPivotsFrom: 0))
        #expect(whole.point == split.point)
        for variable in 0..<program.variableCount {
            for sign in [1.0, -1.0] {
                #expect(whole.minimizing([(variable, sign)]) == split.minimizing([(variable, sign)]))
            }
        }
    }

    @Test func aBoundNoPointMeetsMakesTheProgramInfeasible() throws {
        // x0 + x1 = 3 and x1 <= 1; then x0 >= 4.
        let program = LinearProgram(
            variableCount: 2,
            rows: [
                Row(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 3), Row(terms: [(1, 1)], isEquality: false, rhs: 1),
            ])
        var tableau = try #require(program.start())
        #expect(Self.value(tableau.minimize([(0, 1)])) == 2)
        #expect(tableau.minimize(adding: [Row(terms: [(0, -1)], isEquality: false, rhs: -4)]) == .infeasible)
    }

    /// The cells of a table of 2 to 4 rows and columns as unknowns, with every row and column
    /// total known and a few cells published, as the audit sees a table with cells withheld.
    static func tableWithKnownTotals(using rng: inout SplitMix64) -> LinearProgram {
        let height = Int.random(in: 2...4, using: &rng)
        let width = Int.random(in: 2...4, using: &rng)
        let cells = (0..<height * width).map { _ in [0, 1, 2, 3, 7, 12][Int.random(in: 0...5, using: &rng)] }
        var rows: [Row] = []
        for row in 0..<height {
            let members = (0..<width).map { row * width + $0 }
            rows.append(
                Row(
                    terms: members.map { ($0, 1) }, isEquality: true,
                    rhs: Double(members.reduce(0) { $0 + cells[$1] })))
        }
        for column in 0..<width {
            let members = (0..<height).map { $0 * width + column }
            rows.append(
                Row(
                    terms: members.map { ($0, 1) }, isEquality: true,
                    rhs: Double(members.reduce(0) { $0 + cells[$1] })))
        }
        for cell in cells.indices where Int.random(in: 0..<4, using: &rng) == 0 {
            rows.append(Row(terms: [(cell, 1)], isEquality: true, rhs: Double(cells[cell])))
        }
        return LinearProgram(variableCount: cells.count, rows: rows)
    }
}

extension Tableau {
    /// Minimizes `objective` from a copy, so one feasible start serves several objectives.
    fileprivate func minimizing(_ objective: [(variable: Int, coefficient: Double)]) -> LinearProgram.Outcome {
        var copy = self
        return copy.minimize(objective)
    }
}
