import Foundation

/// A simplex tableau in standard form, feasible after phase one.
///
/// Row-major: one row per constraint, then the objective's reduced costs; the last column holds
/// the right-hand sides. Phase one's artificial columns, and the rows it finds redundant, are
/// dropped as soon as it ends, so every later pivot runs over the program's own columns and slacks.
struct Tableau: Sendable {
    /// How many parts a large pivot is split into, one per core.
    ///
    /// A pivot of the audit of a third release after small growth carries some 800 entries to
    /// each of 1,400 rows, 6.6 ms that memory, not arithmetic, bounds; two cores took phase one
    /// from 61 s to 31 s. Each part carries the pivot row to rows of its own, so the result is
    /// the same to the last bit as with one.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Entries a pivot must update, at the least, before it is split: below this, handing the
    /// parts to other threads costs more than it saves.
    static let parallelWork = 200_000

    var values: [Double]
    var width: Int
    var rowCount: Int
    private let variableCount: Int
    /// ``parallelWork``, unless a test asks for every pivot to be split or none.
    private let splitsFrom: Int
    var basis: [Int]
    /// What the tableau was last minimizing.
    private var objective: [(variable: Int, coefficient: Double)] = []

    /// Runs phase one; `nil` when the program is infeasible.
    init?(_ program: LinearProgram, splittingPivotsFrom splitsFrom: Int = Tableau.parallelWork) {
        self.splitsFrom = splitsFrom
        let m = program.rows.count
        let n = program.variableCount
        let slackCount = program.rows.filter { !$0.isEquality }.count
        let firstArtificial = n + slackCount
        // Every row gets an artificial column unless its slack can start in the basis.
        let needsArtificial = program.rows.map { $0.isEquality || $0.rhs < 0 }
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
        self.basis = basis
        guard artificialCount > 0 else { return }
        // Phase one: minimize the sum of the artificial columns.
        let objective = m * width
        for row in 0..<m where basis[row] >= firstArtificial {
            for column in 0..<width where column < firstArtificial || column == columns {
                self.values[objective + column] -= self.values[row * width + column]
            }
        }
        guard run(isPhaseOne: true) else { return nil }
        guard -self.values[objective + columns] <= LinearProgram.tolerance * max(1, scale) else { return nil }
        // Drive artificial columns out of the basis; a row left with none is redundant. The basis
        // is the tableau's own by now, not the one this initializer started from.
        for row in 0..<m where self.basis[row] >= firstArtificial {
            if let column = (0..<firstArtificial).first(where: { abs(self.values[row * width + $0]) > 1e-9 }) {
                pivot(row: row, column: column)
            }
        }
        dropArtificialColumns(from: firstArtificial)
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

    /// Minimizes `objective` from this feasible tableau, leaving it at the optimum found.
    mutating func minimize(_ objective: [(variable: Int, coefficient: Double)]) -> LinearProgram.Outcome {
        self.objective = objective
        price()
        guard run(isPhaseOne: false) else { return .unbounded }
        return .optimal(value: -values[rowCount * width + width - 1], solution: point)
    }

    /// Writes the reduced costs of ``objective`` into the objective row.
    mutating func price() {
        let base = rowCount * width
        for column in 0..<width { values[base + column] = 0 }
        for term in objective { values[base + term.variable] += term.coefficient }
        for row in 0..<rowCount {
            let cost = values[base + basis[row]]
            guard cost != 0 else { continue }
            for column in 0..<width { values[base + column] -= cost * values[row * width + column] }
        }
    }

    /// Pivots until no reduced cost is negative; `false` if the objective is unbounded below.
    ///
    /// Dantzig's rule, falling back to Bland's after a run of pivots that make no progress, so a
    /// degenerate program cannot cycle. Progress is a fall of the objective beyond rounding: after
    /// thousands of pivots, rounding moves a stalled objective by more than any fixed amount, up as
    /// well as down, and counting that as progress once kept a large program pivoting forever.
    /// Phase one stops as soon as the artificial columns sum to nothing, which is all it is for.
    mutating func run(isPhaseOne: Bool) -> Bool {
        let objective = rowCount * width
        let feasible = LinearProgram.tolerance * max(1, scale)
        var stalled = 0
        var previous = values[objective + width - 1]
        while true {
            // The objective row's last entry is minus the objective's value.
            if isPhaseOne, -values[objective + width - 1] <= feasible { return true }
            var entering = -1
            var best = -1e-9
            for column in 0..<width - 1 {
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

    mutating func pivot(row: Int, column: Int) {
        let width = width
        values.withUnsafeMutableBufferPointer { table in
            let pivotRow = row * width
            let factor = 1 / table[pivotRow + column]
            for index in pivotRow..<pivotRow + width { table[index] *= factor }
            table[pivotRow + column] = 1
            // The audit's rows are sums of a few counts and stay mostly zeros through the pivots,
            // so only the pivot row's other entries are carried to the rows below.
            let nonzero = (0..<width).filter { table[pivotRow + $0] != 0 && $0 != column }
            let rowCount = rowCount
            let splitsFrom = splitsFrom
            // Parts write rows of their own, and read only the pivot row, which none writes.
            nonisolated(unsafe) let address = table.baseAddress!
            @Sendable func eliminate(_ rows: StrideTo<Int>) {
                nonzero.withUnsafeBufferPointer { nonzero in
                    for other in rows where other != row {
                        let base = other * width
                        let multiplier = address[base + column]
                        guard multiplier != 0 else { continue }
                        for index in nonzero { address[base + index] -= multiplier * address[pivotRow + index] }
                        address[base + column] = 0
                    }
                }
            }
            let parts = (rowCount + 1) * nonzero.count >= splitsFrom ? Self.cores : 1
            if parts == 1 {
                eliminate(stride(from: 0, to: rowCount + 1, by: 1))
            } else {
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    eliminate(stride(from: part, to: rowCount + 1, by: parts))
                }
            }
        }
        basis[row] = column
    }

    /// Removes the artificial columns, which phase two may not use, and the rows phase one could
    /// not drive an artificial column out of, which say nothing the others do not.
    private mutating func dropArtificialColumns(from firstArtificial: Int) {
        let kept = (0..<rowCount).filter { basis[$0] < firstArtificial }
        let compactWidth = firstArtificial + 1
        var compact = [Double](repeating: 0, count: (kept.count + 1) * compactWidth)
        for (to, from) in (kept + [rowCount]).enumerated() {
            for column in 0..<firstArtificial {
                compact[to * compactWidth + column] = values[from * width + column]
            }
            compact[to * compactWidth + firstArtificial] = values[from * width + width - 1]
        }
        values = compact
        basis = kept.map { basis[$0] }
        width = compactWidth
        rowCount = kept.count
    }
}
