import Foundation
import GRDB

extension ChorusDatabase {
    /// Every recorded release of a survey version, first first.
    package func releaseLedgers(surveyID: String, version: Int) throws -> [ReleaseLedger] {
        try reading { db in
            let releases = try Row.fetchAll(
                db,
                sql: """
                    SELECT sequence, month, threshold, reason FROM findings_releases
                    WHERE survey_id = ? AND survey_version = ? ORDER BY sequence
                    """, arguments: [surveyID, version])
            return try releases.map { release in
                let sequence: Int = release["sequence"]
                let arguments: StatementArguments = [surveyID, version, sequence]
                let counts = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT key, value FROM findings_counts
                        WHERE survey_id = ? AND survey_version = ? AND sequence = ? ORDER BY key
                        """, arguments: arguments
                ).map { LedgerCount(key: $0["key"], value: $0["value"]) }
                let relations = try String.fetchAll(
                    db,
                    sql: """
                        SELECT relation FROM findings_relations
                        WHERE survey_id = ? AND survey_version = ? AND sequence = ? ORDER BY ordinal
                        """, arguments: arguments
                ).map { try JSONDecoder().decode(LedgerRelation.self, from: Data($0.utf8)) }
                return ReleaseLedger(
                    surveyID: surveyID, surveyVersion: version, sequence: sequence, month: release["month"],
                    threshold: release["threshold"], reason: release["reason"], counts: counts, relations: relations)
            }
        }
    }

    /// Records a release under the next sequence number, in one transaction.
    ///
    /// - Returns: `false`, recording nothing, when the latest release published exactly the same:
    ///   exporting unchanged data again is the same release, not a new one.
    /// - Throws: ``StoreError`` if the survey version is not registered or the write fails.
    @discardableResult
    package func record(_ ledger: ReleaseLedger) throws -> Bool {
        let previous = try releaseLedgers(surveyID: ledger.surveyID, version: ledger.surveyVersion).last
        if let previous, previous.publishesSame(as: ledger) { return false }
        let sequence = (previous?.sequence ?? 0) + 1
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try writing { db in
            let release: StatementArguments = [ledger.surveyID, ledger.surveyVersion, sequence]
            try db.execute(
                sql: """
                    INSERT INTO findings_releases (survey_id, survey_version, sequence, month, threshold, reason)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: release + [ledger.month, ledger.threshold, ledger.reason])
            let count = try db.makeStatement(
                sql: """
                    INSERT INTO findings_counts (survey_id, survey_version, sequence, key, value) VALUES (?, ?, ?, ?, ?)
                    """)
            for entry in ledger.counts {
                try count.execute(arguments: release + [entry.key, entry.value])
            }
            let relation = try db.makeStatement(
                sql: """
                    INSERT INTO findings_relations (survey_id, survey_version, sequence, ordinal, relation)
                    VALUES (?, ?, ?, ?, ?)
                    """)
            for (ordinal, entry) in ledger.relations.enumerated() {
                let json = String(decoding: try encoder.encode(entry), as: UTF8.self)
                try relation.execute(arguments: release + [ordinal, json])
            }
            return true
        }
    }
}
