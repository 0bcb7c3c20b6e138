import ChorusCore

/// The tables of a release as statistic ids, before disclosure control decides what is shown.
struct TablePlan: Sendable {
    let id: String
    let kind: FindingsTable.Kind
    /// The slot of the question counted, for every kind but reach.
    let slot: Int?
    let dimensions: [FindingsDimension]
    /// One statistic per cell, row-major.
    let cells: [Int]
    /// Per cell, the statistic it is a share of; `nil` for totals.
    let shareOf: [Int?]
}

/// Every statistic, relation and table of a release, built from a finished tally.
///
/// Planning adds to ``statistics`` and ``tables``, here and in ReleasePlan+Breakdowns.swift; once
/// planned, a plan is only read.
struct ReleasePlan: Sendable {
    var statistics = StatisticSet()
    var tables: [TablePlan] = []
    private(set) var respondents = 0
    private(set) var freeText = 0
    /// The tables left out, in the order they would have come, with the reason.
    private(set) var withheldTables: [WithheldTable] = []
    let slots: [QuestionSlot]
    /// The smallest count published, which decides which breakdowns are too sparse to show; 0
    /// to show them all.
    let threshold: Int
    /// Tables left out because no suppression pattern protected them; a question's own table
    /// takes its breakdowns and positions with it.
    let excluded: Set<String>
    /// Per group of those who did not answer a quasi-identifier, the first total of a question
    /// that all of them answered: every other such total counts the same people.
    var everyoneWithoutAnswer: [String: Int] = [:]

    /// Plans every table of `tally`, but for those in `excluded` and breakdowns so sparse that
    /// most of their counts would be withheld.
    init(
        tally: Tally, siteNames: [String], languages: [String], threshold: Int, leavesOutSparseTables: Bool = true,
        excluded: Set<String> = []
    ) {
        slots = tally.slots
        self.threshold = leavesOutSparseTables ? threshold : 0
        self.excluded = excluded
        respondents = statistics.add(StatisticKey.respondents, tally.respondents)
        addReach(tally, siteNames: siteNames, languages: languages)
        freeText = statistics.add(StatisticKey.freeText, tally.freeTextAnswers)
        // Sites with no response to this survey version are left out of its tables.
        let keptSites = tally.bySite.indices.filter { tally.bySite[$0] > 0 || $0 == tally.bySite.count - 1 }
        let counted = slots.indices.filter { slots[$0].shape != .text }
        // Every question's own counts first: they are the group sizes of the breakdowns.
        var shown: [Int] = []
        for slotIndex in counted {
            if excluded.contains(slots[slotIndex].question.id) {
                withheldTables.append(WithheldTable(id: slots[slotIndex].question.id, reason: .unprotectable))
            } else {
                addQuestion(slotIndex, tally)
                shown.append(slotIndex)
            }
        }
        for slotIndex in shown {
            for (position, grouping) in tally.breakdowns[slotIndex].enumerated() {
                let definition = tally.groupings[grouping]
                let rows = definition.source == .site ? keptSites : Array(0..<definition.size)
                let counts = tally.breakdownCounts[slotIndex][position]
                let id = slots[slotIndex].question.id + Self.suffix(definition)
                if let reason = reasonToWithhold(
                    id,
                    counts: rows.flatMap { row in
                        counts[
                            row * (slots[slotIndex].values.count + 1)..<(row + 1) * (slots[slotIndex].values.count + 1)]
                    })
                {
                    withheldTables.append(WithheldTable(id: id, reason: reason))
                    continue
                }
                addBreakdown(slotIndex, definition, rows: rows, counts: counts)
            }
        }
        addSurveyRules()
        // Each question's tables together, in survey order; a stable sort keeps their own order.
        let reach = tables.filter { $0.slot == nil }
        let questions = tables.filter { $0.slot != nil }.enumerated().sorted {
            ($0.element.slot!, $0.offset) < ($1.element.slot!, $1.offset)
        }
        tables = reach + questions.map(\.element)
    }

    /// Where a statistic is shown, for an error message: the first table with it and the values of
    /// its cell, or its key when no table shows it.
    func location(of id: Int) -> String {
        for table in tables {
            guard let index = table.cells.firstIndex(of: id) else { continue }
            var rest = index
            var parts: [String] = []
            for dimension in table.dimensions.reversed() {
                let value = dimension.values[rest % dimension.values.count]
                rest /= dimension.values.count
                parts.insert("\(dimension.id) \(value.code)", at: 0)
            }
            return "table '\(table.id)', cell \(parts.joined(separator: ", "))"
        }
        return "the count '\(statistics.statistics[id].key)'"
    }

