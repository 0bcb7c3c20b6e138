import ChorusStore

/// A recorded release of the same survey version, as the audit reads it: its published counts
/// and relations, indexed.
struct EarlierRelease: Sendable {
    let sequence: Int
    let threshold: Int
    let keys: [String]
    /// Per key, the published value, `nil` if suppressed.
    let values: [Int?]
    let relations: [StatisticSet.Relation]
    private let index: [String: Int]

    /// The release `ledger` recorded, with `rules`: what the survey tells a reader of every
    /// release, which a ledger recorded before the audit knew it lacks.
    init(_ ledger: ReleaseLedger, rules: [SurveyRules.Rule] = []) {
        sequence = ledger.sequence
        threshold = ledger.threshold
        keys = ledger.counts.map(\.key)
        values = ledger.counts.map(\.value)
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() { index[key] = position }
        self.index = index
        // A relation naming a count the ledger lacks cannot be used; drop it rather than guess.
        func relation(_ terms: [(key: String, coefficient: Int)], isEquality: Bool) -> StatisticSet.Relation? {
            var found: [StatisticSet.Term] = []
            for term in terms {
                guard let position = index[term.key] else { return nil }
                found.append(StatisticSet.Term(statistic: position, coefficient: term.coefficient))
            }
            return StatisticSet.Relation(terms: found, isEquality: isEquality)
        }
        relations =
            ledger.relations.compactMap { recorded in
                relation(recorded.terms.map { ($0.key, $0.coefficient) }, isEquality: recorded.isEquality)
            } + rules.compactMap { relation($0.terms, isEquality: $0.isEquality) }
    }

    /// The position of `key` in this release, if it has that count.
    func position(of key: String) -> Int? {
        index[key]
    }
}

extension ReleaseLedger {
    /// The ledger of a release built from `statistics` with `suppressed` withheld.
    init(
        surveyID: String, surveyVersion: Int, sequence: Int, month: String, threshold: Threshold,
        statistics: StatisticSet, suppressed: [Bool]
    ) {
        let counts = statistics.statistics.enumerated().map { id, statistic in
            LedgerCount(key: statistic.key, value: suppressed[id] ? nil : statistic.value)
        }
        let relations = statistics.relations.map { relation in
            LedgerRelation(
                isEquality: relation.isEquality,
                terms: relation.terms.map {
                    LedgerTerm(key: statistics.statistics[$0.statistic].key, coefficient: $0.coefficient)
                })
        }
        self.init(
            surveyID: surveyID, surveyVersion: surveyVersion, sequence: sequence, month: month,
            threshold: threshold.minimumCount, reason: threshold.reason,
            counts: counts.sorted { $0.key < $1.key }, relations: relations)
    }
}
