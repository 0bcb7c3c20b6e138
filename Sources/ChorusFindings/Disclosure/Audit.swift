/// The check that runs before anything is written: for every withheld count, the exact range of
/// whole values an attacker can derive from every published relation of this release and of
/// earlier ones, with counts never negative and never shrinking from one release to the next.
///
/// A count fails when that range lies within 1 to k-1; a change between two releases fails the
/// same way, since it counts new respondents. A withheld count pinned to a single value is
/// reported too: it is no secret, so the caller publishes it, and no withheld count stays pinned.
struct Audit {
    /// A count in this release or an earlier one.
    enum Subject: Hashable, Sendable {
        case current(Int)
        case earlier(release: Int, position: Int)
    }

    enum Failure: Hashable, Sendable {
        case count(Subject)
        case change(from: Subject, to: Subject)
    }

    let statistics: StatisticSet
    let suppressed: [Bool]
    let threshold: Int
    let earlier: [EarlierRelease]

    private typealias Terms = [(variable: Int, coefficient: Double)]

    struct Outcome {
        /// Every count and change narrowed into 1 to k-1; none when the release is safe.
        var failures: [Failure]
        /// Withheld counts of this release that can be worked out exactly yet are 0 or at least
        /// k: withholding them protects nothing, so they are published.
        var pinned: [Int]
    }

    /// What an attacker can narrow down.
    func run() throws(FindingsError) -> Outcome {
        var system = System()
        var currentVariable = [Int](repeating: -1, count: statistics.statistics.count)
        for id in suppressed.indices where suppressed[id] { currentVariable[id] = system.add(.current(id)) }
        var earlierVariable = earlier.map { [Int](repeating: -1, count: $0.keys.count) }
        for (release, ledger) in earlier.enumerated() {
            for position in ledger.values.indices where ledger.values[position] == nil {
                earlierVariable[release][position] = system.add(.earlier(release: release, position: position))
            }
        }
        func variable(_ subject: Subject) -> Int {
            switch subject {
            case .current(let id): currentVariable[id]
            case .earlier(let release, let position): earlierVariable[release][position]
            }
        }
        func known(_ subject: Subject) -> Double {
            switch subject {
            case .current(let id): Double(statistics.statistics[id].value)
            case .earlier(let release, let position): Double(earlier[release].values[position]!)
            }
        }
        func add(_ terms: [(Subject, Int)], isEquality: Bool) {
            var row: Terms = []
            var rhs = 0.0
            for (subject, coefficient) in terms {
                let index = variable(subject)
                if index >= 0 {
                    row.append((index, Double(coefficient)))
                } else {
                    rhs -= Double(coefficient) * known(subject)
                }
            }
            if !row.isEmpty { system.rows.append(.init(terms: row, isEquality: isEquality, rhs: rhs)) }
        }
        for relation in statistics.relations {
            add(relation.terms.map { (.current($0.statistic), $0.coefficient) }, isEquality: relation.isEquality)
        }
        for (release, ledger) in earlier.enumerated() {
            for relation in ledger.relations {
                add(
                    relation.terms.map { (.earlier(release: release, position: $0.statistic), $0.coefficient) },
                    isEquality: relation.isEquality)
            }
        }
        // Counts only grow: each release's count is at most the next one's.
        let chains = self.chains()
        var changes: [(from: Subject, to: Subject)] = []
        for chain in chains {
            for (earlierSubject, later) in zip(chain, chain.dropFirst()) {
                if variable(earlierSubject) < 0, variable(later) < 0, known(earlierSubject) > known(later) {
                    throw FindingsError.shrank
                }
                add([(earlierSubject, 1), (later, -1)], isEquality: false)
            }
            guard let last = chain.last else { continue }
            var pairs = zip(chain, chain.dropFirst()).map { ($0, $1) }
            if case .current = last { pairs += chain.dropLast(2).map { ($0, last) } }
            changes += pairs.filter { variable($0.0) >= 0 || variable($0.1) >= 0 }.map { (from: $0.0, to: $0.1) }
        }
        var failures: [Failure] = []
        var pinned: [Int] = []
        for subject in system.subjects {
            let k = threshold(of: subject)
            let range = try system.range(of: [(variable(subject), 1)], constant: 0)
            guard let (low, high) = range else {
                failures.append(.count(subject))
                continue
            }
            if low >= 1 && high <= Double(k - 1) {
                failures.append(.count(subject))
            } else if low == high, case .current(let id) = subject {
                pinned.append(id)
            }
        }
        for change in changes {
            var terms: Terms = []
            var constant = 0.0
            for (subject, sign) in [(change.to, 1.0), (change.from, -1.0)] {
                let index = variable(subject)
                if index >= 0 { terms.append((index, sign)) } else { constant += sign * known(subject) }
            }
            guard let (low, high) = try system.range(of: terms, constant: constant) else {
                failures.append(.change(from: change.from, to: change.to))
                continue
            }
            if low >= 1 && high <= Double(threshold(of: change.to) - 1) {
                failures.append(.change(from: change.from, to: change.to))
            }
        }
        return Outcome(failures: failures, pinned: pinned)
    }

    private func threshold(of subject: Subject) -> Int {
        switch subject {
        case .current: threshold
        case .earlier(let release, _): earlier[release].threshold
        }
    }

    /// For every key, the releases that have it, earliest first, this one last.
    private func chains() -> [[Subject]] {
        var chains: [[Subject]] = []
        var chainOf: [String: Int] = [:]
        func append(_ key: String, _ subject: Subject) {
            if let index = chainOf[key] {
                chains[index].append(subject)
            } else {
                chainOf[key] = chains.count
                chains.append([subject])
            }
        }
        for (release, ledger) in earlier.enumerated() {
            for (position, key) in ledger.keys.enumerated() {
                append(key, .earlier(release: release, position: position))
            }
        }
        for (id, statistic) in statistics.statistics.enumerated() { append(statistic.key, .current(id)) }
        return chains.filter { $0.count > 1 }
    }
}

/// The unknowns of an audit and the rows over them, split into independent components, each
/// solved as its own small linear program.
private struct System {
    var subjects: [Audit.Subject] = []
    var rows: [LinearProgram.Row] = []
    private var components: [Int: Component] = [:]
    private var componentOf: [Int] = []
    private var localIndex: [Int] = []

    private struct Component {
        var program: LinearProgram
        var start: Tableau
    }

    mutating func add(_ subject: Audit.Subject) -> Int {
        subjects.append(subject)
        return subjects.count - 1
    }

    /// The least and greatest whole values of `Σ terms + constant`; `nil` if that could not be settled.
    mutating func range(of terms: [(variable: Int, coefficient: Double)], constant: Double) throws(FindingsError)
        -> (Double, Double)?
    {
        if componentOf.isEmpty { split() }
        var low = constant
        var high = constant
        var byComponent: [Int: [(variable: Int, coefficient: Double)]] = [:]
        for term in terms {
            byComponent[componentOf[term.variable], default: []].append((localIndex[term.variable], term.coefficient))
        }
        for (root, local) in byComponent.sorted(by: { $0.key < $1.key }) {
            let component = try self.component(root)
            guard let minimum = IntegerRange.minimum(local, of: component.program, from: component.start),
                let maximum = IntegerRange.maximum(local, of: component.program, from: component.start)
            else { return nil }
            guard minimum <= maximum else { throw FindingsError.inconsistent }
            low += minimum
            high += maximum
        }
        return (low, high)
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
        guard let start = program.start() else { throw FindingsError.inconsistent }
        let component = Component(program: program, start: start)
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
