public import ChorusCore
import Crypto
import GRDB

extension ChorusDatabase {
    /// Records the survey file responses will be saved against; registering it again is harmless.
    ///
    /// - Parameters:
    ///   - survey: The survey read from `source`, for its id and version.
    ///   - source: The survey file's bytes, exactly as read; their SHA-256 is the content hash.
    /// - Throws: ``StoreError`` if this database already has a different file under the same id and
    ///   version: responses to both could not be told apart, so the survey needs a new version.
    public func register(survey: Survey, source: [UInt8]) throws {
        let hash = Self.contentHash(source)
        guard let text = String(validating: source, as: UTF8.self) else {
            throw StoreError(.conflict, "survey '\(survey.id)' version \(survey.version) is not UTF-8 text")
        }
        try writing { db in
            if let stored = try SurveyRecord.find(db, id: survey.id, version: survey.version) {
                guard stored.contentHash == hash else {
                    throw StoreError.surveyChanged(
                        id: survey.id, version: survey.version, path: path, stored: stored.contentHash)
                }
                return
            }
            try SurveyRecord(id: survey.id, version: survey.version, contentHash: hash, source: text).insert(db)
        }
    }

    /// The SHA-256 of a survey file's bytes, in lowercase hex.
    static func contentHash(_ source: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: source))
    }
}