    /// Per statistic, how many tables show it.
    var tablesShowing: [Int] {
        var counts = Array(repeating: 0, count: statistics.statistics.count)
        for table in tables {
            for id in Set(table.cells) { counts[id] += 1 }
        }
        return counts
    }

    // MARK: Reach

    static let channel = FindingsDimension(
        id: "channel", kind: .channel, title: nil,
        values: ChannelOrder.all.map { FindingsDimensionValue(code: $0, label: nil, role: .category) })

    /// The key part of a channel's group, such as `channel=kiosk`.
    static func channelKey(_ code: String) -> String {
        StatisticKey.group(channel, FindingsDimensionValue(code: code, label: nil, role: .category))
    }

    private mutating func addReach(_ tally: Tally, siteNames: [String], languages: [String]) {
        let channels = addReachTable("reach.channel", Self.channel, tally.byChannel)
        let keptSites = siteNames.indices.filter { tally.bySite[$0] > 0 }
        let site = FindingsDimension(
            id: "site", kind: .site, title: nil,
            values: keptSites.map { FindingsDimensionValue(code: siteNames[$0], label: nil, role: .category) }
                + [FindingsDimensionValue(code: "missing", label: nil, role: .missing)])
        let sites = addReachTable("reach.site", site, keptSites.map { tally.bySite[$0] } + [tally.bySite.last!])
        // Only a kiosk records a site, as the codebook says: those of every site are some of the
        // kiosk's people, and text messages all count among those with none. Unless the audit
        // knows it, a site's breakdown and a channel's can together pin down the few who texted.
        if let kiosk = ChannelOrder.all.firstIndex(of: "kiosk"), let sms = ChannelOrder.all.firstIndex(of: "sms") {
            statistics.atMost(sites.dropLast().map { ($0, 1) } + [(channels[kiosk], -1)])
            statistics.subset(channels[sms], of: sites[sites.count - 1])
        }
        let language = FindingsDimension(
            id: "language", kind: .language, title: nil,
            values: languages.map { FindingsDimensionValue(code: $0, label: nil, role: .category) }
                + [FindingsDimensionValue(code: "missing", label: nil, role: .missing)])
        addReachTable("reach.language", language, tally.byLanguage)
    }

    /// Adds a table of everyone by `dimension`; returns its cells' ids, without the total.
    @discardableResult
    private mutating func addReachTable(_ id: String, _ dimension: FindingsDimension, _ counts: [Int]) -> [Int] {
        var cells: [Int] = []
        for (value, count) in zip(dimension.values, counts) {
            cells.append(statistics.add(StatisticKey.group(dimension, value), count))
        }
        statistics.sum(respondents, cells)
        statistics.group(respondents, cells)
        var dimension = dimension
        dimension.values.append(Self.total)
        tables.append(
            TablePlan(
                id: id, kind: .reach, slot: nil, dimensions: [dimension], cells: cells + [respondents],
                shareOf: cells.map { _ in respondents } + [nil]))
        return cells
    }

    // MARK: Questions

    static let total = FindingsDimensionValue(code: "total", label: nil, role: .total)

    func answerDimension(_ slot: QuestionSlot) -> FindingsDimension {
        FindingsDimension(id: "answer", kind: .answer, title: nil, values: slot.values + [Self.total])
    }

    /// Adds a question's answered count and per-value counts under `group` (a key part, or `nil`
    /// for everyone) with the relations among them; returns their ids, answered last.
    mutating func addAnswers(_ slotIndex: Int, group: String?, counts: ArraySlice<Int>, answered: Int) -> [Int] {
        let slot = slots[slotIndex]
        let id = slot.question.id
        func key(_ base: String) -> String { group.map { StatisticKey.within(base, $0) } ?? base }
        let total = statistics.add(key(StatisticKey.question(id)), answered)
        if group == nil { statistics.subset(total, of: respondents, isWhole: isAskedOfEveryone(slotIndex)) }
        var cells: [Int] = []
        for (value, count) in zip(slot.values, counts) {
            cells.append(statistics.add(key(StatisticKey.answer(id, value.code)), count))
        }
        var notChosen: [Int] = []
        switch slot.shape {
        case .one:
            statistics.sum(total, cells)
        case .several(let maximum), .ranked(let maximum as Int?):
            // Each respondent chose at least one option and at most the maximum; and one who
            // answered but did not choose an option is as much a count as one who did.
            statistics.atMost([(total, 1)] + cells.map { ($0, -1) })
            if let maximum { statistics.atMost(cells.map { ($0, 1) } + [(total, -maximum)]) }
            for (value, cell) in zip(slot.values, cells) {
                let count = statistics.statistics[cell].value
                notChosen.append(
                    statistics.add(key(StatisticKey.notChosen(id, value.code)), answered - count, isShown: false))
                statistics.sum(total, [cell, notChosen.last!])
            }
        case .answeredOnly, .text:
            break
        }
        statistics.group(total, cells + notChosen, isBreakdown: group != nil)
        return cells + [total]
    }

