/// One tidy table of a release as it is published: a CSV file, its Frictionless resource in
/// `datapackage.json`, and its rows in `findings.json`, all made from the same records.
struct DataFile {
    /// Where it goes in the release folder.
    var path: String
    /// A title in the release's language.
    var title: String
    /// What it holds, with the survey's own words in every language.
    var description: String
    var fields: [DataField]
    /// The columns that tell rows apart.
    var primaryKey: [String]
    /// One record per row, one value per field, as written in the CSV file.
    var records: [[String]]

    func csv() -> [UInt8] {
        var text = CSVText(header: fields.map(\.name))
        for record in records { text.append(record) }
        return text.bytes
    }

    /// The rows as objects keyed by column, so the JSON can never say anything the CSV does not:
    /// numbers as numbers, a withheld value as `SUPPRESSED`, nothing to show as `null`.
    var jsonRows: JSONValue {
        .array(
            records.map { record in
                .object(
                    zip(fields, record).map { field, value in
                        let json: JSONValue =
                            if value == MissingCode.notApplicable {
                                .null
                            } else if value == MissingCode.suppressed || field.type == .string {
                                .string(value)
                            } else {
                                .number(value)
                            }
                        return (field.name, json)
                    })
            })
    }

    // MARK: Counts and shares, as every data file writes them

    static func countFields(words: ReleaseWords, shareOf base: String, countName: String = "count") -> [DataField] {
        [
            DataField(
                name: countName, type: .integer, title: words.respondentsTitle, description: words.countDescription,
                isCount: true),
            DataField(
                name: "percent", type: .number, title: words.percentTitle, description: words.percentDescription(base)),
            DataField(name: "ci_lower", type: .number, title: words.lowerTitle, description: words.lowerDescription),
            DataField(name: "ci_upper", type: .number, title: words.upperTitle, description: words.upperDescription),
            DataField(
                name: "percent_coarsened", type: .string, title: words.coarsenedTitle,
                description: words.coarsenedDescription),
        ]
    }

    /// A count and its share as the five columns of ``countFields(words:shareOf:countName:)``:
    /// the share of a withheld count is withheld too; a total has none; a coarsened share shows
    /// only its bound, so the exact percentage and its interval are left out.
    static func countValues(count: PublishedCount, share: PublishedShare?) -> [String] {
        let written = count.value.map(String.init) ?? MissingCode.suppressed
        let none = MissingCode.notApplicable
        guard let share else {
            let withheld = count == .suppressed ? MissingCode.suppressed : none
            return [written, withheld, withheld, withheld, none]
        }
        switch share.display {
        case .exact:
            return [
                written, FixedPoint.percent(share.proportion), FixedPoint.percent(share.lower),
                FixedPoint.percent(share.upper), none,
            ]
        case .below(let bound): return [written, none, none, none, "<" + FixedPoint.percent(bound)]
        case .above(let bound): return [written, none, none, none, ">" + FixedPoint.percent(bound)]
        }
    }
}
