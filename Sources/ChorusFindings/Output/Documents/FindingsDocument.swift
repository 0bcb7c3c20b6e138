import ChorusCore

/// `findings.json`: the whole release in one file, for readers who prefer JSON to a folder of
/// CSV files. Table cells carry the same columns and values as the CSV files, numbers as numbers.
struct FindingsDocument {
    let release: FindingsRelease
    let words: ReleaseWords

    static let path = "findings.json"

    func json() -> [UInt8] {
        JSONValue.object([
            ("survey", surveyMembers),
            ("release", releaseMembers),
            ("reach", reach),
            ("priorities", .array(release.priorities.map(priority))),
            ("tables", .array(release.tables.map(table))),
            ("freeText", freeText),
            ("disclosure", DisclosureLog(release: release).members),
        ]).encoded()
    }

    private var surveyMembers: JSONValue {
        .object([
            ("id", .string(release.surveyID)),
            ("version", .integer(release.surveyVersion)),
            ("title", localized(release.title)),
            ("languages", .array(release.languages.map(JSONValue.string))),
        ])
    }

    private var releaseMembers: JSONValue {
        .object([
            ("month", .string(release.month.description)),
            (
                "period",
                .optional(release.period) {
                    .object([("first", .string($0.first.description)), ("last", .string($0.last.description))])
                }
            ),
            ("minimumCount", .integer(release.threshold.minimumCount)),
            (
                "missingValues",
                .object([
                    (MissingCode.suppressed, .string(words.suppressedLabel(release.threshold.minimumCount))),
                    ("null", .string(words.notApplicableLabel)),
                ])
            ),
        ])
    }

    private var reach: JSONValue {
        .object([
            ("respondents", count(release.reach.respondents)),
            ("byChannel", .string(release.reach.byChannel)),
            ("bySite", .string(release.reach.bySite)),
            ("byLanguage", .string(release.reach.byLanguage)),
        ])
    }

    private var freeText: JSONValue {
        .object([
            ("questions", .array(release.freeText.questionIDs.map(JSONValue.string))),
            ("answers", count(release.freeText.answers)),
            ("exported", .bool(false)),
        ])
    }

    private func priority(_ priority: PriorityResult) -> JSONValue {
        let file = DataFile(priority: priority, words: words, languages: release.languages)
        let method: JSONValue
        switch priority.method {
        case .borda(let picks): method = .object([("kind", .string("borda")), ("picks", .integer(picks))])
        case .approval: method = .object([("kind", .string("approval"))])
        }
        return .object([
            ("questionID", .string(priority.questionID)),
            ("title", localized(priority.title)),
            ("method", method),
            ("methodName", .string(priority.method.name)),
            ("topN", .integer(priority.topN)),
            ("ballots", count(priority.ballots)),
            ("sourceTable", .string(priority.sourceTableID)),
            ("path", .string(file.path)),
            ("labels", .object(priority.options.map { ($0.value, localized($0.label)) })),
            ("options", file.jsonRows),
            (
                "ties",
                .array(
                    priority.ties.map { tie in
                        .object([
                            ("values", .array(tie.values.map(JSONValue.string))), ("score", .integer(tie.score)),
                            ("resolution", .string(tie.resolution.rawValue)),
                        ])
                    })
            ),
        ])
    }

    private func table(_ table: FindingsTable) -> JSONValue {
        let file = DataFile(table: table, words: words, languages: release.languages)
        return .object([
            ("id", .string(table.id)),
            ("kind", .string(table.kind.rawValue)),
            ("questionID", .optional(table.questionID, JSONValue.string)),
            ("questionType", .optional(table.questionType, JSONValue.string)),
            ("title", .optional(table.title, localized)),
            ("description", .optional(table.description, localized)),
            ("path", .string(file.path)),
            (
                "dimensions",
                .array(
                    zip(DataFile.dimensionColumns(table), table.dimensions).map { column, dimension in
                        .object([
                            ("id", .string(dimension.id)),
                            ("kind", .string(dimension.kind.rawValue)),
                            ("column", .string(column)),
                            ("title", .optional(dimension.title, localized)),
                            (
                                "values",
                                .array(
                                    dimension.values.map { value in
                                        .object([
                                            ("code", .string(value.code)), ("role", .string(value.role.rawValue)),
                                            ("label", .optional(value.label, localized)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            ("cells", file.jsonRows),
        ])
    }

    private func count(_ count: PublishedCount) -> JSONValue {
        count.value.map(JSONValue.integer) ?? .string(MissingCode.suppressed)
    }

    /// A survey text in every language of the survey, in the survey's order.
    private func localized(_ text: LocalizedText) -> JSONValue {
        .object(release.languages.map { ($0, .string(text.text(in: $0))) })
    }
}
