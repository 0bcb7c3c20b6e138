import GRDB

/// The database schema, as a list of migrations.
///
/// A migration is never edited once it has shipped: databases in the field already ran it, and
/// kiosk databases carried in on a USB stick must keep merging. Change the schema by adding the next one.
/// Migrations name tables and columns with strings, never with Swift types, so that renaming a
/// type cannot change what an old migration does.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: v3)
        }
        migrator.registerMigration("findings-v1") { db in
            try db.execute(sql: findingsV1)
        }
        migrator.registerMigration("sms-menus-v1") { db in
            try db.execute(sql: smsMenusV1)
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

    // The text-message channel's state (privacy rule 1). A sender is only ever the 64 hex digits
    // of SenderKey's HMAC of their number, and the CHECKs refuse anything else, so a raw number
    // cannot be stored even by mistake.
    //
    // - `sms_conversations` holds an unfinished interview (ChorusCore's Interview as JSON) until
    //   it completes or expires. `expires_hour` is `YYYY-MM-DDTHH`, coarse, and only for deleting
    //   state; it is never copied to a response.
    // - `sms_completed` allows one response per number per survey, in whichever version (the
    //   version is kept, though no longer read). It deliberately has no response id: which
    //   response a number gave must stay unknowable.
    // - `sms_opt_outs` lists senders who texted STOP or a similar word.
    // - `sms_messages` makes a retried webhook idempotent: the gateway's message id, hashed with
    //   SHA-256 since the gateway's own logs pair it with the number, and the reply already given.
    //
    // All are WITHOUT ROWID, keyed by the pseudonym or a hash, so like responses their rows are
    // ordered by random-looking keys, not by arrival.
    private static let v2 = """
        CREATE TABLE sms_conversations (
            sender TEXT NOT NULL CHECK (length(sender) = 64 AND sender NOT GLOB '*[^0-9a-f]*'),
            survey_id TEXT NOT NULL CHECK (survey_id <> ''),
            interview TEXT NOT NULL CHECK (json_valid(interview)),
            expires_hour TEXT NOT NULL
                CHECK (expires_hour GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]'),
            PRIMARY KEY (sender, survey_id)
        ) WITHOUT ROWID;

        CREATE TABLE sms_completed (
            sender TEXT NOT NULL CHECK (length(sender) = 64 AND sender NOT GLOB '*[^0-9a-f]*'),
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            PRIMARY KEY (sender, survey_id, survey_version),
            FOREIGN KEY (survey_id, survey_version) REFERENCES surveys (id, version)
        ) WITHOUT ROWID;

        CREATE TABLE sms_opt_outs (
            sender TEXT NOT NULL PRIMARY KEY CHECK (length(sender) = 64 AND sender NOT GLOB '*[^0-9a-f]*')
        ) WITHOUT ROWID;

        CREATE TABLE sms_messages (
            gateway TEXT NOT NULL CHECK (gateway <> ''),
            message_hash TEXT NOT NULL CHECK (length(message_hash) = 64 AND message_hash NOT GLOB '*[^0-9a-f]*'),
            reply TEXT NOT NULL,
            expires_hour TEXT NOT NULL
                CHECK (expires_hour GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]'),
            PRIMARY KEY (gateway, message_hash)
        ) WITHOUT ROWID;
        """

    // Replies waiting to be sent through a gateway's API (Telnyx, say, which cannot take a reply
    // in its webhook's response). A row is written in the same transaction as the message that
    // caused it and deleted once sent or given up on.
    //
    // The destination is a phone number, which must never be readable at rest, so `sealed` is the
    // whole outgoing message (gateway, numbers, texts) sealed with ChaCha20-Poly1305 under a key
    // the server makes in memory when it starts and never writes anywhere; `key_id` names that
    // key without revealing it. The database alone cannot be opened, and after a restart the rows
    // of earlier keys cannot be sent either, so the server deletes them.
    //
    // `id` is 128 random bits, the table WITHOUT ROWID, and there is no time column, so the rows
    // show neither how many replies were sent before nor in which order these arrived.
    private static let v3 = """
        CREATE TABLE sms_outbox (
            id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 32 AND id NOT GLOB '*[^0-9a-f]*'),
            key_id TEXT NOT NULL CHECK (length(key_id) = 32 AND key_id NOT GLOB '*[^0-9a-f]*'),
            sealed BLOB NOT NULL CHECK (typeof(sealed) = 'blob' AND length(sealed) > 28)
        ) WITHOUT ROWID;
        """

    // Findings releases (privacy rule 3): what each export published, so that the next one of the
    // same survey version can be checked against it. Counts are keyed by what they count (see
    // ChorusFindings' statistic keys); a suppressed count is stored as NULL, never as its value.
    // Relations are the linear equalities and inequalities a reader could use, as JSON.
    // The identifier is not "v3" so that it merges with other branches' next migration.
    private static let findingsV1 = """
        CREATE TABLE findings_releases (
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
            threshold INTEGER NOT NULL CHECK (threshold >= 5),
            reason TEXT,
            PRIMARY KEY (survey_id, survey_version, sequence),
            FOREIGN KEY (survey_id, survey_version) REFERENCES surveys (id, version)
        ) WITHOUT ROWID;

        CREATE TABLE findings_counts (
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            key TEXT NOT NULL,
            value INTEGER CHECK (value IS NULL OR (typeof(value) = 'integer' AND value >= 0)),
            PRIMARY KEY (survey_id, survey_version, sequence, key),
            FOREIGN KEY (survey_id, survey_version, sequence)
                REFERENCES findings_releases (survey_id, survey_version, sequence) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE TABLE findings_relations (
            survey_id TEXT NOT NULL,
            survey_version INTEGER NOT NULL,
            sequence INTEGER NOT NULL,
            ordinal INTEGER NOT NULL,
            relation TEXT NOT NULL CHECK (json_valid(relation)),
            PRIMARY KEY (survey_id, survey_version, sequence, ordinal),
            FOREIGN KEY (survey_id, survey_version, sequence)
                REFERENCES findings_releases (survey_id, survey_version, sequence) ON DELETE CASCADE
        ) WITHOUT ROWID;
        """

    // With several surveys served, a first message that names none gets the list of their
    // keywords, in the language the message was in. `sms_menus` keeps that language until the
    // sender's next message, so that the survey it chooses starts in it: "hola" and then "SAFE"
    // is a survey in Spanish. Keyed by the pseudonym, WITHOUT ROWID, expiring as a conversation
    // does, and deleted by the next message or an opt-out.
    private static let smsMenusV1 = """
        CREATE TABLE sms_menus (
            sender TEXT NOT NULL PRIMARY KEY CHECK (length(sender) = 64 AND sender NOT GLOB '*[^0-9a-f]*'),
            language TEXT NOT NULL CHECK (language <> ''),
            expires_hour TEXT NOT NULL
                CHECK (expires_hour GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]')
        ) WITHOUT ROWID;
        """
}