    /// Adds what the survey tells a reader (see ``SurveyRules``) where this release's counts bear
    /// it out, as they do unless answers were stored under other rules: an equality they break
    /// still holds as a bound when that is true; the counts it makes 0 are marked as such.
    private mutating func addSurveyRules() {
        for rule in SurveyRules.rules(slots, keys: statistics.statistics.map(\.key)) {
            let terms = rule.terms.compactMap { term in statistics.id(of: term.key).map { ($0, term.coefficient) } }
            guard terms.count == rule.terms.count else { continue }
            let sum = terms.reduce(0) { $0 + statistics.statistics[$1.0].value * $1.1 }
            guard sum <= 0 else { continue }
            statistics.relate(terms, isEquality: rule.isEquality && sum == 0)
        }
        for key in SurveyRules.forcedZeros(slots, keys: statistics.statistics.map(\.key)) {
            // A count that is not 0 was stored under other rules, and the survey tells nothing of it.
            guard let id = statistics.id(of: key), statistics.statistics[id].value == 0 else { continue }
            statistics.forceZero(id)
        }
    }

    /// Whether the survey makes everyone answer the question: then a reader knows that those who
    /// answered it, in any group, are all of the group, when the counts say so.
    func isAskedOfEveryone(_ slotIndex: Int) -> Bool {
        slots[slotIndex].question.isRequired && slots[slotIndex].question.showIf == nil
    }

    private mutating func addQuestion(_ slotIndex: Int, _ tally: Tally) {
        let slot = slots[slotIndex]
        let cells = addAnswers(
            slotIndex, group: nil, counts: tally.counts[slotIndex][...], answered: tally.answered[slotIndex])
        let total = cells.last!
        tables.append(
            TablePlan(
                id: slot.question.id, kind: .question, slot: slotIndex, dimensions: [answerDimension(slot)],
                cells: cells, shareOf: cells.dropLast().map { _ in total } + [nil]))
        guard case .ranked(let picks) = slot.shape else { return }
        let id = "\(slot.question.id).positions"
        if let reason = reasonToWithhold(id, counts: tally.positions[slotIndex]) {
            withheldTables.append(WithheldTable(id: id, reason: reason))
            return
        }
        addPositions(slotIndex, picks: picks, tally, named: Array(cells.dropLast()), answered: total)
    }

    private mutating func addPositions(_ slotIndex: Int, picks: Int, _ tally: Tally, named: [Int], answered: Int) {
        let slot = slots[slotIndex]
        let id = slot.question.id
        var cells: [Int] = []
        var shareOf: [Int?] = []
        var byValue = Array(repeating: [Int](), count: slot.values.count)
        var previous = answered
        for position in 0..<picks {
            let reached =
                position == 0
                ? answered
                : statistics.add(StatisticKey.reached(id, position: position + 1), tally.reached[slotIndex][position])
            if position > 0 { statistics.subset(reached, of: previous) }
            previous = reached
            var row: [Int] = []
            for (valueIndex, value) in slot.values.enumerated() {
                let count = tally.positions[slotIndex][valueIndex * picks + position]
                let cell = statistics.add(StatisticKey.ranked(id, value.code, position: position + 1), count)
                row.append(cell)
                byValue[valueIndex].append(cell)
            }
            statistics.sum(reached, row)
            statistics.group(reached, row)
            cells += row + [reached]
            shareOf += row.map { _ in reached } + [nil]
        }
        for (value, parts) in zip(named, byValue) { statistics.sum(value, parts) }
        let positions = FindingsDimension(
            id: "position", kind: .position, title: nil,
            values: (1...picks).map { FindingsDimensionValue(code: String($0), label: nil, role: .category) })
        tables.append(
            TablePlan(
                id: "\(id).positions", kind: .positions, slot: slotIndex,
                dimensions: [positions, answerDimension(slot)],
                cells: cells, shareOf: shareOf))
    }
}
