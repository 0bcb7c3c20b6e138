import ChorusCore

/// The breakdowns of a question by a grouping, and how each group's total is tied to the
/// group's own count.
extension ReleasePlan {
    mutating func addBreakdown(_ slotIndex: Int, _ grouping: Grouping, rows: [Int], counts: [Int]) {
        let slot = slots[slotIndex]
        let width = slot.values.count + 1
        var cells: [Int] = []
        var shareOf: [Int?] = []
        var columns = Array(repeating: [Int](), count: width)
        for row in rows {
            let value = grouping.dimension.values[row]
            let group = StatisticKey.group(grouping.dimension, value)
            let start = row * width
            let rowCells = addAnswers(
                slotIndex, group: group, counts: counts[start..<start + width - 1], answered: counts[start + width - 1])
            let answered = rowCells.last!
            addGroupSize(
                answered, group: group, grouping: grouping, value: value, isKnown: isAskedOfEveryone(slotIndex))
            for (column, cell) in rowCells.enumerated() { columns[column].append(cell) }
            cells += rowCells
            shareOf += rowCells.dropLast().map { _ in answered } + [nil]
        }
        if grouping.source == .site { relateSitesToChannels(slotIndex, columns: columns) }
        // The row of totals is the question's own table.
        let own = tables.first { $0.kind == .question && $0.slot == slotIndex }!
        for (total, parts) in zip(own.cells, columns) { statistics.sum(total, parts) }
        cells += own.cells
        shareOf += own.shareOf
        var groups = grouping.dimension
        groups.values = rows.map { groups.values[$0] } + [Self.total]
        tables.append(
            TablePlan(
                id: slot.question.id + Self.suffix(grouping), kind: .breakdown, slot: slotIndex,
                dimensions: [groups, answerDimension(slot)], cells: cells, shareOf: shareOf))
    }

    /// Ties a question's breakdown by site to its breakdown by channel as the reach tables are
    /// tied (see addReach): in each column, those of the sites are some of the kiosk's, and those
    /// who texted are among those with no site, the last row.
    private mutating func relateSitesToChannels(_ slotIndex: Int, columns: [[Int]]) {
        let id = slots[slotIndex].question.id
        let keys = slots[slotIndex].values.map { StatisticKey.answer(id, $0.code) } + [StatisticKey.question(id)]
        let (kiosk, sms) = (Self.channelKey("kiosk"), Self.channelKey("sms"))
        for (key, column) in zip(keys, columns) {
            guard let bySite = column.last, let atKiosk = statistics.id(of: StatisticKey.within(key, kiosk)),
                let byText = statistics.id(of: StatisticKey.within(key, sms))
            else { continue }
            statistics.atMost(column.dropLast().map { ($0, 1) } + [(atKiosk, -1)])
            statistics.subset(byText, of: bySite)
        }
    }

    static func suffix(_ grouping: Grouping) -> String {
        switch grouping.source {
        case .question: ".by.\(grouping.dimension.id)"
        case .channel: ".by-channel"
        case .site: ".by-site"
        }
    }

    /// Records that those in a group who answered are some or all of the group: a count of the
    /// quasi-identifier's own table, of channels or of sites; or, for those who did not answer
    /// the quasi-identifier, everyone but those who did. When all of a group answered, the two
    /// are one count: were they two, one table could show what another withholds. A reader knows
    /// it when the survey makes everyone answer (`isKnown`).
    private mutating func addGroupSize(
        _ answered: Int, group: String, grouping: Grouping, value: FindingsDimensionValue, isKnown: Bool
    ) {
        if let size = groupSize(grouping, value) {
            statistics.subset(answered, of: size, isWhole: isKnown)
            // None of a small group answering says that each of them left the question out.
            statistics.group(size, [answered], isBreakdown: true)
            return
        }
        guard case .question(let groupSlot) = grouping.source,
            let answeredGroup = statistics.id(of: StatisticKey.question(slots[groupSlot].question.id))
        else { return }
        let counts = statistics.statistics
        let isWhole = counts[answered].value + counts[answeredGroup].value == counts[respondents].value
        statistics.relate([(answered, 1), (answeredGroup, 1), (respondents, -1)], isEquality: isWhole && isKnown)
        // No table shows this group's size, but every question all of it answered does.
        guard isWhole else { return }
        if let first = everyoneWithoutAnswer[group] {
            statistics.same(answered, first)
        } else {
            everyoneWithoutAnswer[group] = answered
        }
    }

    /// The count of a group's people, when one is planned: a quasi-identifier's answer, a channel
    /// or a site; `nil` for those who did not answer the quasi-identifier.
    private func groupSize(_ grouping: Grouping, _ value: FindingsDimensionValue) -> Int? {
        switch grouping.source {
        case .question(let groupSlot):
            value.role == .missing
                ? nil : statistics.id(of: StatisticKey.answer(slots[groupSlot].question.id, value.code))
        case .channel, .site:
            statistics.id(of: StatisticKey.group(grouping.dimension, value))
        }
    }
}
