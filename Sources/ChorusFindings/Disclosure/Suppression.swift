/// Which statistics a release withholds: primary suppression of small counts and of small
/// changes since an earlier release, then complementary suppression so that no withheld count
/// can be worked out by subtraction.
struct Suppression: Sendable {
    let statistics: StatisticSet
    let threshold: Int
    let earlier: [EarlierRelease]
    private(set) var suppressed: [Bool]
    /// Per statistic, the relations it appears in.
    private let relationsOf: [[Int]]
    /// Per statistic, how many tables show it or a statistic of the same people; 0 for one no
    /// table shows.
    private let tablesShowing: [Int]
    /// Per statistic, the zeros of the groups it is the total of: withheld along with it, except
    /// those the survey makes 0, which a reader knows anyway.
    private let zerosOf: [Int: [Int]]
    /// The zeros of small groups, which must not be worked out either (see
    /// ``StatisticSet/attributeZeros(threshold:)``).
    private let attributeZeros: Set<Int>

    init(statistics: StatisticSet, tablesShowing: [Int], threshold: Int, earlier: [EarlierRelease]) {
        self.statistics = statistics
        self.tablesShowing = statistics.statistics.indices.map { id in
            statistics.samePeople(as: id).reduce(0) { $0 + tablesShowing[$1] }
        }
        self.threshold = threshold
        self.earlier = earlier
        suppressed = Array(repeating: false, count: statistics.statistics.count)
        var relationsOf = Array(repeating: [Int](), count: statistics.statistics.count)
        for (index, relation) in statistics.relations.enumerated() {
            for term in relation.terms { relationsOf[term.statistic].append(index) }
        }
        self.relationsOf = relationsOf
        var zerosOf: [Int: [Int]] = [:]
        for group in statistics.groups {
            zerosOf[group.total, default: []] += group.members.filter {
                statistics.statistics[$0].value == 0 && !statistics.forcedZeros.contains($0)
            }
        }
        self.zerosOf = zerosOf
        attributeZeros = statistics.attributeZeros(threshold: threshold)
    }

    func isSmall(_ count: Int) -> Bool {
        count > 0 && count < threshold
    }

    /// Whether primary suppression lets `id` be published: not from 1 to k-1, and not grown by
    /// 1 to k-1 since an earlier release.
    func isPublishable(_ id: Int) -> Bool {
        let statistic = statistics.statistics[id]
        guard !isSmall(statistic.value) else { return false }
        return earlier.allSatisfy { release in
            guard let position = release.position(of: statistic.key), let old = release.values[position] else {
                return true
            }
            return !isSmall(statistic.value - old)
        }
    }

    /// Withholds every count from 1 to k-1, and every count that grew by 1 to k-1 since a release
    /// that published it: that growth counts new respondents as surely as a cell does.
    /// A count no table shows is withheld from the start: a reader knows it only if the audit
    /// finds it can be worked out from those shown.
    mutating func applyPrimary() {
        for id in statistics.statistics.indices where !isPublishable(id) || !statistics.statistics[id].isShown {
            suppress(id)
        }
    }

    /// Withholds more counts until, in every equality, a withheld count is never alone and the
    /// withheld counts on one side never add up to 1 to k-1; each time the smallest published
    /// count that breaks the equality, so as little as possible is lost.
    mutating func applyComplementary() {
        var queue = Array(statistics.relations.indices)
        var queued = Array(repeating: true, count: statistics.relations.count)
        var head = 0
        while head < queue.count {
            let relation = queue[head]
            head += 1
            queued[relation] = false
            guard needsMore(relation), let chosen = cheapestPublished(in: relation) else {
                continue
            }
            for withheld in suppress(chosen) {
                for other in relationsOf[withheld] where !queued[other] {
                    queued[other] = true
                    queue.append(other)
                }
            }
        }
    }

    /// Withholds `id` with every statistic of the same people, and the zeros of a group they are
    /// the total of: a 0 beside a withheld group size would still say that everyone in the group
    /// gave the other answers. A 0 so withheld that is itself a group's total, as when none of a
    /// small group answered a question, takes its own zeros with it: they would add up to it.
    /// Returns the counts newly withheld; the caller runs ``applyComplementary()`` again afterwards.
    @discardableResult
    mutating func suppress(_ id: Int) -> [Int] {
        let same = statistics.samePeople(as: id)
        var withheld: [Int] = []
        var queue = same + same.flatMap { zerosOf[$0, default: []] }
        while !queue.isEmpty {
            let statistic = queue.removeFirst()
            guard !suppressed[statistic] else { continue }
            suppressed[statistic] = true
            withheld.append(statistic)
            if !same.contains(statistic) { queue += zerosOf[statistic, default: []] }
        }
        return withheld
    }

