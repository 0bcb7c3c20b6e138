import GRDB

/// A row of `surveys`: one survey file, by id and version, with its content hash and source.
struct SurveyRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "surveys"

    var id: String
    var version: Int
    var contentHash: String
    var source: String

    enum CodingKeys: String, CodingKey {
        case id, version, source
        case contentHash = "content_hash"
    }

    /// The registered survey with this id and version, if any.
    static func find(_ db: Database, id: String, version: Int) throws -> Self? {
        try fetchOne(db, key: ["id": .init(id), "version": .init(version)])
    }
}
