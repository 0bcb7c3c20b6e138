import ChorusCore

extension DataFile {
    /// A published table: a column per dimension holding its codes, then the count columns; one
    /// row per cell in the table's own order, which follows the survey, not the data.
    init(table: FindingsTable, words: ReleaseWords, languages: [String]) {
        let columns = Self.dimensionColumns(table)
        let dimensions = zip(columns, table.dimensions).map { name, dimension in
            let own: LocalizedText? =
                switch dimension.kind {
                case .answer: table.title
                case .group: dimension.title
                default: nil
                }
            return DataField(
                name: name, type: .string, title: words.title(of: dimension, in: table),
                description: words.dimensionDescription(dimension, questionID: table.questionID)
                    + (own.map { "\n\n" + words.everyLanguage($0, languages) } ?? ""),
                categories: dimension.values.map { ($0.code, words.label(of: $0, in: dimension)) })
        }
        self.init(
            path: "tables/\(table.id).csv",
            title: words.tableTitle(table),
            description: words.tableDescription(table)
                + (table.description.map { "\n\n" + words.everyLanguage($0, languages) } ?? ""),
            fields: dimensions + Self.countFields(words: words, shareOf: words.shareBase(columns: columns)),
            primaryKey: columns,
            records: table.rows.map { coordinates, cell in
                zip(table.dimensions, coordinates).map { $0.values[$1].code }
                    + Self.countValues(count: cell.count, share: cell.share)
            }
        )
    }

    /// `answer` for the question's answers, the quasi-identifier's question id for its groups,
    /// else the dimension's kind (`channel`, `site`, `language`, `position`).
    static func dimensionColumns(_ table: FindingsTable) -> [String] {
        table.dimensions.map { dimension in
            switch dimension.kind {
            case .answer: "answer"
            case .group: reservedColumns.contains(dimension.id) ? "\(dimension.id)_group" : dimension.id
            default: dimension.kind.rawValue
            }
        }
    }

    /// Names a quasi-identifier's question id must not take, or its column would clash with another.
    private static let reservedColumns: Set<String> = [
        "answer", "count", "percent", "ci_lower", "ci_upper", "percent_coarsened", "channel", "site", "language",
        "position",
    ]
}
