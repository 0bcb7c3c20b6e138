public import ChorusCore
public import ChorusStore

/// Builds a release of one survey version's findings from the response store: one pass over the
/// responses, then disclosure control against this release and every earlier one, then an audit.
///
/// Nothing is written: the caller renders the release, and only once every file is written calls
/// ``ChorusStore/ChorusDatabase/recordRelease(_:)`` so later releases are protected against it.
///
/// ```swift
/// let builder = FindingsBuilder(survey: survey, database: database, threshold: .default, month: month)
/// let release = try builder.build { done, total in bar.update(done, of: total) }
/// try writeFiles(release)
/// try database.recordRelease(release)
/// ```
public struct FindingsBuilder: Sendable {
    /// The version of Chorus named in disclosure logs.
    public static let toolVersion = "chorus 0.1"

    /// The method named in disclosure logs.
    public static let method =
        "threshold rule (every count 0 or at least k, changes since earlier releases too); "
        + "breakdowns with more than a quarter of their counts below k left out whole; "
        + "complementary suppression across all tables and earlier releases, smallest count first; "
        + "audit of every withheld count by linear programming with integer branch and bound"

    /// The survey version whose responses are counted.
    public var survey: Survey
    /// The store the responses, and earlier releases, are read from.
    public var database: ChorusDatabase
    /// The smallest count published.
    public var threshold: Threshold
    /// The month the release is made for.
    public var month: Month
    /// Whether breakdowns with mostly small counts are left out whole; tests turn it off to
    /// give suppression and the audit the hardest tables.
    var leavesOutSparseTables = true

    /// Prepares a build; nothing is read until ``build(progress:)``.
    public init(survey: Survey, database: ChorusDatabase, threshold: Threshold, month: Month) {
        self.survey = survey
        self.database = database
        self.threshold = threshold
        self.month = month
    }

    /// Reads every response once and returns the release, checked by the audit.
    ///
    /// - Parameters:
    ///   - progress: Called now and then with the responses read so far and how many there are.
    ///   - checking: Called as the audit goes, with how many of its checks are done and how many
    ///     there are; the audit starts again after withholding more, so the count can start again.
    /// - Returns: The release, every count in it 0 or at least the threshold.
    /// - Throws: ``FindingsError``: the database cannot be read, or the audit finds a suppressed
    ///   count that could be worked out (the message names its table and cell).
    public func build(
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in },
        checking: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(FindingsError) -> FindingsRelease {
        let (tally, sites, ledgers) = try read(progress: progress)
        let earlier = ledgers.map {
            EarlierRelease($0, rules: SurveyRules.rules(tally.slots, keys: $0.counts.map(\.key)))
        }
        func decide(against earlier: [EarlierRelease]) throws(FindingsError) -> (ReleasePlan, [Bool], ReleaseLedger) {
            let (plan, suppressed) = try Self.protect(
                tally, siteNames: sites, languages: survey.languages, threshold: threshold, earlier: earlier,
                leavesOutSparseTables: leavesOutSparseTables, checking: checking)
            let ledger = ReleaseLedger(
                surveyID: survey.id, surveyVersion: survey.version, sequence: (ledgers.last?.sequence ?? 0) + 1,
                month: month.description, threshold: threshold, statistics: plan.statistics, suppressed: suppressed)
            return (plan, suppressed, ledger)
        }
        // Exporting unchanged data again is the release already recorded, not a new one: it is
        // decided again as it was first decided, against the releases before it, and publishing
        // the same counts again reveals nothing new. That is tried first, whenever every count the
        // last release published is unchanged: checked against itself as an earlier release, the
        // same data may come out differently, and once a total has grown by fewer than k, every
        // count of every release joins one program, which took the audit hours to search.
        var repeated: (ReleasePlan, [Bool], ReleaseLedger)?
        if let last = ledgers.last, mayRepeat(last, tally: tally, sites: sites) {
            let first = try decide(against: earlier.dropLast())
            if last.publishesSame(as: first.2) { repeated = first }
        }
        let decided = if let repeated { repeated } else { try decide(against: earlier) }
        var (plan, suppressed, ledger) = decided
        var earlierCount = ledgers.count
        if let last = ledgers.last, last.publishesSame(as: ledger) {
            ledger.sequence = last.sequence
            earlierCount -= 1
        }
        let assembly = ReleaseAssembly(plan: plan, suppressed: suppressed, threshold: threshold)
        let shown = plan.statistics.numbers
        var release = FindingsRelease(
            surveyID: survey.id, surveyVersion: survey.version, title: survey.title, languages: survey.languages,
            month: month, period: Self.period(tally), threshold: threshold, tables: assembly.tables,
            priorities: assembly.priorities,
            reach: Reach(
                respondents: assembly.published(plan.respondents), byChannel: "reach.channel", bySite: "reach.site",
                byLanguage: "reach.language"),
            freeText: FreeTextSummary(
                questionIDs: plan.slots.filter { $0.shape == .text }.map(\.question.id),
                answers: assembly.published(plan.freeText)),
            disclosure: DisclosureSummary(
                method: Self.method, threshold: threshold,
                suppressedCounts: shown.filter { suppressed[$0] }.count,
                publishedCounts: shown.filter { !suppressed[$0] }.count, earlierReleases: earlierCount,
                respondentsSinceLastRelease: Self.respondentsSince(
                    ledgers.prefix(earlierCount).last, now: assembly.published(plan.respondents).value),
                withheldTables: plan.withheldTables,
                toolVersion: Self.toolVersion))
        release.ledger = ledger
        return release
    }

