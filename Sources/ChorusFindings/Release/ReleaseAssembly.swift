import ChorusCore

/// Turns a plan and the statistics it withholds into the tables and priorities of a release.
struct ReleaseAssembly {
    let plan: ReleasePlan
    let suppressed: [Bool]
    let threshold: Threshold

    /// A group smaller than this showing 0% or 100% has its share shown in a band.
    var smallGroup: Int { 2 * threshold.minimumCount }

    func published(_ id: Int) -> PublishedCount {
        suppressed[id] ? .suppressed : .count(plan.statistics.statistics[id].value)
    }

    var tables: [FindingsTable] {
        plan.tables.map { table in
            let cells = zip(table.cells, table.shareOf).map { id, totalID in
                let count = published(id)
                var share: PublishedShare?
                if let totalID, let value = count.value, let total = published(totalID).value {
                    share = PublishedShare(count: value, total: total, smallGroup: smallGroup)
                }
                return FindingsCell(count: count, share: share)
            }
            let question = table.slot.map { plan.slots[$0].question }
            return FindingsTable(
                id: table.id, kind: table.kind, questionID: question?.id, questionType: question?.kind.formatName,
                title: question?.prompt, description: question?.hint, dimensions: table.dimensions, cells: cells)
        }
    }

    /// The rankings whose source tables the release shows: a question's own table, and for a rank
    /// question its positions too. A ranking whose table is left out (in the first weeks, most
    /// positions tables are too sparse) is left out with it: it could only be computed from
    /// counts the release does not publish.
    var priorities: [PriorityResult] {
        plan.slots.indices.compactMap { index in
            let slot = plan.slots[index]
            let id = slot.question.id
            let method: PriorityMethod
            let topN: Int
            switch slot.shape {
            case .ranked(let picks):
                method = .borda(picks: picks)
                topN = picks
            case .several(let maximum):
                method = .approval
                topN = maximum ?? slot.values.count
            default:
                return nil
            }
            // Cells are the options then the total; positions are one such row per place.
            guard let own = plan.tables.first(where: { $0.kind == .question && $0.slot == index }) else { return nil }
            let positions = plan.tables.first { $0.kind == .positions && $0.slot == index }
            if case .ranked = slot.shape, positions == nil { return nil }
            let width = slot.values.count + 1
            let standings = slot.values.indices.map { option in
                let places = positions.map { table in
                    stride(from: option, to: table.cells.count, by: width).map { published(table.cells[$0]) }
                }
                return PriorityRanking.Standing(
                    value: slot.values[option].code, label: slot.values[option].label ?? LocalizedText([:]),
                    positions: places ?? [], named: published(own.cells[option]))
            }
            return PriorityRanking(
                questionID: id, title: slot.question.prompt, method: method, topN: topN,
                ballots: published(own.cells[width - 1]), standings: standings,
                sourceTableID: positions?.id ?? own.id, smallGroup: smallGroup
            ).result
        }
    }
}
