/// One column of a data file, described once for both the CSV header and `datapackage.json`.
struct DataField {
    enum FieldType: String {
        case string, integer, number
    }

    /// The column name, stable across releases: research partners' scripts refer to it.
    var name: String
    var type: FieldType
    /// A short title, in the release's language.
    var title: String
    /// What the column holds; for survey texts, in every language of the survey.
    var description: String
    /// The codes a column may hold and what each means, for option and group columns.
    var categories: [(value: String, label: String)] = []
    /// Whether the values are counts of people, never negative.
    var isCount = false

    /// The column's Frictionless Table Schema field descriptor.
    var descriptor: JSONValue {
        var members: [(String, JSONValue)] = [
            ("name", .string(name)), ("type", .string(type.rawValue)), ("title", .string(title)),
            ("description", .string(description)),
        ]
        if !categories.isEmpty {
            members.append(
                (
                    "categories",
                    .array(categories.map { .object([("value", .string($0.value)), ("label", .string($0.label))]) })
                )
            )
        }
        if isCount { members.append(("constraints", .object([("minimum", .integer(0))]))) }
        // Validators that ignore `categories` (Data Package v2) still check an enum.
        if !categories.isEmpty {
            members.append(("constraints", .object([("enum", .array(categories.map { .string($0.value) }))])))
        }
        return .object(members)
    }
}

/// The codes a data file writes where a number is not given; `datapackage.json` declares them as
/// missing values with these labels.
enum MissingCode {
    /// A count, or anything computed from one, withheld by disclosure control.
    static let suppressed = "SUPPRESSED"
    /// Nothing to show: a share of a total, a share of a withheld count, or a share shown only as a bound.
    static let notApplicable = ""

    static func descriptor(threshold: Int, words: ReleaseWords) -> JSONValue {
        .array([
            .object([("value", .string(suppressed)), ("label", .string(words.suppressedLabel(threshold)))]),
            .object([("value", .string(notApplicable)), ("label", .string(words.notApplicableLabel))]),
        ])
    }
}