    /// How many respondents `now` is more than `last` published, when both are published.
    private static func respondentsSince(_ last: ReleaseLedger?, now: Int?) -> Int? {
        guard let now, let then = last?.counts.first(where: { $0.key == StatisticKey.respondents })?.value
        else { return nil }
        return now - then
    }

    /// Whether `last` could be this release again: made for this month with this threshold, and
    /// every count it published the same now. Planning the tables costs little; deciding what to
    /// withhold is what costs.
    private func mayRepeat(_ last: ReleaseLedger, tally: Tally, sites: [String]) -> Bool {
        guard last.month == month.description, last.threshold == threshold.minimumCount,
            last.reason == threshold.reason
        else { return false }
        let plan = ReleasePlan(
            tally: tally, siteNames: sites, languages: survey.languages, threshold: threshold.minimumCount,
            leavesOutSparseTables: leavesOutSparseTables)
        var now: [String: Int] = [:]
        for statistic in plan.statistics.statistics { now[statistic.key] = statistic.value }
        return last.counts.allSatisfy { count in count.value.map { now[count.key] == $0 } ?? true }
    }

    /// Reads the responses, the sites and the earlier releases.
    private func read(progress: (Int, Int) -> Void) throws(FindingsError) -> (Tally, [String], [ReleaseLedger]) {
        let phrases = Phrasebook(survey: survey)
        func phrase(_ phrase: Phrase) -> LocalizedText {
            LocalizedText(Dictionary(uniqueKeysWithValues: survey.languages.map { ($0, phrases.text(phrase, in: $0)) }))
        }
        do {
            let ledgers = try database.releaseLedgers(surveyID: survey.id, version: survey.version)
            let slots = survey.questions.compactMap { question in
                QuestionSlot(
                    question, yes: phrase(.yes), no: phrase(.no),
                    earlierRanges: ledgers.first.map { Self.categories(of: question.id, in: $0) } ?? [])
            }
            let sites = try database.siteNames()
            let total = try database.responseCount(surveyID: survey.id, version: survey.version)
            let groupings = Grouping.all(slots: slots, sites: sites)
            var tally = Tally(slots: slots, groupings: groupings, sites: sites.count, languages: survey.languages.count)
            try database.scanResponses(
                surveyID: survey.id, version: survey.version, questionIDs: slots.map(\.question.id), sites: sites,
                languages: survey.languages, into: &tally, progress: { progress($0, total) })
            tally.finish()
            if let slot = tally.mismatches.indices.first(where: { tally.mismatches[$0] > 0 }) {
                throw FindingsError.answersDoNotFit(question: slots[slot].question.id, survey: survey)
            }
            return (tally, sites, ledgers)
        } catch let error as FindingsError {
            throw error
        } catch {
            throw FindingsError(.io, "\(error)")
        }
    }

    /// The category codes of question `id`'s own table in `ledger`.
    private static func categories(of id: String, in ledger: ReleaseLedger) -> [String] {
        let prefix = StatisticKey.answer(id, "")
        return ledger.counts.compactMap { count in
            guard count.key.hasPrefix(prefix), !count.key.contains("|") else { return nil }
            return String(count.key.dropFirst(prefix.count))
        }
    }

