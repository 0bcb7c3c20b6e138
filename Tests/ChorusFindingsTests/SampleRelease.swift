import ChorusCore
import ChorusFindings

/// A release counted naively from sample responses, in the shape of the real builder's: the same
/// table ids, dimensions and roles. Small counts are suppressed, with no complementary suppression,
/// which is enough to exercise the writers; the real builder's guarantees are tested with it.
struct SampleRelease {
    let survey: Survey
    let respondents: [SampleResponses.Respondent]
    let k: Int

    static func make(
        survey: Survey, responses: Int, k: Int = Threshold.standard, reason: String? = nil, seed: UInt64 = 7
    ) throws -> FindingsRelease {
        let sample = SampleRelease(
            survey: survey, respondents: SampleResponses(survey: survey, count: responses, seed: seed).respondents, k: k
        )
        return try sample.release(threshold: Threshold(minimumCount: k, reason: reason))
    }

    /// A dimension with, for each respondent, the indexes of the values it counts under (the total
    /// is added by the counting); `nil` leaves the respondent out of the table.
    typealias Axis = (dimension: FindingsDimension, indexes: (SampleResponses.Respondent) -> [Int]?)

    func release(threshold: Threshold) throws -> FindingsRelease {
        var tables = [
            table("reach.channel", .reach, nil, [channel]),
            table("reach.site", .reach, nil, [site]),
            table("reach.language", .reach, nil, [language]),
        ]
        var priorities: [PriorityResult] = []
        for question in survey.questions {
            guard let answers = answerAxis(question) else { continue }
            let own = table(question.id, .question, question, [answers])
            tables.append(own)
            for other in survey.questions where other.isQuasiIdentifier && other.id != question.id {
                tables.append(
                    table("\(question.id).by.\(other.id)", .breakdown, question, [groupAxis(other), answers]))
            }
            tables.append(table("\(question.id).by-channel", .breakdown, question, [channel, answers]))
            tables.append(table("\(question.id).by-site", .breakdown, question, [site, answers]))
            switch question.kind {
            case .rank(let options, let picks):
                let placed = positions(question, picks: picks, answers: answers)
                tables.append(placed)
                priorities.append(
                    priority(question, options: options, method: .borda(picks: picks), topN: picks, counts: placed))
            case .multiple(let options, let maximum):
                priorities.append(
                    priority(question, options: options, method: .approval, topN: maximum ?? options.count, counts: own)
                )
            default: break
            }
        }
        let textIDs = survey.questions.filter { if case .text = $0.kind { true } else { false } }.map(\.id)
        let textAnswers = respondents.reduce(0) { sum, respondent in
            sum + textIDs.filter { respondent.answers[$0] != nil }.count
        }
        let cells = tables.flatMap(\.cells)
        let suppressed = cells.filter { $0.count == .suppressed }.count
        return FindingsRelease(
            surveyID: survey.id, surveyVersion: survey.version, title: survey.title, languages: survey.languages,
            month: Month(year: 2026, month: 11)!,
            period: MonthRange(first: Month(year: 2026, month: 9)!, last: Month(year: 2026, month: 11)!),
            threshold: threshold, tables: tables, priorities: priorities,
            reach: Reach(
                respondents: published(respondents.count), byChannel: "reach.channel", bySite: "reach.site",
                byLanguage: "reach.language"),
            freeText: FreeTextSummary(questionIDs: textIDs, answers: published(textAnswers)),
            disclosure: DisclosureSummary(
                method: "threshold with complementary suppression, audited across releases", threshold: threshold,
                suppressedCounts: suppressed, publishedCounts: cells.count - suppressed, earlierReleases: 0,
                toolVersion: "chorus 0.1"))
    }

    // MARK: Axes

    private func value(_ code: String, _ label: LocalizedText? = nil) -> FindingsDimensionValue {
        FindingsDimensionValue(code: code, label: label, role: .category)
    }

    private var totalValue: FindingsDimensionValue { FindingsDimensionValue(code: "total", label: nil, role: .total) }
    private var missingValue: FindingsDimensionValue {
        FindingsDimensionValue(code: "missing", label: nil, role: .missing)
    }

