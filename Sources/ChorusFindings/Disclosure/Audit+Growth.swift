extension Audit {
    /// A release's bounds said again of the people it added since the release before, as rows
    /// `Σ coefficient × (count now - count then) ≤ 0`.
    ///
    /// A bound such as "those in a group who answered are at most the group" holds of every set
    /// of respondents, so of the new ones too. A reader of two releases applies it to what each
    /// count grew by, and narrowed a group's growth to 3 to 6 people where the totals alone
    /// allowed 0. Equalities need no such row: one that holds in both releases holds of the
    /// difference already. A bound naming a count the release before lacked is left out.
    func growthBounds() -> [[(Subject, Int)]] {
        struct Release {
            let keys: [String]
            let relations: [StatisticSet.Relation]
            let subject: (Int) -> Subject
            let position: (String) -> Int?
        }
        var releases = earlier.enumerated().map { index, ledger in
            Release(
                keys: ledger.keys, relations: ledger.relations,
                subject: { .earlier(release: index, position: $0) }, position: ledger.position(of:))
        }
        let statistics = statistics
        releases.append(
            Release(
                keys: statistics.statistics.map(\.key), relations: statistics.relations,
                subject: { .current($0) }, position: statistics.id(of:)))
        var rows: [[(Subject, Int)]] = []
        for (before, after) in zip(releases, releases.dropFirst()) {
            for relation in after.relations where !relation.isEquality {
                let pairs = relation.terms.compactMap { term in
                    before.position(after.keys[term.statistic]).map { (term, $0) }
                }
                guard pairs.count == relation.terms.count else { continue }
                rows.append(
                    pairs.flatMap { term, position in
                        [
                            (after.subject(term.statistic), term.coefficient),
                            (before.subject(position), -term.coefficient),
                        ]
                    })
            }
        }
        return rows
    }
}
