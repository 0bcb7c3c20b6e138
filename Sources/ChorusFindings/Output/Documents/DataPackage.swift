/// `datapackage.json`: a Frictionless Data Package (v2) describing every other file of the
/// release, with a table schema for each CSV file.
struct DataPackage {
    /// A file of the release as the package lists it.
    struct Entry {
        var file: ReleaseFile
        var title: String
        var description: String
        /// The format's usual file extension (`csv`, `json`, `md`, `html`).
        var format: String
        var mediaType: String
        /// For a CSV file, how its columns are described.
        var data: DataFile?
    }

    let release: FindingsRelease
    let words: ReleaseWords
    let entries: [Entry]

    static let path = "datapackage.json"
    static let profile = "https://datapackage.org/profiles/2.0/datapackage.json"

    func json() -> [UInt8] {
        let name = release.surveyID.lowercased()
        // A later release can be made in the same month: its number tells it apart.
        let number = release.disclosure.earlierReleases + 1
        let nameSuffix = number > 1 ? "-\(number)" : ""
        let idSuffix = number > 1 ? ":\(number)" : ""
        return JSONValue.object([
            ("$schema", .string(Self.profile)),
            ("name", .string("\(name)-v\(release.surveyVersion)-\(release.month)\(nameSuffix)")),
            (
                "id",
                .string("urn:chorus:release:\(release.surveyID):\(release.surveyVersion):\(release.month)\(idSuffix)")
            ),
            ("title", .string(words.packageTitle(words.text(release.title), month: release.month.description))),
            ("description", .string(words.packageDescription(release))),
            // Major: the survey version, whose questions the columns follow; minor: which release of it.
            ("version", .string("\(release.surveyVersion).\(release.disclosure.earlierReleases).0")),
            ("keywords", .array(["survey", "community", "aggregate", "anonymized"].map(JSONValue.string))),
            (
                "licenses",
                .array([
                    .object([
                        ("name", .string("CC-BY-4.0")),
                        ("path", .string("https://creativecommons.org/licenses/by/4.0/")),
                        ("title", .string("Creative Commons Attribution 4.0")),
                    ])
                ])
            ),
            ("resources", .array(resources)),
        ]).encoded()
    }

    private var resources: [JSONValue] {
        var names: Set<String> = []
        return entries.map { entry in
            // Resource names are lowercase; the path, which is unique, with `/` as `.` and the extension dropped.
            let path = entry.file.path.lowercased()
            let name = String(path[..<(path.lastIndex(of: ".") ?? path.endIndex)]).replacing("/", with: ".")
            var unique = name
            var suffix = 2
            while !names.insert(unique).inserted {
                unique = "\(name)-\(suffix)"
                suffix += 1
            }
            var members: [(String, JSONValue)] = [
                ("name", .string(unique)),
                ("type", .string(entry.data == nil ? "file" : "table")),
                ("path", .string(entry.file.path)),
                ("scheme", .string("file")),
                ("format", .string(entry.format)),
                ("mediatype", .string(entry.mediaType)),
                ("encoding", .string("utf-8")),
                ("bytes", .integer(entry.file.bytes.count)),
                ("title", .string(entry.title)),
                ("description", .string(entry.description)),
            ]
            if let data = entry.data {
                members.append(
                    (
                        "schema",
                        .object([
                            ("fields", .array(data.fields.map(\.descriptor))),
                            (
                                "missingValues",
                                MissingCode.descriptor(threshold: release.threshold.minimumCount, words: words)
                            ),
                            ("primaryKey", .array(data.primaryKey.map(JSONValue.string))),
                        ])
                    ))
            }
            return .object(members)
        }
    }
}
