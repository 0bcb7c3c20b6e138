/// Which tables a release leaves out whole: those too sparse to be worth their suppression, and
/// those no pattern of withheld counts protects.
extension ReleasePlan {
    /// Why a table `id` with these counts is left out, or `nil` to show it: mostly small counts
    /// would be withheld anyway, and every one withheld must be protected by others.
    func reasonToWithhold(_ id: String, counts: some Collection<Int>) -> WithheldTable.Reason? {
        if excluded.contains(id) { return .unprotectable }
        let nonzero = counts.filter { $0 > 0 }.count
        let small = counts.filter { $0 > 0 && $0 < threshold }.count
        return small * Self.sparseDenominator > nonzero ? .sparse : nil
    }

    /// A table is too sparse when more than one in this many of its counts above 0 are small.
    static let sparseDenominator = 4

    /// The table to leave out when `id` cannot be protected: the most detailed table showing it
    /// (breakdowns, then positions, then a question's own, then reach), else one that shows a
    /// count it is related to; `nil` if only reach tables are left.
    func tableToWithhold(for id: Int) -> String? {
        func rank(_ kind: FindingsTable.Kind) -> Int {
            switch kind {
            case .breakdown: 3
            case .positions: 2
            case .question: 1
            case .reach: 0
            }
        }
        var showing = tables.filter { $0.cells.contains(id) }
        if showing.isEmpty {
            let related = Set(
                statistics.relations.filter { $0.terms.contains { $0.statistic == id } }.flatMap(\.terms).map(
                    \.statistic))
            showing = tables.filter { table in table.cells.contains(where: related.contains) }
        }
        guard let table = showing.filter({ $0.kind != .reach }).max(by: { rank($0.kind) < rank($1.kind) }) else {
            return nil
        }
        // A question's own table is its id; leaving it out leaves out everything built on it.
        return table.id
    }
}
