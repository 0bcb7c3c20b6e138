import ChorusStore

/// Response counts as the text `chorus status` prints: for each survey version, one row per day,
/// channel and site, then totals, in columns an organizer can read down.
struct StatusTable {
    let counts: [ResponseCount]

    init(_ counts: [ResponseCount]) {
        self.counts = counts
    }

    func render() -> String {
        guard !counts.isEmpty else { return "no responses yet\n" }
        let surveys = Dictionary(grouping: counts) { SurveyVersion(id: $0.surveyID, version: $0.surveyVersion) }
        return surveys.keys.sorted().map { survey in
            "survey \(survey.id), version \(survey.version)\n\n" + Self.table(surveys[survey]!)
        }.joined(separator: "\n")
    }

    private struct SurveyVersion: Hashable, Comparable {
        var id: String
        var version: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.id, lhs.version) < (rhs.id, rhs.version)
        }
    }

    /// Rows by day, then a total per channel and per site where there is more than one, then the
    /// overall total.
    private static func table(_ counts: [ResponseCount]) -> String {
        var rows = [["day", "channel", "site", "responses"]]
        let sorted = counts.sorted {
            ($0.day, $0.channel.rawValue, $0.site ?? "") < ($1.day, $1.channel.rawValue, $1.site ?? "")
        }
        for count in sorted {
            rows.append([count.day.description, count.channel.rawValue, count.site ?? "", String(count.count)])
        }
        rows.append([])
        let byChannel = Dictionary(grouping: counts, by: \.channel.rawValue).mapValues(total)
        if byChannel.count > 1 {
            for (channel, count) in byChannel.sorted(by: { $0.key < $1.key }) {
                rows.append(["total", channel, "", String(count)])
            }
        }
        let bySite = Dictionary(grouping: counts) { $0.site ?? "" }.mapValues(total)
        if bySite.count > 1 {
            for (site, count) in bySite.sorted(by: { $0.key < $1.key }) where !site.isEmpty {
                rows.append(["total", "", site, String(count)])
            }
        }
        rows.append(["total", "", "", String(total(counts))])
        return align(rows)
    }

    private static func total(_ counts: [ResponseCount]) -> Int {
        counts.reduce(0) { $0 + $1.count }
    }

    /// Pads text columns on the right and the count column on the left; an empty row stays empty.
    private static func align(_ rows: [[String]]) -> String {
        let widths = (0..<4).map { column in rows.map { $0.isEmpty ? 0 : $0[column].count }.max()! }
        return rows.map { row -> String in
            guard !row.isEmpty else { return "\n" }
            let text = (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }
            let count = String(repeating: " ", count: widths[3] - row[3].count) + row[3]
            return (text + [count]).joined(separator: "  ") + "\n"
        }.joined()
    }
}
