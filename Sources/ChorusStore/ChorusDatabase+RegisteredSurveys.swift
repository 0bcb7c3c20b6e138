import GRDB

extension ChorusDatabase {
    /// The id of every survey registered in this database, in alphabetical order.
    package func registeredSurveyIDs() throws -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT id FROM surveys ORDER BY id") }
    }

    /// The versions of survey `id` registered in this database, newest first.
    package func registeredVersions(surveyID id: String) throws -> [Int] {
        try reading { db in
            try Int.fetchAll(db, sql: "SELECT version FROM surveys WHERE id = ? ORDER BY version DESC", arguments: [id])
        }
    }

    /// The survey file registered under `id` and `version`, byte for byte as it was read; `nil`
    /// when that version is not registered. Equal bytes are an equal content hash.
    package func registeredSource(surveyID id: String, version: Int) throws -> [UInt8]? {
        try reading { db in try SurveyRecord.find(db, id: id, version: version).map { Array($0.source.utf8) } }
    }
}
