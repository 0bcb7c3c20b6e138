/// `disclosure-log.json`: how disclosure control was applied to a release, for anyone checking it.
///
/// Settings and totals only: nothing in it is derived from a single respondent, and it has no
/// hash of any data, which could confirm a guess about what someone answered.
struct DisclosureLog {
    let release: FindingsRelease

    static let path = "disclosure-log.json"

    func json() -> [UInt8] {
        members.encoded()
    }

    var members: JSONValue {
        let disclosure = release.disclosure
        let threshold = disclosure.threshold
        return .object([
            ("survey", .object([("id", .string(release.surveyID)), ("version", .integer(release.surveyVersion))])),
            ("month", .string(release.month.description)),
            (
                "threshold",
                .object([
                    ("minimumCount", .integer(threshold.minimumCount)),
                    ("default", .integer(Threshold.standard)),
                    ("lowest", .integer(Threshold.lowest)),
                    ("reasonLowered", .optional(threshold.reason, JSONValue.string)),
                ])
            ),
            ("method", .string(disclosure.method)),
            ("suppressedCounts", .integer(disclosure.suppressedCounts)),
            ("publishedCounts", .integer(disclosure.publishedCounts)),
            (
                "withheldTables",
                .array(
                    disclosure.withheldTables.map {
                        .object([("id", .string($0.id)), ("reason", .string($0.reason.rawValue))])
                    })
            ),
            ("percentages", .string("computed from published counts only; a 0% or 100% in a small group is coarsened")),
            ("freeText", .string("not exported; only the number of free-text answers is published")),
            ("timePeriod", .string("month")),
            (
                "lineage",
                .object([
                    ("earlierReleases", .integer(disclosure.earlierReleases)),
                    ("checkedAgainstEarlierReleases", .bool(true)),
                ])
            ),
            ("tool", .string(disclosure.toolVersion)),
        ])
    }
}
