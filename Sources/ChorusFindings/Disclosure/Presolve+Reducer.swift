extension Presolve {
    /// Takes a program's rows apart one finding at a time: a row is looked at again whenever a
    /// bound of one of its unknowns changes, until nothing changes.
    struct Reducer {
        private(set) var rows: [LinearProgram.Row]
        private(set) var alive: [Bool]
        private(set) var lower: [Double]
        private(set) var upper: [Double]
        private(set) var fixed: [Double?]
        /// Whether a row of one unknown bounds it from above; bounds found otherwise follow from
        /// rows that stay.
        private(set) var hasStatedUpperBound: [Bool]
        private var rowsOf: [[Int]]
        private var queue: [Int]
        private var queued: [Bool]
        /// Bounds tightened from the other unknowns of a row can creep up one at a time across a
        /// chain of rows; past this many the search stops tightening, which leaves bounds looser
        /// but still true.
        private var tighteningsLeft: Int

        private static let tolerance = 1e-6

        init(_ program: LinearProgram) {
            let n = program.variableCount
            rows = program.rows.map { row in
                var coefficients: [Int: Double] = [:]
                for term in row.terms { coefficients[term.variable, default: 0] += term.coefficient }
                let terms = coefficients.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map {
                    (variable: $0.key, coefficient: $0.value)
                }
                return LinearProgram.Row(terms: terms, isEquality: row.isEquality, rhs: row.rhs)
            }
            alive = [Bool](repeating: true, count: rows.count)
            lower = [Double](repeating: 0, count: n)
            upper = [Double](repeating: .infinity, count: n)
            fixed = [Double?](repeating: nil, count: n)
            hasStatedUpperBound = [Bool](repeating: false, count: n)
            rowsOf = [[Int]](repeating: [], count: n)
            for (index, row) in rows.enumerated() {
                for term in row.terms { rowsOf[term.variable].append(index) }
            }
            queue = Array(rows.indices.reversed())
            queued = [Bool](repeating: true, count: rows.count)
            tighteningsLeft = 20 * rows.count
        }

        /// `false` when the rows have no whole-number point.
        mutating func run() -> Bool {
            while let index = queue.popLast() {
                queued[index] = false
                guard alive[index] else { continue }
                guard examine(index) else { return false }
            }
            return true
        }

        private mutating func examine(_ index: Int) -> Bool {
            var row = rows[index]
            var terms: [(variable: Int, coefficient: Double)] = []
            for term in row.terms {
                if let value = fixed[term.variable] {
                    row.rhs -= term.coefficient * value
                } else {
                    terms.append(term)
                }
            }
            row.terms = terms
            rows[index] = row
            let slack = Self.tolerance * max(1, abs(row.rhs))
            switch terms.count {
            case 0:
                alive[index] = false
                return row.isEquality ? abs(row.rhs) <= slack : row.rhs >= -slack
            case 1:
                alive[index] = false
                let (variable, coefficient) = terms[0]
                let value = row.rhs / coefficient
                if row.isEquality { return fix(variable, at: value) }
                if coefficient > 0 { hasStatedUpperBound[variable] = true }
                return bound(variable, fromAbove: coefficient > 0, by: value)
            default:
                guard propagate(terms, atMost: row.rhs) else { return false }
                guard row.isEquality else { return true }
                return propagate(terms.map { ($0.variable, -$0.coefficient) }, atMost: -row.rhs)
            }
        }

        /// What `Σ terms ≤ rhs` says of each unknown, given the bounds of the others; and, when
        /// the row can only hold with every unknown at its bound, fixes them all there.
        private mutating func propagate(_ terms: [(variable: Int, coefficient: Double)], atMost rhs: Double) -> Bool {
            // The least the sum can be, with the unknowns whose least is unbounded counted apart.
            var least = 0.0
            var unbounded: [Int] = []
            for (position, term) in terms.enumerated() {
                let value = leastValue(of: term)
                if value.isInfinite { unbounded.append(position) } else { least += term.coefficient * value }
            }
            let slack = Self.tolerance * max(1, abs(rhs))
            if unbounded.isEmpty {
                if least > rhs + slack { return false }
                if least >= rhs - slack {
                    for term in terms {
                        guard fix(term.variable, at: leastValue(of: term)) else { return false }
                    }
                    return true
                }
            }
            guard unbounded.count <= 1, tighteningsLeft > 0 else { return true }
            for (position, term) in terms.enumerated() where unbounded.isEmpty || unbounded == [position] {
                let own = unbounded.isEmpty ? term.coefficient * leastValue(of: term) : 0
                let value = (rhs - (least - own)) / term.coefficient
                guard bound(term.variable, fromAbove: term.coefficient > 0, by: value) else { return false }
            }
            return true
        }

        /// The value of the unknown that makes its term least.
        private func leastValue(of term: (variable: Int, coefficient: Double)) -> Double {
            term.coefficient > 0 ? lower[term.variable] : upper[term.variable]
        }

        /// Lowers the upper bound, or raises the lower, to the whole number inside `value`.
        private mutating func bound(_ variable: Int, fromAbove: Bool, by value: Double) -> Bool {
            if let current = fixed[variable] {
                return fromAbove ? current <= value + Self.tolerance : current >= value - Self.tolerance
            }
            if fromAbove {
                let whole = (value + Self.tolerance).rounded(.down)
                guard whole < upper[variable] else { return true }
                upper[variable] = whole
            } else {
                let whole = (value - Self.tolerance).rounded(.up)
                guard whole > lower[variable] else { return true }
                lower[variable] = whole
            }
            tighteningsLeft -= 1
            if lower[variable] > upper[variable] { return false }
            if lower[variable] == upper[variable] { return fix(variable, at: lower[variable]) }
            requeue(rowsOf: variable)
            return true
        }

        private mutating func fix(_ variable: Int, at value: Double) -> Bool {
            let whole = value.rounded()
            if let current = fixed[variable] { return current == whole && abs(value - whole) <= Self.tolerance }
            guard abs(value - whole) <= Self.tolerance, whole >= lower[variable], whole <= upper[variable] else {
                return false
            }
            fixed[variable] = whole
            lower[variable] = whole
            upper[variable] = whole
            requeue(rowsOf: variable)
            return true
        }

        private mutating func requeue(rowsOf variable: Int) {
            for index in rowsOf[variable] where alive[index] && !queued[index] {
                queued[index] = true
                queue.append(index)
            }
        }
    }
}
