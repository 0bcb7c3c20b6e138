import GRDB

/// A row of `responses`: which survey was answered, how, where and on which day; never when, never by whom.
struct ResponseRecord: Codable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "responses"

    /// 32 lowercase hex digits of 128 random bits; see Schema for why it is random.
    var id: String
    var surveyID: String
    var surveyVersion: Int
    var channel: String
    var site: String?
    var language: String
    var day: String

    enum CodingKeys: String, CodingKey {
        case id, channel, site, language, day
        case surveyID = "survey_id"
        case surveyVersion = "survey_version"
    }

    /// A new, unguessable response id from the system's cryptographically secure generator.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        // Two draws of 64 bits rather than sixteen of 8: each draw is a system call, made by the
        // webhook's one writer for every completed response.
        let words = [generator.next(), generator.next()]
        return Hex.string(words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } })
    }
}
