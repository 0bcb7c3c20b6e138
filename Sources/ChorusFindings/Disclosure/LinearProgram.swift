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
