/// A search for a whole-number point of a linear program where an objective is at most a bound:
/// what an attacker who knows counts are whole numbers cannot rule out.
///
/// Depth-first branch and bound on the linear relaxation, pruning every subproblem whose
/// relaxation cannot reach the bound, within a budget of subproblems. The tables it meets are
/// mostly sums over rows and columns, whose relaxations usually have whole optima, so most
/// searches end at the first subproblem.
enum IntegerSearch {
    /// Subproblems tried before giving up, which the audit treats as a failure to prove safety.
    static let budget = 200

    /// Whether some whole-number point of `program` makes `objective` at most `bound`. Every whole
    /// point met on the way is added to `points`, as a witness for other quantities.
    static func reaches(
        _ objective: [(variable: Int, coefficient: Double)],
        atMost bound: Double,
        in program: LinearProgram,
        from start: Tableau,
        points: inout [[Double]]
    ) -> Bool {
        // A subproblem is the root's program with bounds added. The one branched on last is
        // solved again from its parent's optimum, the others from the root's, since keeping every
        // parent's tableau would take tens of megabytes each on the largest programs.
        var stack: [(bounds: [LinearProgram.Row], isChildOfLast: Bool)] = [([], false)]
        var nodes = 0
        var root = start
        let relaxation = root.minimize(objective)
        var last: Tableau? = root
        while let (bounds, isChildOfLast) = stack.popLast() {
            nodes += 1
            guard nodes <= budget else { return false }
            var outcome = relaxation
            if let bound = bounds.last {
                let parent = isChildOfLast ? last : nil
                var node = parent ?? root
                if let solved = node.minimize(adding: parent == nil ? bounds : [bound]) {
                    outcome = solved
                    last = node
                } else {
                    outcome = LinearProgram(variableCount: program.variableCount, rows: program.rows + bounds)
                        .minimize(objective)
                    last = nil
                }
            }
            switch outcome {
            case .infeasible:
                continue
            case .unbounded:
                // Rational data and a whole point (the truth) exist, so whole points go as low.
                return true
            case .optimal(let value, let solution):
                guard value <= bound + LinearProgram.tolerance else { continue }
                guard let (variable, point) = fractional(solution) else {
                    points.append(solution.map { $0.rounded() })
                    return true
                }
                let below = LinearProgram.Row(terms: [(variable, 1)], isEquality: false, rhs: point.rounded(.down))
                let above = LinearProgram.Row(terms: [(variable, -1)], isEquality: false, rhs: -point.rounded(.up))
                stack.append((bounds + [above], false))
                stack.append((bounds + [below], true))
            }
        }
        return false
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
