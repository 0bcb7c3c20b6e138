/// The check that runs before anything is written: whether an attacker who knows every published
/// relation of this release and of earlier ones, that counts are whole and never negative, and
/// that they never shrink from one release to the next, can narrow a withheld count into 1 to
/// k-1; and the same for what a count grew by between releases, since that counts new respondents,
/// and for what counts withheld side by side grew by, where a release's totals gave their sum.
/// A count of the same people as a withheld one must be withheld too, however large: the reader
/// who sees it knows the other.
///
/// A count is safe as soon as one whole-number completion of everything published makes it 0 or
/// at least k. For a count that is truly 0 or at least k the truth is that completion; for the
/// others, points found along the way are tried first, then a branch-and-bound search for one.
struct Audit {
    /// A count in this release or an earlier one.
    enum Subject: Hashable, Sendable {
        case current(Int)
        case earlier(release: Int, position: Int)
    }

    enum Failure: Hashable, Sendable, Error {
        case count(Subject)
        case change(from: Subject, to: Subject)
        /// What counts withheld together grew by (see ``WithheldSum``).
        case sumChange(from: [Subject], to: [Subject])
    }

    let statistics: StatisticSet
    let suppressed: [Bool]
    let threshold: Int
    let earlier: [EarlierRelease]

    private typealias Terms = [(variable: Int, coefficient: Double)]

    /// What the audits of one release have proven so far, and how much they searched.
    ///
    /// A quantity proven safe stays safe when more is withheld, since the completion that proved
    /// it still fits what is published; so a caller that withholds more and audits again searches
    /// only what is new or still failing. Auditing after a merge against several earlier
    /// releases once searched everything again each round, on programs of hundreds of unknowns.
    struct Progress {
        var provenSafe: Set<Failure> = []
        /// How many quantities were searched for a completion that makes them safe.
        var searched = 0
    }

    /// Every count and change an attacker can narrow into 1 to k-1; none when the release is safe.
    func failures() throws(FindingsError) -> [Failure] {
        var progress = Progress()
        return try failures(progress: &progress)
    }

    /// The failures, skipping the quantities `progress` has proven safe and adding those this
    /// audit proves safe; `checked` is told, as it goes, how many of the quantities it has checked.
    func failures(progress: inout Progress, checked: (_ done: Int, _ total: Int) -> Void = { _, _ in })
        throws(FindingsError) -> [Failure]
    {
        var system = AuditSystem()
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
        for row in growthBounds() { add(row, isEquality: false) }
        var failures: [Failure] = []
        // A 0 of a small group must be withheld, and some completion must make it 1 or more;
        // unless an earlier release published it as 0, which no release can take back.
        let attributeZeros = statistics.attributeZeros(threshold: threshold)
        failures += attributeZeros.sorted().filter { !suppressed[$0] }.map { .count(.current($0)) }
        // A count of the same people as one withheld shows it, whatever its size.
        failures += suppressed.indices.filter { id in
            !suppressed[id] && statistics.samePeople(as: id).contains { suppressed[$0] }
        }.map { .count(.current($0)) }
        let zerosToCheck = attributeZeros.sorted().filter { suppressed[$0] && !wasPublishedAsZero($0) }
        let sums = withheldSums()
        let total = zerosToCheck.count + system.subjects.count + changes.count + sums.count
        var done = 0
        func step() {
            done += 1
            checked(done, total)
        }
        func check(_ quantity: Failure, _ isSafe: () throws(FindingsError) -> Bool) throws(FindingsError) {
            guard !progress.provenSafe.contains(quantity) else { return }
            progress.searched += 1
            if try isSafe() { progress.provenSafe.insert(quantity) } else { failures.append(quantity) }
        }
        for id in zerosToCheck {
            step()
            try check(.count(.current(id))) { () throws(FindingsError) in
                try system.canReach([(currentVariable[id], 1)], atLeast: 1)
            }
        }
        for subject in system.subjects {
            step()
            let k = Double(threshold(of: subject))
            if case .current = subject, let truth = truth(of: subject), truth == 0 || truth >= k { continue }
            try check(.count(subject)) { () throws(FindingsError) in
                try system.canLeaveSmallRange([(variable(subject), 1)], constant: 0, k: k)
            }
        }
        // What counts grew by, Σ coefficient × (to - from), as `failure` when it can be narrowed
        // into 1 to k-1; k is the later release's.
        func checkGrowth(
            from: [Subject], to: [Subject], coefficients: [Int], as failure: Failure
        ) throws(FindingsError) {
            var terms: Terms = []
            var constant = 0.0
            var truth: Double? = 0
            for (index, coefficient) in coefficients.enumerated() {
                for (subject, sign) in [(to[index], 1.0), (from[index], -1.0)] {
                    let weight = sign * Double(coefficient)
                    let unknown = variable(subject)
                    if unknown >= 0 { terms.append((unknown, weight)) } else { constant += weight * known(subject) }
                    truth = truth.flatMap { total in self.truth(of: subject).map { total + weight * $0 } }
                }
            }
            let k = Double(threshold(of: to[0]))
            // A growth whose truth is known and is 0 or at least k is its own witness.
            if let truth, truth == 0 || truth >= k { return }
            // A release in between that published the counts can leave this one's unknowns and the
            // other's with no relation in common, so that no one search spans both. The growth is
            // then split in two at that release, each part never negative and checked in its own
            // pair: when each part can be 0 or at least k, so can their sum. Of a sum's parts, only
            // those a release in between withheld together again are checked as sums (see
            // ``withheldSums()``).
            guard system.joinsOneComponent(terms.map(\.variable)) else { return }
            try check(failure) { () throws(FindingsError) in
                try system.canLeaveSmallRange(terms, constant: constant, k: k)
            }
        }
        for change in changes {
            step()
            try checkGrowth(
                from: [change.from], to: [change.to], coefficients: [1],
                as: .change(from: change.from, to: change.to))
        }
        for sum in sums {
            step()
            try checkGrowth(
                from: sum.from, to: sum.to, coefficients: sum.coefficients, as: .sumChange(from: sum.from, to: sum.to))
        }
        return failures
    }

    /// Whether an earlier release published the count `id` names as 0.
    private func wasPublishedAsZero(_ id: Int) -> Bool {
        let key = statistics.statistics[id].key
        return earlier.contains { release in release.position(of: key).flatMap { release.values[$0] } == 0 }
    }

    /// A count's true value, when the audit knows it: this release's, or an earlier published one.
    private func truth(of subject: Subject) -> Double? {
        switch subject {
        case .current(let id): Double(statistics.statistics[id].value)
        case .earlier(let release, let position): earlier[release].values[position].map(Double.init)
        }
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