    /// Whether an equality, with `also` withheld too, leaves a withheld count alone or withheld
    /// counts on one side adding up to 1 to k-1; one whose withheld counts are all hidden ones
    /// that are 0 or large needs nothing.
    private func needsMore(_ index: Int, also: Int? = nil) -> Bool {
        let relation = statistics.relations[index]
        guard relation.isEquality else { return false }
        var withheld = 0
        var sensitive = 0
        var guardsZero = false
        var signs = Set<Int>()
        var published = 0
        for term in relation.terms {
            if suppressed[term.statistic] || term.statistic == also {
                withheld += 1
                if needsProtection(term.statistic) || term.statistic == also { sensitive += 1 }
                if attributeZeros.contains(term.statistic) { guardsZero = true }
                signs.insert(term.coefficient.signum())
            } else {
                published += term.coefficient * statistics.statistics[term.statistic].value
            }
        }
        guard sensitive > 0 else { return false }
        if withheld == 1 { return true }
        // Withheld counts all on one side add up to what the published ones leave over; when that
        // is 0, each of them is 0.
        return withheld > 1 && signs.count == 1 && (isSmall(abs(published)) || (guardsZero && published == 0))
    }

    /// Whether `id` is withheld and must not be worked out: a hidden count only when it would fail
    /// primary suppression or is a 0 of a small group, since working out another that is 0 or
    /// large reveals nothing.
    private func needsProtection(_ id: Int) -> Bool {
        suppressed[id]
            && (statistics.statistics[id].isShown || !isPublishable(id) || attributeZeros.contains(id))
    }

    /// The published count whose withholding costs least to break `relation`, lowest id first on
    /// ties: a count shown in several tables costs as many times its value, and withholding it
    /// costs too the cheapest count each of its other equalities would then need. Zeros protect
    /// nothing and counts no table shows cannot be withheld alone, so neither is chosen.
    func cheapestPublished(in relation: Int) -> Int? {
        var best: (cost: Int, id: Int)?
        for term in statistics.relations[relation].terms where isCandidate(term.statistic) {
            let id = term.statistic
            var cost = weight(id)
            for other in relationsOf[id] where other != relation && needsMore(other, also: id) {
                let cheapest = statistics.relations[other].terms.lazy.map(\.statistic)
                    .filter { $0 != id && self.isCandidate($0) }.map(self.weight).min()
                cost += cheapest ?? Int.max / 4
            }
            if let current = best, (current.cost, current.id) <= (cost, id) { continue }
            best = (cost, id)
        }
        return best?.id
    }

    private func isCandidate(_ id: Int) -> Bool {
        !suppressed[id] && tablesShowing[id] > 0 && statistics.statistics[id].value > 0
    }

    private func weight(_ id: Int) -> Int {
        statistics.statistics[id].value * tablesShowing[id]
    }

    /// The cheapest published count near `id`: in a relation of `id`, else of the withheld counts
    /// around it, nearest first. A count in `spared` is taken only when no ring offers another.
    /// `nil` if nothing near it is left to withhold.
    func nearestPublished(to id: Int, sparing spared: Set<Int> = []) -> Int? {
        var lastResort: Int?
        var visited: Set<Int> = [id]
        var frontier = [id]
        var seenRelations = Set<Int>()
        while !frontier.isEmpty {
            var candidates: [Int] = []
            var next: [Int] = []
            for statistic in frontier {
                for relation in relationsOf[statistic] where seenRelations.insert(relation).inserted {
                    if let candidate = cheapestPublished(in: relation) { candidates.append(candidate) }
                    for term in statistics.relations[relation].terms
                    where suppressed[term.statistic] && visited.insert(term.statistic).inserted {
                        next.append(term.statistic)
                    }
                }
            }
            let byWeight: (Int, Int) -> Bool = { (self.weight($0), $0) < (self.weight($1), $1) }
            if let best = candidates.filter({ !spared.contains($0) }).min(by: byWeight) { return best }
            lastResort = lastResort ?? candidates.min(by: byWeight)
            frontier = next
        }
        return lastResort
    }
}
