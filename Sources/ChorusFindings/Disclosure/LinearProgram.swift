/// A small linear program over non-negative variables, solved with a dense two-phase simplex.
///
/// The audit asks it, for each withheld count, how low and how high an attacker can push the
/// count given every published relation. Coefficients are small whole numbers and values are
/// counts of people, so Double is exact until pivots divide; results are rounded with care by
/// the caller and checked for integrality by branch and bound.
struct LinearProgram: Sendable {
    struct Row: Sendable {
        /// (variable, coefficient) pairs.
        var terms: [(variable: Int, coefficient: Double)]
        var isEquality: Bool
        /// The row says `Σ terms = rhs` or `Σ terms ≤ rhs`.
        var rhs: Double
    }

    enum Outcome: Equatable {
        case optimal(value: Double, solution: [Double])
        case unbounded
        case infeasible
    }

    var variableCount: Int
    var rows: [Row]

    static let tolerance = 1e-7

    /// Minimizes `Σ coefficient × variable`.
    func minimize(_ objective: [(variable: Int, coefficient: Double)]) -> Outcome {
        guard var tableau = Tableau(self) else { return .infeasible }
        return tableau.minimize(objective)
    }

    /// The feasible starting point shared by several objectives, or `nil` if no point satisfies the rows.
    func start() -> Tableau? {
        Tableau(self)
    }
}

/// A simplex tableau in standard form, feasible after phase one.
struct Tableau: Sendable {
    private var values: [Double]
    private let width: Int
    private let rowCount: Int
    private let variableCount: Int
    /// Columns at or past this index are artificial and may not enter in phase two.
    private let firstArtificial: Int
    private var basis: [Int]

    /// Runs phase one; `nil` when the program is infeasible.
    init?(_ program: LinearProgram) {
        let m = program.rows.count
        let n = program.variableCount
        let slackCount = program.rows.filter { !$0.isEquality }.count
        let firstArtificial = n + slackCount
        // Every row gets an artificial column unless its slack can start in the basis.
        var needsArtificial = [Bool](repeating: false, count: m)
        for (index, row) in program.rows.enumerated() {
            needsArtificial[index] = row.isEquality || row.rhs < 0
        }
        let artificialCount = needsArtificial.filter { $0 }.count
        let columns = firstArtificial + artificialCount
        let width = columns + 1
        var values = [Double](repeating: 0, count: (m + 1) * width)
        var basis = [Int](repeating: 0, count: m)
        var slack = n
        var artificial = firstArtificial
        for (index, row) in program.rows.enumerated() {
            let sign: Double = row.rhs < 0 ? -1 : 1
            let base = index * width
            for term in row.terms { values[base + term.variable] += sign * term.coefficient }
            if !row.isEquality {
                values[base + slack] = sign
                if !needsArtificial[index] { basis[index] = slack }
                slack += 1
            }
            if needsArtificial[index] {
                values[base + artificial] = 1
                basis[index] = artificial
                artificial += 1
            }
            values[base + columns] = sign * row.rhs
        }
        self.values = values
        self.width = width
        self.rowCount = m
        self.variableCount = n
        self.firstArtificial = firstArtificial
        self.basis = basis
        guard artificialCount > 0 else { return }
        // Phase one: minimize the sum of the artificial columns.
        let objective = m * width
        for row in 0..<m where basis[row] >= firstArtificial {
            for column in 0..<width where column < firstArtificial || column == columns {
                self.values[objective + column] -= self.values[row * width + column]
            }
        }
        guard run(allowArtificial: true) else { return nil }
        guard -self.values[objective + columns] <= LinearProgram.tolerance * max(1, scale) else { return nil }
        // Drive artificial columns out of the basis; a row left with none is redundant. The basis
        // is the tableau's own by now, not the one this initializer started from.
        for row in 0..<m where self.basis[row] >= firstArtificial {
            if let column = (0..<firstArtificial).first(where: { abs(self.values[row * width + $0]) > 1e-9 }) {
                pivot(row: row, column: column)
            }
        }
    }

