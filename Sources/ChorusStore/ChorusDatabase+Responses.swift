public import ChorusCore
import GRDB

extension ChorusDatabase {
    /// Saves a completed response and its answers in one transaction, durable when this returns.
    ///
    /// The response gets a new random id. Nothing about the moment is kept but `day`.
    ///
    /// - Parameters:
    ///   - response: The completed response; its survey version must be registered.
    ///   - channel: How it came in.
    ///   - site: Where the kiosk stands, if it was started for a site.
    ///   - day: The day it was completed, in the collection site's time zone.
    ///   - erasingArrivalOrder: Whether to then rewrite the file so it shows no order of arrival
    ///     (``eraseArrivalOrder()``). A kiosk saves one response at a time and leaves it on; a
    ///     channel saving many per second turns it off and erases the order on a schedule.
    /// - Throws: ``StoreError`` if the survey version is not registered or the write fails; then
    ///   nothing of the response is stored.
    public func save(
        _ response: Response,
        channel: Channel,
        site: String?,
        day: Day,
        erasingArrivalOrder: Bool = true
    ) throws {
        try save(response, id: ResponseRecord.randomID(), channel: channel, site: site, day: day)
        // The response is committed and on disk. If the rewrite fails (say the disk is too full
        // for VACUUM's copy), reporting failure would invite saving the same answers twice; the
        // next save tries again.
        if erasingArrivalOrder { try? eraseArrivalOrder() }
    }

    /// Saves `response` under a given id; tests use it to choose the order of ids.
    func save(_ response: Response, id: String, channel: Channel, site: String?, day: Day) throws {
        try writing { db in try insert(response, id: id, channel: channel, site: site, day: day, into: db) }
    }

    /// Inserts a response and its answers in the caller's transaction, shared by every channel.
    func insert(_ response: Response, id: String, channel: Channel, site: String?, day: Day, into db: Database) throws {
        // Whether it exists, not the record, which holds the survey's whole source.
        let registered = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM surveys WHERE id = ? AND version = ?)"),
            arguments: [response.surveyID, response.surveyVersion])
        guard registered == true else {
            throw StoreError.unregisteredSurvey(id: response.surveyID, version: response.surveyVersion, path: path)
        }
        if let site {
            try db.execute(sql: "INSERT OR IGNORE INTO sites (name) VALUES (?)", arguments: [site])
        }
        try ResponseRecord(
            id: id,
            surveyID: response.surveyID,
            surveyVersion: response.surveyVersion,
            channel: channel.rawValue,
            site: site,
            language: response.language,
            day: day.description
        ).insert(db)
        for (questionID, answer) in response.answers {
            try AnswerRecord(responseID: id, questionID: questionID, answer: answer).insert(db)
        }
    }

    /// Rewrites the database so neither its pages nor its write-ahead log show the order in which
    /// responses arrived (see Schema): VACUUM lays every table out again in key order, and a
    /// TRUNCATE checkpoint empties the log.
    public func eraseArrivalOrder() throws {
        do {
            try writer.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                _ = try db.checkpoint(.truncate)
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Empties the write-ahead log into the database file, and with it the log's old copies of
    /// rows since deleted or replaced, such as a finished conversation's answers: secure_delete
    /// has already zeroed them in the file. Unlike ``eraseArrivalOrder()``, it takes no longer
    /// than the log is long, so it can run every minute.
    ///
    /// - Throws: ``StoreError`` if the log cannot be emptied now, as while a read still uses it;
    ///   then try again later.
    public func forgetDeleted() throws {
        do {
            try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Completed responses counted by survey version, channel, site and day.
    ///
    /// - Parameter surveyID: Only this survey's responses; all surveys' when `nil`.
    /// - Returns: One count per survey version, channel, site and day that has responses, in that order.
    /// - Throws: ``StoreError`` if the database cannot be read.
    public func status(surveyID: String? = nil) throws -> [ResponseCount] {
        try reading { db in
            var query: SQL = "SELECT survey_id, survey_version, channel, site, day, COUNT(*) AS count FROM responses"
            if let surveyID { query += " WHERE survey_id = \(surveyID)" }
            query += " GROUP BY survey_id, survey_version, channel, site, day"
            query += " ORDER BY survey_id, survey_version, channel, site, day"
            let rows = try Row.fetchAll(db, SQLRequest(literal: query))
            return try rows.map { row in
                guard let channel = Channel(rawValue: row["channel"]), let day = Day(row["day"] as String) else {
                    throw StoreError.notChorus(path)
                }
                return ResponseCount(
                    surveyID: row["survey_id"],
                    surveyVersion: row["survey_version"],
                    channel: channel,
                    site: row["site"],
                    day: day,
                    count: row["count"]
                )
            }
        }
    }
}