    private var channel: Axis {
        (
            FindingsDimension(
                id: "channel", kind: .channel, title: nil, values: [value("kiosk"), value("sms"), totalValue]),
            { [$0.channel == "kiosk" ? 0 : 1] }
        )
    }

    private var site: Axis {
        let sites = SampleResponses.sites
        return (
            FindingsDimension(
                id: "site", kind: .site, title: nil, values: sites.map { value($0) } + [missingValue, totalValue]),
            { respondent in [respondent.site.flatMap { sites.firstIndex(of: $0) } ?? sites.count] }
        )
    }

    private var language: Axis {
        (
            FindingsDimension(
                id: "language", kind: .language, title: nil, values: survey.languages.map { value($0) } + [totalValue]),
            { [survey.languages.firstIndex(of: $0.language)!] }
        )
    }

    private func codes(_ question: Question) -> [FindingsDimensionValue] {
        switch question.kind {
        case .single(let options), .multiple(let options, _), .rank(let options, _):
            return options.map { value($0.value, $0.label) }
        case .scale(let minimum, let maximum, let low, let high):
            return (minimum...maximum).map { value(String($0), $0 == minimum ? low : $0 == maximum ? high : nil) }
        case .yesNo:
            return [
                value("yes", LocalizedText(["en": "Yes", "es": "Sí"])),
                value("no", LocalizedText(["en": "No", "es": "No"])),
            ]
        default:
            return []
        }
    }

    private func indexes(_ question: Question, _ answer: Answer?) -> [Int]? {
        let values = codes(question).map(\.code)
        switch answer {
        case .choice(let code)?: return values.firstIndex(of: code).map { [$0] }
        case .choices(let codes)?: return codes.compactMap { values.firstIndex(of: $0) }
        case .number(let number)?: return values.firstIndex(of: String(Int(number))).map { [$0] }
        case .yesNo(let yes)?: return [yes ? 0 : 1]
        default: return nil
        }
    }

    private func answerAxis(_ question: Question) -> Axis? {
        let values = codes(question)
        guard !values.isEmpty else { return nil }
        return (
            FindingsDimension(id: "answer", kind: .answer, title: nil, values: values + [totalValue]),
            { indexes(question, $0.answers[question.id]) }
        )
    }

    private func groupAxis(_ question: Question) -> Axis {
        let values = codes(question)
        return (
            FindingsDimension(
                id: question.id, kind: .group, title: question.prompt, values: values + [missingValue, totalValue]),
            { indexes(question, $0.answers[question.id]) ?? [values.count] }
        )
    }

    private func positionAxis(_ picks: Int) -> FindingsDimension {
        FindingsDimension(
            id: "position", kind: .position, title: nil, values: (1...picks).map { value(String($0)) } + [totalValue])
    }

    // MARK: Counting

    /// Counts each respondent once in every cell it belongs to, totals included: the cartesian
    /// product of its indexes on each axis, unless `coordinates` says which cells it is in.
    private func table(
        _ id: String, _ kind: FindingsTable.Kind, _ question: Question?, _ axes: [Axis],
        coordinates: ((SampleResponses.Respondent) -> [[Int]]?)? = nil, dimensions: [FindingsDimension]? = nil
    ) -> FindingsTable {
        let dimensions = dimensions ?? axes.map(\.dimension)
        let sizes = dimensions.map(\.values.count)
        var counts = [Int](repeating: 0, count: sizes.reduce(1, *))
        for respondent in respondents {
            var cells: [[Int]]
            if let coordinates {
                guard let found = coordinates(respondent) else { continue }
                cells = found
            } else {
                cells = [[]]
                for axis in axes {
                    guard let indexes = axis.indexes(respondent) else {
                        cells = []
                        break
                    }
                    cells = cells.flatMap { prefix in indexes.map { prefix + [$0] } }
                }
                if cells.isEmpty { continue }
            }
            var reached: Set<[Int]> = []
            for cell in cells {
                for mask in 0..<(1 << sizes.count) {
                    reached.insert(cell.indices.map { mask & (1 << $0) != 0 ? sizes[$0] - 1 : cell[$0] })
                }
            }
            for cell in reached { counts[zip(cell, sizes).reduce(0) { $0 * $1.1 + $1.0 }] += 1 }
        }
        let last = sizes.last!
        let cells = counts.indices.map { index in
            let count = published(counts[index])
            let row = counts[index - index % last + last - 1]
            let isTotal = index % last == last - 1
            return FindingsCell(count: count, share: isTotal ? nil : share(count, of: published(row)))
        }
        return FindingsTable(
            id: id, kind: kind, questionID: question?.id, questionType: question?.kind.formatName,
            title: question?.prompt,
            description: question?.hint, dimensions: dimensions, cells: cells)
    }

