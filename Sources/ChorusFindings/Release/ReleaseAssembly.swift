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

    var priorities: [PriorityResult] {
        plan.slots.compactMap { slot in
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
            let statistics = plan.statistics
            let standings = slot.values.map { value in
                var positions: [PublishedCount] = []
                if case .ranked(let picks) = slot.shape {
                    positions = (1...picks).map {
                        published(statistics.id(of: StatisticKey.ranked(id, value.code, position: $0))!)
                    }
                }
                return PriorityRanking.Standing(
                    value: value.code, label: value.label ?? LocalizedText([:]), positions: positions,
                    named: published(statistics.id(of: StatisticKey.answer(id, value.code))!))
            }
            let isRank = if case .ranked = slot.shape { true } else { false }
            return PriorityRanking(
                questionID: id, title: slot.question.prompt, method: method, topN: topN,
                ballots: published(statistics.id(of: StatisticKey.question(id))!), standings: standings,
                sourceTableID: isRank ? "\(id).positions" : id, smallGroup: smallGroup
            ).result
        }
    }
}
