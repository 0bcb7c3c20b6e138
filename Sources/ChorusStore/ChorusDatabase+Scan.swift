import GRDB
import GRDBSQLite

extension ChorusDatabase {
    /// How many completed responses a survey version has.
    package func responseCount(surveyID: String, version: Int) throws -> Int {
        try reading { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM responses WHERE survey_id = ? AND survey_version = ?",
                arguments: [surveyID, version]) ?? 0
        }
    }

    /// Every collection site ever recorded, by name.
    package func siteNames() throws -> [String] {
        try reading { db in try String.fetchAll(db, sql: "SELECT name FROM sites ORDER BY name") }
    }

    /// Reads every response of a survey version and its answers once, in one read transaction,
    /// with memory that does not grow with the number of responses.
    ///
    /// Strings that repeat on every row (channel, site, language, question) are turned into
    /// indexes by SQLite itself, and values are handed over as SQLite's own bytes, so the only
    /// per-answer work left to the visitor is what the value means.
    ///
    /// - Parameters:
    ///   - surveyID: The survey whose responses are visited.
    ///   - version: The survey version; responses to other versions are skipped.
    ///   - questionIDs: The questions whose answers are visited; others are skipped.
    ///   - sites: Site names to index; a response at another site is visited with no site.
    ///   - languages: Language tags to index.
    ///   - visitor: Receives each response and its answers.
    ///   - progress: Called every few thousand responses with how many were read so far.
    /// - Throws: ``StoreError`` if the database cannot be read.
    package func scanResponses(
        surveyID: String,
        version: Int,
        questionIDs: [String],
        sites: [String],
        languages: [String],
        into visitor: inout some ResponseScanVisitor,
        progress: (Int) -> Void
    ) throws {
        var arguments = StatementArguments()
        func cases(_ column: String, _ values: [String]) -> String {
            guard !values.isEmpty else { return "-1" }
            for value in values { arguments += [value] }
            let arms = values.indices.map { "WHEN ? THEN \($0)" }.joined(separator: " ")
            return "CASE \(column) \(arms) ELSE -1 END"
        }
        // Columns: 0 id, 1 channel, 2 site, 3 language, 4 month, 5 question, 6 kind, 7 value.
        let sql = """
            SELECT r.id, r.channel = 'sms', \(cases("r.site", sites)), \(cases("r.language", languages)),
                CAST(substr(r.day, 1, 4) AS INTEGER) * 12 + CAST(substr(r.day, 6, 2) AS INTEGER) - 1,
                \(cases("a.question_id", questionIDs)),
                CASE a.kind WHEN 'choice' THEN 0 WHEN 'choices' THEN 1 WHEN 'number' THEN 2
                    WHEN 'yes-no' THEN 3 WHEN 'text' THEN 4 ELSE -1 END,
                a.value
            FROM responses r LEFT JOIN answers a ON a.response_id = r.id
            WHERE r.survey_id = ? AND r.survey_version = ?
            ORDER BY r.id
            """
        arguments += [surveyID, version]
        try reading { db in
            let statement = try db.makeStatement(sql: sql)
            statement.arguments = arguments
            let sqlite = statement.sqliteStatement
            let cursor = try Row.fetchCursor(statement)
            // Response ids are 32 hex digits, read as four words; the previous one shows where a response ends.
            var previous: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            var responses = 0
            while try cursor.next() != nil {
                guard let text = sqlite3_column_text(sqlite, 0), sqlite3_column_bytes(sqlite, 0) == 32 else {
                    throw StoreError.notChorus(path)
                }
                let id = UnsafeRawPointer(text)
                let words = (
                    id.loadUnaligned(as: UInt64.self), id.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                    id.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                    id.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                )
                let isNew = words != previous
                previous = words
                if isNew {
                    let site = Int(sqlite3_column_int64(sqlite, 2))
                    let language = Int(sqlite3_column_int64(sqlite, 3))
                    visitor.beginResponse(
                        channel: sqlite3_column_int64(sqlite, 1) != 0 ? .sms : .kiosk,
                        site: site < 0 ? nil : site,
                        language: language < 0 ? nil : language,
                        month: Int(sqlite3_column_int64(sqlite, 4)))
                    responses += 1
                    if responses & 4095 == 0 { progress(responses) }
                }
                let question = Int(sqlite3_column_int64(sqlite, 5))
                guard question >= 0, let kind = StoredAnswerKind(rawValue: sqlite3_column_int(sqlite, 6)) else {
                    continue
                }
                var answer = ScannedAnswer(
                    question: question, kind: kind, number: 0, bytes: .init(start: nil, count: 0))
                switch kind {
                case .number, .yesNo:
                    answer.number = sqlite3_column_double(sqlite, 7)
                case .choice, .choices, .text:
                    // sqlite3_column_text before sqlite3_column_bytes, as SQLite asks, so the count is of UTF-8.
                    let text = sqlite3_column_text(sqlite, 7)
                    answer.bytes = UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(sqlite, 7)))
                }
                visitor.visit(answer)
            }
            progress(responses)
        }
    }
}