    private func published(_ count: Int) -> PublishedCount {
        count > 0 && count < k ? .suppressed : .count(count)
    }

    private func share(_ count: PublishedCount, of total: PublishedCount) -> PublishedShare? {
        guard let count = count.value, let total = total.value, total > 0 else { return nil }
        let z = 1.959963984540054
        let n = Double(total)
        let p = Double(count) / n
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / (1 + z * z / n)
        let display: PublishedShare.Display =
            total >= 2 * k ? .exact : count == 0 ? .below(0.05) : count == total ? .above(0.95) : .exact
        return PublishedShare(
            count: count, total: total, proportion: p, lower: max(0, centre - half), upper: min(1, centre + half),
            display: display)
    }

    private func positions(_ question: Question, picks: Int, answers: Axis) -> FindingsTable {
        let options = question.kind.options.map(\.value)
        return table(
            "\(question.id).positions", .positions, question, [],
            coordinates: { respondent in
                guard case .choices(let order)? = respondent.answers[question.id] else { return nil }
                return order.enumerated().compactMap { place, code in options.firstIndex(of: code).map { [$0, place] } }
            }, dimensions: [answers.dimension, positionAxis(picks)])
    }

    private func priority(
        _ question: Question, options: [Option], method: PriorityMethod, topN: Int, counts: FindingsTable
    ) -> PriorityResult {
        let ranks = counts.dimensions.count == 2
        let totalPlace = ranks ? counts.dimensions[1].values.count - 1 : 0
        let ballots = counts.cell(at: ranks ? [options.count, totalPlace] : [options.count]).count
        var standings = options.enumerated().map { index, option in
            let named = counts.cell(at: ranks ? [index, totalPlace] : [index]).count
            var score: Int? = named.value
            var first: PublishedCount?
            if case .borda(let picks) = method {
                first = counts.cell(at: [index, 0]).count
                let places = (0..<picks).map { counts.cell(at: [index, $0]).count.value }
                score =
                    places.contains(nil)
                    ? nil : places.enumerated().reduce(0) { $0 + (picks - $1.offset) * $1.element! }
            }
            let share = ranks ? self.share(named, of: ballots) : counts.cell(at: [index]).share
            return PriorityOption(
                value: option.value, label: option.label, place: nil, score: score, firstChoices: first, named: named,
                topShare: share)
        }
        let ranked = standings.indices.filter { standings[$0].score != nil }.sorted {
            (standings[$0].score!, standings[$0].named.value ?? 0) > (
                standings[$1].score!, standings[$1].named.value ?? 0
            )
        }
        var ties: [PriorityTie] = []
        for (place, index) in ranked.enumerated() { standings[index].place = place + 1 }
        for score in Set(ranked.map { standings[$0].score! }) {
            let tied = ranked.filter { standings[$0].score == score }
            if tied.count > 1 {
                ties.append(PriorityTie(values: tied.map { standings[$0].value }, score: score, resolution: .named))
            }
        }
        ties.sort { $0.score > $1.score }
        let order = ranked + standings.indices.filter { standings[$0].score == nil }
        return PriorityResult(
            questionID: question.id, title: question.prompt, method: method, topN: topN, ballots: ballots,
            options: order.map { standings[$0] }, ties: ties, sourceTableID: counts.id)
    }
}
