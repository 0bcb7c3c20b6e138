extension Audit {
    /// Counts a release withheld together in one equality, whose sum a reader works out from the
    /// published counts beside them, and the same counts in the other release of a pair: what
    /// their sum grew by counts new respondents as surely as one count's growth does. In the
    /// other release they may be published, or withheld too. The coefficients are positive: the
    /// sum's growth is `Σ coefficient × (to - from)`.
    struct WithheldSum: Hashable {
        let from: [Subject]
        let to: [Subject]
        let coefficients: [Int]
    }

    /// Every set of counts withheld together, in an earlier release or this one, paired with
    /// the same counts in this one or each earlier one, once each.
    ///
    /// Only pairs with this release are formed. A pair of earlier releases was checked when the
    /// later of the two was made, if it was made with this check; one recorded before could fail,
    /// and nothing this release withholds would mend it, so checking it would refuse every later
    /// release.
    func withheldSums() -> [WithheldSum] {
        var sums: [WithheldSum] = []
        var seen: Set<[Subject]> = []
        func append(_ sum: WithheldSum) {
            if seen.insert(sum.from + sum.to).inserted { sums.append(sum) }
        }
        for relation in statistics.relations {
            guard let withheld = Self.withheld(in: relation, where: { suppressed[$0] }) else { continue }
            let keys = withheld.map { statistics.statistics[$0.statistic].key }
            for (release, ledger) in earlier.enumerated() {
                let positions = keys.compactMap(ledger.position(of:))
                guard positions.count == keys.count else { continue }
                append(
                    WithheldSum(
                        from: positions.map { .earlier(release: release, position: $0) },
                        to: withheld.map { .current($0.statistic) }, coefficients: withheld.map { abs($0.coefficient) })
                )
            }
        }
        for (release, ledger) in earlier.enumerated() {
            for relation in ledger.relations {
                guard let withheld = Self.withheld(in: relation, where: { ledger.values[$0] == nil }) else { continue }
                let ids = withheld.compactMap { statistics.id(of: ledger.keys[$0.statistic]) }
                guard ids.count == withheld.count else { continue }
                append(
                    WithheldSum(
                        from: withheld.map { .earlier(release: release, position: $0.statistic) },
                        to: ids.map { .current($0) }, coefficients: withheld.map { abs($0.coefficient) }))
            }
        }
        return sums
    }

    /// The withheld terms of an equality when there are two or more, all on one side, so that
    /// their sum counts people; `nil` otherwise. A single one is a count's own change.
    private static func withheld(
        in relation: StatisticSet.Relation, where isWithheld: (Int) -> Bool
    ) -> [StatisticSet.Term]? {
        guard relation.isEquality else { return nil }
        let withheld = relation.terms.filter { isWithheld($0.statistic) }
        guard withheld.count > 1, Set(withheld.map { $0.coefficient.signum() }).count == 1 else { return nil }
        return withheld
    }
}
