extension Tableau {
    /// Adds `rows`, each an inequality, to a tableau left at an optimum by ``minimize(_:)``, and
    /// finds the optimum again with the dual simplex; `nil` if it gives up, when the caller must
    /// solve the program from scratch.
    ///
    /// Branch and bound adds a bound or two to a program already solved. Starting again from
    /// nothing ran phase one on every subproblem, which takes seconds on a program of thousands
    /// of rows; from the optimum already found, a bound takes a few pivots.
    mutating func minimize(adding rows: [LinearProgram.Row]) -> LinearProgram.Outcome? {
        let oldWidth = width
        let grownWidth = width + rows.count
        let grownRows = rowCount + rows.count
        var grown = [Double](repeating: 0, count: (grownRows + 1) * grownWidth)
        for row in 0...rowCount {
            let from = row * oldWidth
            let to = (row == rowCount ? grownRows : row) * grownWidth
            for column in 0..<oldWidth - 1 { grown[to + column] = values[from + column] }
            grown[to + grownWidth - 1] = values[from + oldWidth - 1]
        }
        var rowOfBasic = [Int](repeating: -1, count: oldWidth - 1)
        for (row, column) in basis.enumerated() { rowOfBasic[column] = row }
        for (offset, row) in rows.enumerated() {
            precondition(!row.isEquality, "only inequalities are added to an optimal tableau")
            let target = (rowCount + offset) * grownWidth
            for term in row.terms { grown[target + term.variable] += term.coefficient }
            grown[target + oldWidth - 1 + offset] = 1
            grown[target + grownWidth - 1] = row.rhs
            // Written in the current basis, the new row has no basic column but its own slack.
            for term in row.terms where rowOfBasic[term.variable] >= 0 {
                let multiplier = grown[target + term.variable]
                guard multiplier != 0 else { continue }
                let source = rowOfBasic[term.variable] * grownWidth
                for column in 0..<grownWidth { grown[target + column] -= multiplier * grown[source + column] }
                grown[target + term.variable] = 0
            }
        }
        values = grown
        basis += (0..<rows.count).map { oldWidth - 1 + $0 }
        width = grownWidth
        rowCount = grownRows
        // The objective is one count, so most reduced costs are 0 and the dual simplex would
        // stall on ties; tiny distinct costs break them, and the true costs are restored after.
        let costs = rowCount * width
        for column in 0..<width - 1 where values[costs + column] < 1e-9 {
            values[costs + column] = max(0, values[costs + column]) + 1e-7 * Double(1 + column % 97)
        }
        for column in basis { values[costs + column] = 0 }
        switch runDual() {
        case nil: return nil
        case false: return .infeasible
        case true:
            price()
            guard run(isPhaseOne: false) else { return .unbounded }
            return .optimal(value: -values[rowCount * width + width - 1], solution: point)
        }
    }

    /// The dual simplex: pivots the most negative basic value out while keeping every reduced cost
    /// at 0 or more, falling back to Bland's rule (the lowest basic column) after a run of pivots
    /// that make no progress. `false` when a row shows no point satisfies the rows; `nil` after
    /// more pivots than a few bounds should ever need, as a guard against rounding.
    private mutating func runDual() -> Bool? {
        let objective = rowCount * width
        let last = width - 1
        var stalled = 0
        var previous = values[objective + last]
        for _ in 0..<(100 + rowCount) {
            var leaving = -1
            var lowest = -LinearProgram.tolerance
            for row in 0..<rowCount where values[row * width + last] < lowest {
                if stalled > 50 {
                    if leaving < 0 || basis[row] < basis[leaving] { leaving = row }
                } else {
                    lowest = values[row * width + last]
                    leaving = row
                }
            }
            guard leaving >= 0 else { return true }
            var entering = -1
            var ratio = Double.infinity
            let base = leaving * width
            for column in 0..<last where values[base + column] < -1e-9 {
                let candidate = max(0, values[objective + column]) / -values[base + column]
                if candidate < ratio - 1e-12 {
                    ratio = candidate
                    entering = column
                }
            }
            // The row's basic value is negative and nothing can raise it.
            guard entering >= 0 else { return false }
            pivot(row: leaving, column: entering)
            let current = values[objective + last]
            // The entry falls as the objective rises.
            stalled = previous - current > 1e-9 * max(1, abs(previous)) ? 0 : stalled + 1
            previous = current
        }
        return nil
    }
}
