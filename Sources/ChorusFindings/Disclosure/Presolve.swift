/// A linear program over whole numbers with what its rows say outright taken out: unknowns fixed
/// by a row, bounds that rows put on single unknowns, and rows that force every unknown in them
/// to its bound. What is left is shifted so that each unknown's lower bound is 0.
///
/// The audit of a third release after small growth had 3,796 rows, a quarter of them about one
/// unknown: a count an earlier release published is at most the same count now, so the count now
/// is at least that number. As rows, each such bound needed an artificial column of its own, and
/// phase one took 111 s; presolved, the program has 2,718 rows and phase one takes 61 s, both on
/// one core.
///
/// Bounds are rounded inward, which changes no whole-number point, so branch and bound searches
/// the same points on a tighter relaxation.
struct Presolve {
    /// How an unknown of the original program is found from the reduced one.
    enum Origin: Equatable {
        case fixed(Double)
        /// The reduced program's unknown `variable`, plus `offset`.
        case shifted(variable: Int, offset: Double)
    }

    let program: LinearProgram
    let origins: [Origin]

    private typealias Terms = [(variable: Int, coefficient: Double)]

    /// `nil` when the rows contradict each other or have no whole-number point.
    init?(_ original: LinearProgram) {
        var reducer = Reducer(original)
        guard reducer.run() else { return nil }
        var origins: [Origin] = []
        var reducedIndex = [Int](repeating: -1, count: original.variableCount)
        var variableCount = 0
        for variable in 0..<original.variableCount {
            if let value = reducer.fixed[variable] {
                origins.append(.fixed(value))
            } else {
                reducedIndex[variable] = variableCount
                origins.append(.shifted(variable: variableCount, offset: reducer.lower[variable]))
                variableCount += 1
            }
        }
        var rows: [LinearProgram.Row] = []
        for (index, row) in reducer.rows.enumerated() where reducer.alive[index] {
            var rhs = row.rhs
            for term in row.terms { rhs -= term.coefficient * reducer.lower[term.variable] }
            rows.append(
                .init(
                    terms: row.terms.map { (reducedIndex[$0.variable], $0.coefficient) }, isEquality: row.isEquality,
                    rhs: rhs))
        }
        // Bounds that follow from other rows are left out: they would only add rows.
        for variable in 0..<original.variableCount where reducedIndex[variable] >= 0 {
            guard reducer.hasStatedUpperBound[variable] else { continue }
            rows.append(
                .init(
                    terms: [(reducedIndex[variable], 1)], isEquality: false,
                    rhs: reducer.upper[variable] - reducer.lower[variable]))
        }
        self.program = LinearProgram(variableCount: variableCount, rows: rows)
        self.origins = origins
    }

    /// `Σ terms + constant` over the original unknowns, written over the reduced ones.
    func reduce(_ terms: [(variable: Int, coefficient: Double)], constant: Double)
        -> (terms: [(variable: Int, coefficient: Double)], constant: Double)
    {
        var reduced: Terms = []
        var constant = constant
        for term in terms {
            switch origins[term.variable] {
            case .fixed(let value):
                constant += term.coefficient * value
            case .shifted(let variable, let offset):
                reduced.append((variable, term.coefficient))
                constant += term.coefficient * offset
            }
        }
        return (reduced, constant)
    }

    /// A point of the reduced program as a point of the original one.
    func expand(_ point: [Double]) -> [Double] {
        origins.map { origin in
            switch origin {
            case .fixed(let value): value
            case .shifted(let variable, let offset): point[variable] + offset
            }
        }
    }
}