    /// Plans the tables and decides what to withhold. When no further suppression protects a
    /// count, the most detailed table showing it is left out and everything is decided again.
    static func protect(
        _ tally: Tally, siteNames: [String], languages: [String], threshold: Threshold, earlier: [EarlierRelease],
        leavesOutSparseTables: Bool, checking: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(FindingsError) -> (ReleasePlan, [Bool]) {
        var excluded: Set<String> = []
        while true {
            let plan = ReleasePlan(
                tally: tally, siteNames: siteNames, languages: languages, threshold: threshold.minimumCount,
                leavesOutSparseTables: leavesOutSparseTables, excluded: excluded)
            let unprotected: Int?
            switch try suppress(plan, threshold: threshold, earlier: earlier, checking: checking) {
            case .success(let suppressed): return (plan, suppressed)
            case .failure(let failure): unprotected = currentStatistic(of: failure, plan: plan, earlier: earlier)
            }
            guard let unprotected, let table = plan.tableToWithhold(for: unprotected),
                excluded.insert(table).inserted
            else {
                throw FindingsError.unprotectable(
                    unprotected.map(plan.location(of:)) ?? "a count of an earlier release")
            }
        }
    }

    /// What to withhold, sparing how many responded where that can be done: it is the first
    /// number a reader of the report looks for, and a count of the same people as every total
    /// everyone answered. If it is withheld all the same, sparing it may have cost many other
    /// counts, so whichever of the two ways withholds fewer is taken.
    private static func suppress(
        _ plan: ReleasePlan, threshold: Threshold, earlier: [EarlierRelease],
        checking: (_ done: Int, _ total: Int) -> Void
    ) throws(FindingsError) -> Result<[Bool], Audit.Failure> {
        let everyone = Set(plan.statistics.samePeople(as: plan.respondents))
        let spared = try suppress(plan, threshold: threshold, earlier: earlier, sparing: everyone, checking: checking)
        if case .success(let withheld) = spared, !withheld[plan.respondents] { return spared }
        let plain = try suppress(plan, threshold: threshold, earlier: earlier, sparing: [], checking: checking)
        func shownWithheld(_ result: Result<[Bool], Audit.Failure>) -> Int {
            guard case .success(let withheld) = result else { return .max }
            return plan.statistics.numbers.filter { withheld[$0] }.count
        }
        return shownWithheld(spared) < shownWithheld(plain) ? spared : plain
    }

    /// Primary and complementary suppression, then the audit, adding the nearest smallest count
    /// for each failure until the audit passes; a failure no added count can fix is returned.
    private static func suppress(
        _ plan: ReleasePlan, threshold: Threshold, earlier: [EarlierRelease], sparing spared: Set<Int>,
        checking: (_ done: Int, _ total: Int) -> Void
    ) throws(FindingsError) -> Result<[Bool], Audit.Failure> {
        var suppression = Suppression(
            statistics: plan.statistics, tablesShowing: plan.tablesShowing, threshold: threshold.minimumCount,
            earlier: earlier)
        suppression.applyPrimary()
        suppression.applyComplementary()
        // Each round withholds more, so what one round proves safe stays safe (see Audit.Progress).
        var progress = Audit.Progress()
        while true {
            let audit = Audit(
                statistics: plan.statistics, suppressed: suppression.suppressed,
                threshold: threshold.minimumCount, earlier: earlier)
            let failures = try audit.failures(progress: &progress, checked: checking)
            guard !failures.isEmpty else { return .success(suppression.suppressed) }
            var stuck: [Audit.Failure] = []
            for failure in failures {
                let id = currentStatistic(of: failure, plan: plan, earlier: earlier) { !suppression.suppressed[$0] }
                let target = id.flatMap {
                    guard suppression.suppressed[$0] else { return $0 }
                    let alsoSpared = grewLittle(since: failure, plan: plan, earlier: earlier, k: threshold.minimumCount)
                    return suppression.nearestPublished(to: $0, sparing: spared.union(alsoSpared))
                }
                guard let target, !suppression.suppressed[target] else {
                    stuck.append(failure)
                    continue
                }
                suppression.suppress(target)
            }
            if let first = stuck.first {
                return .failure(
                    stuck.first { currentStatistic(of: $0, plan: plan, earlier: earlier) != nil } ?? first)
            }
            suppression.applyComplementary()
        }
    }

    /// For what counts withheld together grew by, the published counts that grew by less than k
    /// since that earlier release: withholding one beside them would leave their sum's growth as
    /// small as it was, and cost a round of the audit.
    private static func grewLittle(
        since failure: Audit.Failure, plan: ReleasePlan, earlier: [EarlierRelease], k: Int
    ) -> Set<Int> {
        guard case .sumChange(let from, _) = failure, case .earlier(let index, _)? = from.first else { return [] }
        let release = earlier[index]
        return Set(
            plan.statistics.statistics.indices.filter { id in
                let statistic = plan.statistics.statistics[id]
                guard let position = release.position(of: statistic.key), let old = release.values[position] else {
                    return false
                }
                return statistic.value - old < k
            })
    }

    /// The statistic of this release a failure is about or is nearest to; of a sum's, the first
    /// that `isPreferred`, else the first.
    private static func currentStatistic(
        of failure: Audit.Failure, plan: ReleasePlan, earlier: [EarlierRelease],
        preferring isPreferred: (Int) -> Bool = { _ in true }
    ) -> Int? {
        func statistic(_ subject: Audit.Subject) -> Int? {
            switch subject {
            case .current(let id): id
            case .earlier(let release, let position): plan.statistics.id(of: earlier[release].keys[position])
            }
        }
        switch failure {
        case .count(let subject): return statistic(subject)
        case .change(let from, let to): return statistic(to) ?? statistic(from)
        case .sumChange(let from, let to):
            let ids = (to + from).compactMap(statistic)
            return ids.first(where: isPreferred) ?? ids.first
        }
    }

    private static func period(_ tally: Tally) -> MonthRange? {
        guard tally.respondents > 0,
            let first = Month(year: tally.firstMonth / 12, month: tally.firstMonth % 12 + 1),
            let last = Month(year: tally.lastMonth / 12, month: tally.lastMonth % 12 + 1)
        else { return nil }
        return MonthRange(first: first, last: last)
    }
}
