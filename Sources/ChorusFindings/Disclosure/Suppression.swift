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

    init(statistics: StatisticSet, threshold: Int, earlier: [EarlierRelease]) {
        self.statistics = statistics
        self.threshold = threshold
        self.earlier = earlier
        suppressed = Array(repeating: false, count: statistics.statistics.count)
        var relationsOf = Array(repeating: [Int](), count: statistics.statistics.count)
        for (index, relation) in statistics.relations.enumerated() {
            for term in relation.terms { relationsOf[term.statistic].append(index) }
        }
        self.relationsOf = relationsOf
    }

    func isSmall(_ count: Int) -> Bool {
        count > 0 && count < threshold
    }

    /// Withholds every count from 1 to k-1, and every count that grew by 1 to k-1 since a release
    /// that published it: that growth counts new respondents as surely as a cell does.
    mutating func applyPrimary() {
        for (id, statistic) in statistics.statistics.enumerated() {
            if isSmall(statistic.value) { suppressed[id] = true }
            for release in earlier {
                guard let position = release.position(of: statistic.key), let old = release.values[position] else {
                    continue
                }
                if isSmall(statistic.value - old) { suppressed[id] = true }
            }
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
            guard needsMore(statistics.relations[relation]), let chosen = smallestPublished(in: relation) else {
                continue
            }
            suppress(chosen)
            for other in relationsOf[chosen] where !queued[other] {
                queued[other] = true
                queue.append(other)
            }
        }
    }

    /// Withholds `id`; the caller runs ``applyComplementary()`` again afterwards.
    mutating func suppress(_ id: Int) {
        suppressed[id] = true
    }

    private func needsMore(_ relation: StatisticSet.Relation) -> Bool {
        guard relation.isEquality else { return false }
        var withheld = 0
        var signs = Set<Int>()
        var published = 0
        for term in relation.terms {
            if suppressed[term.statistic] {
                withheld += 1
                signs.insert(term.coefficient.signum())
            } else {
                published += term.coefficient * statistics.statistics[term.statistic].value
            }
        }
        if withheld == 1 { return true }
        // Withheld counts all on one side add up to what the published ones leave over.
        return withheld > 1 && signs.count == 1 && isSmall(abs(published))
    }

    /// The smallest non-zero published count a table shows in `relation`, lowest id first on ties.
    func smallestPublished(in relation: Int) -> Int? {
        var best: Int?
        for term in statistics.relations[relation].terms {
            let id = term.statistic
            let statistic = statistics.statistics[id]
            guard !suppressed[id], statistic.isShown, statistic.value > 0 else { continue }
            if let current = best, (statistics.statistics[current].value, current) <= (statistic.value, id) { continue }
            best = id
        }
        return best
    }

    /// The smallest published count near `id`: in a relation of `id`, else of the withheld counts
    /// around it, nearest first. `nil` if nothing near it is left to withhold.
    func nearestPublished(to id: Int) -> Int? {
        var visited: Set<Int> = [id]
        var frontier = [id]
        var seenRelations = Set<Int>()
        while !frontier.isEmpty {
            var candidates: [Int] = []
            var next: [Int] = []
            for statistic in frontier {
                for relation in relationsOf[statistic] where seenRelations.insert(relation).inserted {
                    if let candidate = smallestPublished(in: relation) { candidates.append(candidate) }
                    for term in statistics.relations[relation].terms
                    where suppressed[term.statistic] && visited.insert(term.statistic).inserted {
                        next.append(term.statistic)
                    }
                }
            }
            if let best = candidates.min(by: {
                (statistics.statistics[$0].value, $0) < (statistics.statistics[$1].value, $1)
            }) {
                return best
            }
            frontier = next
        }
        return nil
    }
}