    /// The basic solution the tableau stands at.
    var point: [Double] {
        var solution = [Double](repeating: 0, count: variableCount)
        for row in 0..<rowCount where basis[row] < variableCount {
            solution[basis[row]] = values[row * width + width - 1]
        }
        return solution
    }

    private var scale: Double {
        var largest = 1.0
        for row in 0..<rowCount { largest = max(largest, abs(values[row * width + width - 1])) }
        return largest
    }

    /// Minimizes `objective` from this feasible tableau, which is left unchanged.
    func minimizing(_ objective: [(variable: Int, coefficient: Double)]) -> LinearProgram.Outcome {
        var copy = self
        return copy.minimize(objective)
    }

    mutating func minimize(_ objective: [(variable: Int, coefficient: Double)]) -> LinearProgram.Outcome {
        let base = rowCount * width
        for column in 0..<width { values[base + column] = 0 }
        for term in objective { values[base + term.variable] += term.coefficient }
        // Price out the basic columns so the objective row holds reduced costs.
        for row in 0..<rowCount {
            let cost = values[base + basis[row]]
            guard cost != 0 else { continue }
            for column in 0..<width { values[base + column] -= cost * values[row * width + column] }
        }
        guard run(allowArtificial: false) else { return .unbounded }
        var solution = [Double](repeating: 0, count: variableCount)
        for row in 0..<rowCount where basis[row] < variableCount {
            solution[basis[row]] = values[row * width + width - 1]
        }
        return .optimal(value: -values[base + width - 1], solution: solution)
    }

    /// Pivots until no reduced cost is negative; `false` if the objective is unbounded below.
    ///
    /// Dantzig's rule, falling back to Bland's after a run of pivots that make no progress, so a
    /// degenerate program cannot cycle. Progress is a fall of the objective beyond rounding: after
    /// thousands of pivots, rounding moves a stalled objective by more than any fixed amount, up as
    /// well as down, and counting that as progress once kept a large program pivoting forever.
    /// Phase one stops as soon as the artificial columns sum to nothing, which is all it is for.
    private mutating func run(allowArtificial: Bool) -> Bool {
        let objective = rowCount * width
        let last = allowArtificial ? width - 1 : firstArtificial
        let feasible = LinearProgram.tolerance * max(1, scale)
        var stalled = 0
        var previous = values[objective + width - 1]
        while true {
            // The objective row's last entry is minus the objective's value.
            if allowArtificial, -values[objective + width - 1] <= feasible { return true }
            var entering = -1
            var best = -1e-9
            for column in 0..<last {
                let cost = values[objective + column]
                if stalled > 50 {
                    if cost < -1e-9 {
                        entering = column
                        break
                    }
                } else if cost < best {
                    best = cost
                    entering = column
                }
            }
            guard entering >= 0 else { return true }
            var leaving = -1
            var ratio = Double.infinity
            for row in 0..<rowCount {
                let coefficient = values[row * width + entering]
                guard coefficient > 1e-9 else { continue }
                let candidate = values[row * width + width - 1] / coefficient
                if leaving < 0 || candidate < ratio - 1e-12
                    || (candidate <= ratio + 1e-12 && basis[row] < basis[leaving])
                {
                    ratio = candidate
                    leaving = row
                }
            }
            guard leaving >= 0 else { return false }
            pivot(row: leaving, column: entering)
            let current = values[objective + width - 1]
            // The entry rises as the objective falls.
            stalled = current - previous > 1e-9 * max(1, abs(previous)) ? 0 : stalled + 1
            previous = current
        }
    }

    private mutating func pivot(row: Int, column: Int) {
        let width = width
        values.withUnsafeMutableBufferPointer { table in
            let pivotRow = row * width
            let factor = 1 / table[pivotRow + column]
            for index in pivotRow..<pivotRow + width { table[index] *= factor }
            table[pivotRow + column] = 1
            for other in 0...rowCount where other != row {
                let base = other * width
                let multiplier = table[base + column]
                guard multiplier != 0 else { continue }
                for index in 0..<width { table[base + index] -= multiplier * table[pivotRow + index] }
                table[base + column] = 0
            }
        }
        basis[row] = column
    }
}
