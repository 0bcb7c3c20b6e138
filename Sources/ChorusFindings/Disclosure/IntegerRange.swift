/// The least and greatest whole values an objective takes over the integer points of a linear
/// program: what an attacker who knows counts are whole numbers can conclude.
///
/// The linear relaxation is solved first; only when its optimum is fractional does branch and
/// bound look for the integer one, within a budget of subproblems.
enum IntegerRange {
    /// Subproblems tried before giving up, which the audit treats as a failure to prove safety.
    static let budget = 400

    /// The integer minimum of `objective`, `-infinity` if unbounded below, or `nil` if the budget ran out.
    static func minimum(
        _ objective: [(variable: Int, coefficient: Double)],
        of program: LinearProgram,
        from start: Tableau
    ) -> Double? {
        var best = Double.infinity
        var nodes = 0
        var stack: [[LinearProgram.Row]] = [[]]
        while let extra = stack.popLast() {
            nodes += 1
            guard nodes <= budget else { return nil }
            let outcome: LinearProgram.Outcome
            if extra.isEmpty {
                outcome = start.minimizing(objective)
            } else {
                outcome = LinearProgram(variableCount: program.variableCount, rows: program.rows + extra)
                    .minimize(objective)
            }
            switch outcome {
            case .infeasible:
                continue
            case .unbounded:
                return -.infinity
            case .optimal(let value, let solution):
                // Objectives have whole coefficients, so a subproblem can only improve on the best
                // whole value found if its bound, rounded up, is below it.
                guard (value - LinearProgram.tolerance).rounded(.up) < best else { continue }
                guard let (variable, point) = fractional(solution) else {
                    best = value.rounded()
                    continue
                }
                let below = LinearProgram.Row(terms: [(variable, 1)], isEquality: false, rhs: point.rounded(.down))
                let above = LinearProgram.Row(terms: [(variable, -1)], isEquality: false, rhs: -point.rounded(.up))
                stack.append(extra + [above])
                stack.append(extra + [below])
            }
        }
        return best
    }

    /// The integer maximum of `objective`, `infinity` if unbounded above, or `nil` if the budget ran out.
    static func maximum(
        _ objective: [(variable: Int, coefficient: Double)],
        of program: LinearProgram,
        from start: Tableau
    ) -> Double? {
        minimum(objective.map { ($0.variable, -$0.coefficient) }, of: program, from: start).map { -$0 }
    }

    /// The most fractional variable of a solution, if any is not whole.
    private static func fractional(_ solution: [Double]) -> (Int, Double)? {
        var chosen: (Int, Double)?
        var distance = 1e-6
        for (variable, value) in solution.enumerated() {
            let away = abs(value - value.rounded())
            if away > distance {
                distance = away
                chosen = (variable, value)
            }
        }
        return chosen
    }
}
