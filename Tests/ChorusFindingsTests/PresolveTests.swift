import Testing

@testable import ChorusFindings

/// What the audit takes out of a program before the simplex sees it must leave every whole-number
/// point where it was.
@Suite struct PresolveTests {
    typealias Row = LinearProgram.Row

    @Test func aRowOfOneUnknownFixesOrBoundsItAndLowerBoundsBecomeShifts() throws {
        // x0 = 3; x1 >= 2; x0 + x1 + x2 = 10; x2 <= 4.
        let program = LinearProgram(
            variableCount: 3,
            rows: [
                Row(terms: [(0, 1)], isEquality: true, rhs: 3),
                Row(terms: [(1, -1)], isEquality: false, rhs: -2),
                Row(terms: [(0, 1), (1, 1), (2, 1)], isEquality: true, rhs: 10),
                Row(terms: [(2, 1)], isEquality: false, rhs: 4),
            ])
        let presolve = try #require(Presolve(program))
        #expect(presolve.origins == [.fixed(3), .shifted(variable: 0, offset: 3), .shifted(variable: 1, offset: 0)])
        // x1 >= 3 follows from x2 <= 4; the reduced program is y0 + y1 = 4, y1 <= 4.
        #expect(presolve.program.variableCount == 2)
        #expect(presolve.program.rows.count == 2)
        let (terms, constant) = presolve.reduce([(1, 1), (0, 2)], constant: 1)
        #expect(terms.map(\.variable) == [0] && constant == 10)
        #expect(presolve.expand([1, 3]) == [3, 4, 3])
    }

    @Test func aRowThatHoldsOnlyWithEveryUnknownAtItsBoundFixesThemAll() throws {
        // x0 + x1 + x2 = 0 leaves only 0s; then x0 + x3 = 5 fixes x3.
        let program = LinearProgram(
            variableCount: 4,
            rows: [
                Row(terms: [(0, 1), (1, 1), (2, 1)], isEquality: true, rhs: 0),
                Row(terms: [(0, 1), (3, 1)], isEquality: true, rhs: 5),
            ])
        let presolve = try #require(Presolve(program))
        #expect(presolve.origins == [.fixed(0), .fixed(0), .fixed(0), .fixed(5)])
        #expect(presolve.program.rows.isEmpty && presolve.program.variableCount == 0)
    }

    @Test func rowsThatContradictEachOtherOrHaveNoWholePointAreFound() {
        // x0 + x1 = 3 with x0 >= 4; and 2 x0 = 3.
        let contradiction = LinearProgram(
            variableCount: 2,
            rows: [
                Row(terms: [(0, 1), (1, 1)], isEquality: true, rhs: 3),
                Row(terms: [(0, -1)], isEquality: false, rhs: -4),
            ])
        #expect(Presolve(contradiction)?.origins == nil)
        let half = LinearProgram(variableCount: 1, rows: [Row(terms: [(0, 2)], isEquality: true, rhs: 3)])
        #expect(Presolve(half)?.origins == nil)
    }

    /// Tables with known totals, some cells published, and bounds from an earlier release on
    /// others: every unknown reaches the same least and greatest value with and without presolve.
    @Test(arguments: 0..<60) func everyUnknownKeepsItsRange(seed: Int) throws {
        var rng = SplitMix64(seed: seed)
        var program = LinearProgramTests.tableWithKnownTotals(using: &rng)
        let truth = try #require(program.start()).point
        for variable in 0..<program.variableCount where Int.random(in: 0..<3, using: &rng) == 0 {
            let value = Int(truth[variable])
            // An earlier release's count is at most this one, and a later one's at least.
            let below = Int.random(in: 0...value, using: &rng)
            let above = value + Int.random(in: 0...3, using: &rng)
            program.rows.append(
                Bool.random(using: &rng)
                    ? Row(terms: [(variable, -1)], isEquality: false, rhs: -Double(below))
                    : Row(terms: [(variable, 1)], isEquality: false, rhs: Double(above)))
        }
        let presolve = try #require(Presolve(program))
        let start = try #require(program.start())
        let reducedStart = try #require(presolve.program.start())
        for variable in 0..<program.variableCount {
            for sign in [1.0, -1.0] {
                var original = start
                guard case .optimal(let expected, _) = original.minimize([(variable, sign)]) else {
                    Issue.record("a table of counts has an optimum")
                    return
                }
                let (terms, constant) = presolve.reduce([(variable, sign)], constant: 0)
                var value = constant
                if !terms.isEmpty {
                    var reduced = reducedStart
                    guard case .optimal(let optimum, let solution) = reduced.minimize(terms) else {
                        Issue.record("the presolved table has no optimum")
                        return
                    }
                    value += optimum
                    let point = presolve.expand(solution)
                    for row in program.rows {
                        let total = row.terms.reduce(0) { $0 + $1.coefficient * point[$1.variable] }
                        #expect(row.isEquality ? abs(total - row.rhs) < 1e-6 : total <= row.rhs + 1e-6)
                    }
                }
                #expect(abs(value - expected) < 1e-6, "unknown \(variable), sign \(sign)")
            }
        }
    }
}
