/// The unknowns of an audit and the rows over them, split into independent components, each
/// searched as its own small integer program.
struct AuditSystem {
    var subjects: [Audit.Subject] = []
    var rows: [LinearProgram.Row] = []
    private var components: [Int: Component] = [:]
    private var componentOf: [Int] = []
    private var localIndex: [Int] = []

    private struct Component {
        var presolve: Presolve
        var start: Tableau
        /// Whole-number completions found so far; each settles every quantity it makes 0 or large.
        var points: [[Double]]
    }

    mutating func add(_ subject: Audit.Subject) -> Int {
        subjects.append(subject)
        return subjects.count - 1
    }

    /// Whether `variables` all lie in one component, so that one search can bound a sum of them.
    mutating func joinsOneComponent(_ variables: [Int]) -> Bool {
        if componentOf.isEmpty { split() }
        return Set(variables.map { componentOf[$0] }).count <= 1
    }

    /// Whether some whole-number completion makes `Σ terms + constant` 0 or less, or at least `k`.
    mutating func canLeaveSmallRange(_ terms: [(variable: Int, coefficient: Double)], constant: Double, k: Double)
        throws(FindingsError) -> Bool
    {
        try canReach(terms, constant: constant, atMost: 0, atLeast: k)
    }

    /// Whether some whole-number completion makes `Σ terms` at least `bound`.
    mutating func canReach(_ terms: [(variable: Int, coefficient: Double)], atLeast bound: Double)
        throws(FindingsError) -> Bool
    {
        try canReach(terms, constant: 0, atMost: nil, atLeast: bound)
    }

    /// Whether some whole-number completion makes `Σ terms + constant` at most `low` or at least
    /// `high`, each side tried when given.
    private mutating func canReach(
        _ terms: [(variable: Int, coefficient: Double)], constant: Double, atMost low: Double?, atLeast high: Double?
    ) throws(FindingsError) -> Bool {
        if componentOf.isEmpty { split() }
        let roots = Set(terms.map { componentOf[$0.variable] })
        // The audit's quantities are one count or one count's growth, whose two releases are
        // related, so they lie in one component; proving anything wider is left undone, as unsafe.
        guard roots.count == 1, let root = roots.first else { return false }
        let local = terms.map { (variable: localIndex[$0.variable], coefficient: $0.coefficient) }
        var component = try self.component(root)
        defer { components[root] = component }
        func value(_ point: [Double]) -> Double { local.reduce(constant) { $0 + $1.coefficient * point[$1.variable] } }
        let tolerance = LinearProgram.tolerance
        if component.points.contains(where: { point in
            low.map { value(point) <= $0 + tolerance } == true || high.map { value(point) >= $0 - tolerance } == true
        }) {
            return true
        }
        let presolve = component.presolve
        let (reduced, shift) = presolve.reduce(local, constant: constant)
        if reduced.isEmpty {
            return low.map { shift <= $0 + tolerance } == true || high.map { shift >= $0 - tolerance } == true
        }
        var found: [[Double]] = []
        defer { component.points += found.map(presolve.expand) }
        // Pushed down to `low` or below, else up to `high` or above.
        if let low,
            IntegerSearch.reaches(
                reduced, atMost: low - shift, in: presolve.program, from: component.start, points: &found)
        {
            return true
        }
        guard let high else { return false }
        let negated = reduced.map { (variable: $0.variable, coefficient: -$0.coefficient) }
        return IntegerSearch.reaches(
            negated, atMost: shift - high, in: presolve.program, from: component.start, points: &found)
    }

    private mutating func component(_ root: Int) throws(FindingsError) -> Component {
        if let component = components[root] { return component }
        let members = subjects.indices.filter { componentOf[$0] == root }
        let program = LinearProgram(
            variableCount: members.count,
            rows: rows.filter { componentOf[$0.terms[0].variable] == root }.map { row in
                LinearProgram.Row(
                    terms: row.terms.map { (localIndex[$0.variable], $0.coefficient) }, isEquality: row.isEquality,
                    rhs: row.rhs)
            })
        guard let presolve = Presolve(program), let start = presolve.program.start() else {
            throw FindingsError.inconsistent
        }
        let component = Component(presolve: presolve, start: start, points: [])
        components[root] = component
        return component
    }

    /// Finds the components: unknowns joined by sharing a row.
    private mutating func split() {
        var parent = Array(subjects.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for row in rows {
            let first = find(row.terms[0].variable)
            for term in row.terms.dropFirst() {
                let other = find(term.variable)
                if other != first { parent[other] = first }
            }
        }
        componentOf = subjects.indices.map { find($0) }
        var counters: [Int: Int] = [:]
        localIndex = componentOf.map { root in
            defer { counters[root, default: 0] += 1 }
            return counters[root, default: 0]
        }
    }
}
