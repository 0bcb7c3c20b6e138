import GRDB

extension ChorusDatabase {
    /// Brings every response of another Chorus database, such as a kiosk's carried in on a USB
    /// stick, into this one, in one transaction; the other database is only read.
    ///
    /// Responses are known by their random ids, so merging the same database again adds nothing.
    ///
    /// - Parameter source: The database to merge, best opened read-only.
    /// - Returns: How many responses were added and how many were already here.
    /// - Throws: ``StoreError``, and then nothing is merged: when `source` is this database, or has
    ///   a survey whose id and version are here with different content.
    public func merge(from source: ChorusDatabase) throws -> MergeReport {
        let here = DatabaseFile(path: path).state
        if case .regularFile(let device, let inode) = here,
            case .regularFile(device, inode) = DatabaseFile(path: source.path).state
        {
            throw StoreError.sameDatabase(source.path)
        }
        // A kiosk's database is small enough to read whole, which keeps a failure on either side
        // reported with the right path.
        let kiosk = try source.contents()
        return try writing { db in
            for survey in kiosk.surveys {
                guard let stored = try SurveyRecord.find(db, id: survey.id, version: survey.version) else {
                    try survey.insert(db)
                    continue
                }
                guard stored.contentHash == survey.contentHash else {
                    throw StoreError.surveyDiffers(
                        id: survey.id, version: survey.version, source: source.path, stored: stored.contentHash,
                        incoming: survey.contentHash)
                }
            }
            for site in kiosk.sites {
                try db.execute(sql: "INSERT OR IGNORE INTO sites (name) VALUES (?)", arguments: [site])
            }
            // Inserted in id order, so this database's pages and log learn no arrival order either.
            var report = MergeReport(addedResponses: 0, alreadyPresent: 0)
            for response in kiosk.responses {
                try response.insert(db, onConflict: .ignore)
                guard db.changesCount > 0 else {
                    report.alreadyPresent += 1
                    continue
                }
                report.addedResponses += 1
                for answer in kiosk.answers[response.id] ?? [] { try answer.insert(db) }
            }
            return report
        }
    }

    /// Everything in the database, responses in id order.
    func contents() throws -> Contents {
        try reading { db in
            Contents(
                surveys: try SurveyRecord.fetchAll(db),
                sites: try String.fetchAll(db, sql: "SELECT name FROM sites"),
                responses: try ResponseRecord.order(Column("id")).fetchAll(db),
                answers: Dictionary(grouping: try AnswerRecord.fetchAll(db), by: \.responseID)
            )
        }
    }

    struct Contents {
        var surveys: [SurveyRecord]
        var sites: [String]
        var responses: [ResponseRecord]
        var answers: [String: [AnswerRecord]]
    }
}
