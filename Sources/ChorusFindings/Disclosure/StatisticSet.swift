/// The counts a release may publish, each once under a key that names it across releases, and
/// the linear relations among them that a reader could use to work out a withheld count.
///
/// A count shown in several tables is one statistic here, so it is published or suppressed
/// everywhere at once; so are statistics that count the same people under different keys (see
/// ``same(_:_:)``).
struct StatisticSet: Sendable {
    struct Statistic: Sendable, Hashable {
        /// Names the count across releases (see StatisticKey).
        let key: String
        /// The true count; it leaves this module only if published.
        let value: Int
        /// Whether a table shows it. A hidden one is the difference of two shown ones (those who
        /// answered but did not choose an option): a reader can compute it, so it is protected as
        /// if shown.
        let isShown: Bool
    }

    /// `Σ coefficient × statistic` is zero (`isEquality`) or at most zero.
    struct Relation: Sendable, Hashable {
        var terms: [Term]
        var isEquality: Bool
    }

    struct Term: Sendable, Hashable {
        var statistic: Int
        var coefficient: Int
    }

    /// The people of one row of a table, as its total, and the counts of what they answered
    /// (with the hidden "did not choose" counts): a 0 among these says what every one of them
    /// answered.
    struct Group: Sendable, Hashable {
        var total: Int
        var members: [Int]
        /// Whether the people are a group within everyone, such as a row of a breakdown by area,
        /// rather than everyone who answered.
        var isBreakdown: Bool
    }

    private(set) var statistics: [Statistic] = []
    private(set) var relations: [Relation] = []
    private(set) var groups: [Group] = []
    /// The counts the survey makes 0 (see ``SurveyRules/forcedZeros(_:keys:)``).
    private(set) var forcedZeros: Set<Int> = []
    private var ids: [String: Int] = [:]
    /// Per statistic, the first of those counting the same people; the classes themselves by it.
    private var representative: [Int] = []
    private var classes: [Int: [Int]] = [:]

    /// The id of the statistic with `key`, added with `value` if new.
    mutating func add(_ key: String, _ value: Int, isShown: Bool = true) -> Int {
        if let id = ids[key] {
            precondition(statistics[id].value == value, "one key, one count")
            return id
        }
        statistics.append(Statistic(key: key, value: value, isShown: isShown))
        ids[key] = statistics.count - 1
        representative.append(statistics.count - 1)
        return statistics.count - 1
    }

    /// The id of the statistic with `key`, if there is one.
    func id(of key: String) -> Int? {
        ids[key]
    }

    /// Records `total = Σ parts`.
    mutating func sum(_ total: Int, _ parts: [Int]) {
        guard !parts.isEmpty else { return }
        relations.append(
            Relation(
                terms: [Term(statistic: total, coefficient: 1)] + parts.map { Term(statistic: $0, coefficient: -1) },
                isEquality: true))
    }

    /// Records that `part` counts some of the people `whole` counts, or all of them when a reader
    /// of the survey knows it (`isWhole`). Equal counts are the same people, and one statistic,
    /// whether or not a reader knows it.
    mutating func subset(_ part: Int, of whole: Int, isWhole: Bool = false) {
        let isEqual = statistics[part].value == statistics[whole].value
        relate([(part, 1), (whole, -1)], isEquality: isWhole && isEqual)
        if isEqual { same(part, whole) }
    }

    /// The shown statistics, one for each number a table shows: statistics of the same people are
    /// one number, however many keys they have. The disclosure log counts these.
    var numbers: [Int] {
        statistics.indices.filter { statistics[$0].isShown && samePeople(as: $0).min() == $0 }
    }

    /// The statistics that count the same people as `id`, itself included.
    func samePeople(as id: Int) -> [Int] {
        classes[representative[id]] ?? [id]
    }

    /// Records that `a` and `b` count the same people: one count under two keys, published or
    /// withheld together. A hidden count is withheld from the start, which must not withhold the
    /// shown counts of its people, so it stays apart; so does a count of no one, which tells
    /// nothing about anyone. The audit is told only the relations a reader knows: an equality a
    /// reader does not know would make it refuse what is safe.
    mutating func same(_ a: Int, _ b: Int) {
        let (first, second) = (representative[a], representative[b])
        guard first != second, statistics[a].value > 0, statistics[a].isShown, statistics[b].isShown else { return }
        let moved = classes.removeValue(forKey: second) ?? [second]
        for id in moved { representative[id] = first }
        classes[first, default: [first]] += moved
    }

    /// Records `Σ coefficient × statistic = 0`, or `≤ 0` unless `isEquality`.
    mutating func relate(_ terms: [(statistic: Int, coefficient: Int)], isEquality: Bool) {
        relations.append(
            Relation(
                terms: terms.map { Term(statistic: $0.statistic, coefficient: $0.coefficient) }, isEquality: isEquality)
        )
    }

    /// Records `Σ coefficient × statistic ≤ 0`.
    mutating func atMost(_ terms: [(statistic: Int, coefficient: Int)]) {
        relate(terms, isEquality: false)
    }

    /// Records that the survey makes `id` 0, so a reader knows it before any release does.
    mutating func forceZero(_ id: Int) {
        precondition(statistics[id].value == 0, "only a count of no one is forced to 0")
        forcedZeros.insert(id)
    }

    /// Records that `members` count what the people counted by `total` answered; `isBreakdown`
    /// when those people are a group within everyone.
    mutating func group(_ total: Int, _ members: [Int], isBreakdown: Bool = false) {
        groups.append(Group(total: total, members: members, isBreakdown: isBreakdown))
    }

    /// The zeros of groups of 1 to `threshold - 1` people, and of groups within everyone, such as
    /// a row of a breakdown by area, of 1 to `2 × threshold - 1`. Published, or worked out from
    /// what is published, such a 0 tells what everyone in a small group answered (attribute
    /// disclosure), just as a 100% would: so each must stay withheld and not be pinned to 0.
    ///
    /// Twice the threshold is the size under which a share of 0% or 100% is shown only as a
    /// bound, which a published 0 beside it would undo. A 0 of everyone who answered is an answer
    /// no one gave; it is withheld only when so few answered that their number is withheld too.
    ///
    /// A 0 that is part of a 0 of more people, such as an answer no one at all gave, is left out:
    /// it says nothing of the small group that the wider 0 does not say of everyone, and while
    /// that 0 is published no withholding could keep it from being worked out.
    /// A 0 the survey makes says nothing of anyone either.
    func attributeZeros(threshold: Int) -> Set<Int> {
        var zeros = Set<Int>()
        for group in groups
        where (1..<max(1, group.isBreakdown ? 2 * threshold : threshold)).contains(statistics[group.total].value) {
            zeros.formUnion(group.members.filter { statistics[$0].value == 0 })
        }
        var partsOfWiderZeros = Set<Int>()
        // Two terms say that two counts are equal, as a question everyone answered in a group is
        // that group: neither is wider than the other.
        for relation in relations where relation.isEquality && relation.terms.count > 2 {
            guard let total = relation.terms.first, total.coefficient == 1, statistics[total.statistic].value == 0,
                !zeros.contains(total.statistic), relation.terms.dropFirst().allSatisfy({ $0.coefficient == -1 })
            else { continue }
            partsOfWiderZeros.formUnion(relation.terms.dropFirst().map(\.statistic))
        }
        return zeros.subtracting(partsOfWiderZeros).subtracting(forcedZeros)
    }
}
