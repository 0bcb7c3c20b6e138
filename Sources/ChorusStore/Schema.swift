import GRDB

/// The database schema, as a list of migrations.
///
/// A migration is never edited once it has shipped: databases in the field already ran it, and
/// kiosk databases carried in on a USB stick must keep merging. Change the schema by adding "v2".
/// Migrations name tables and columns with strings, never with Swift types, so that renaming a
/// type cannot change what an old migration does.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        return migrator
    }

    // How the stored order of rows avoids revealing the order in which people answered:
    //
    // - A response's primary key is 128 random bits written as hex, and `responses` and `answers`
    //   are WITHOUT ROWID tables, so SQLite keeps their rows in the B-tree of that key: sorted by
    //   a random value, not by arrival. There is no rowid, no INTEGER PRIMARY KEY and no
    //   AUTOINCREMENT (so no sqlite_sequence) that would count responses as they come.
    // - No column holds a time: `day` is checked to be `YYYY-MM-DD` and nothing else.
    // - Inside a page, SQLite places each new cell's bytes below the previous ones, so raw page
    //   bytes would still show which row of a page came last. After a kiosk response the store
    //   runs VACUUM, which rewrites every table in key order, and secure_delete zeroes what is
    //   freed (ChorusDatabase.eraseArrivalOrder).
    // - WAL frames are appended in commit order, so the -wal file is a log of arrivals; the same
    //   step checkpoints with TRUNCATE so that log is emptied as soon as the response is saved.
    //
    // Answers keep their type: `kind` says which case of Answer it is, and `value` is TEXT for a
    // choice or free text, a JSON array of option values for several choices (best first for a
    // rank), REAL for a number and 0 or 1 for yes or no. Free text is stored as typed; exports
    // never show it raw.
    private static let v1 = """
        CREATE TABLE surveys (
            id TEXT NOT NULL CHECK (id <> ''),
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
            source TEXT NOT NULL,
            PRIMARY KEY (id, version)
        ) WITHOUT ROWID;

        CREATE TABLE sites (
            name TEXT NOT NULL PRIMARY KEY CHECK (name <> '')
        ) WITHOUT ROWID;

        CREATE TABLE responses (
            id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'sms')),
            site TEXT REFERENCES sites (name),
            language TEXT NOT NULL CHECK (language <> ''),
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            FOREIGN KEY (survey_id, survey_version) REFERENCES surveys (id, version)
        ) WITHOUT ROWID;

        CREATE TABLE answers (
            response_id TEXT NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
            question_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('choice', 'choices', 'number', 'yes-no', 'text')),
            value NOT NULL CHECK (
                CASE kind
                    WHEN 'number' THEN typeof(value) = 'real'
                    WHEN 'yes-no' THEN typeof(value) = 'integer' AND value IN (0, 1)
                    WHEN 'choices' THEN typeof(value) = 'text' AND json_valid(value)
                    ELSE typeof(value) = 'text'
                END
            ),
            PRIMARY KEY (response_id, question_id)
        ) WITHOUT ROWID;
        """
}
