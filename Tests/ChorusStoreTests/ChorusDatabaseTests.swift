import ChorusCore
import Foundation
import GRDB
import Glibc
import Testing

@testable import ChorusStore

/// Opening, migrating, registering and saving, on real SQLite files.
@Suite struct ChorusDatabaseTests {
    @Test func newDatabaseHasTheSchemaWithoutRowids() throws {
        let database = try StoreFixtures.database()
        let (migrations, tables) = try database.writer.read { db in
            (
                try Schema.migrator.appliedMigrations(db),
                try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
            )
        }
        #expect(migrations == ["v1", "v2", "v3", "findings-v1", "sms-menus-v1"])
        #expect(
            Set(tables.map { $0["name"] as String }) == [
                "grdb_migrations", "surveys", "sites", "responses", "answers",
                "sms_conversations", "sms_completed", "sms_opt_outs", "sms_messages", "sms_outbox", "sms_menus",
                "findings_releases", "findings_counts", "findings_relations",
            ])
        for row in tables where row["name"] != "grdb_migrations" {
            #expect((row["sql"] as String).hasSuffix("WITHOUT ROWID"), "\(row["name"] as String)")
        }
    }

    @Test func openingAgainKeepsDataAndMigratesNothing() throws {
        let database = try StoreFixtures.database()
        try database.save(StoreFixtures.response(), channel: .kiosk, site: "Central Library", day: StoreFixtures.day)
        let again = try ChorusDatabase(path: database.path)
        #expect(try again.contents().responses.count == 1)
        #expect(try again.writer.read { try Schema.migrator.appliedMigrations($0) } == Schema.migrator.migrations)
    }

    @Test(arguments: [false, true])
    func connectionsAreWALWithFullSyncSecureDeleteAndForeignKeys(concurrentReads: Bool) throws {
        let path = try StoreFixtures.folder().appendingPathComponent("chorus.sqlite").path
        let database = try ChorusDatabase(path: path, concurrentReads: concurrentReads)
        // The connection that commits, which is what durability depends on.
        let pragmas = try database.writer.writeWithoutTransaction { db in
            try ["journal_mode", "synchronous", "secure_delete", "foreign_keys"].map { pragma in
                try String.fetchOne(db, sql: "PRAGMA \(pragma)")
            }
        }
        // synchronous 2 is FULL.
        #expect(pragmas == ["wal", "2", "1", "1"])
    }

    @Test func databaseAndWALFilesAreOwnerOnlyEvenWithAPermissiveUmask() throws {
        // Given a umask that would let SQLite create world-readable files
        let previous = umask(0)
        defer { umask(previous) }
        let path = try StoreFixtures.folder().appendingPathComponent("modes.sqlite").path

        // When a database is created and a response saved
        let database = try ChorusDatabase(path: path)
        try database.register(survey: StoreFixtures.survey(), source: StoreFixtures.source())
        try database.save(StoreFixtures.response(), channel: .kiosk, site: nil, day: StoreFixtures.day)

        // Then the file and both companions are 0600
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            try #require(stat(file, &info) == 0, "\(file) is missing")
            #expect(info.st_mode & 0o777 == 0o600, "\(file) has mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    @Test func savedResponseReadsBackWithEveryAnswerType() throws {
        let database = try StoreFixtures.database()
        let response = StoreFixtures.response(language: "es", text: "más luz, por favor")
        try database.save(response, channel: .kiosk, site: "Biblioteca Este", day: StoreFixtures.day)

        let contents = try database.contents()
        let stored = try #require(contents.responses.first)
        #expect(contents.responses.count == 1)
        #expect(stored.id.count == 32 && stored.id.allSatisfy(\.isHexDigit))
        #expect(stored.surveyID == "safety" && stored.surveyVersion == 1)
        #expect(stored.channel == "kiosk" && stored.site == "Biblioteca Este")
        #expect(stored.language == "es" && stored.day == "2026-11-21")
        let answers = Dictionary(
            uniqueKeysWithValues: (contents.answers[stored.id] ?? []).map { ($0.questionID, $0.answer) })
        #expect(answers == response.answers)
        #expect(contents.sites == ["Biblioteca Este"])
    }

    @Test func savedResponseIsInTheDatabaseFileWhenSaveReturns() throws {
        // Given a response saved on one connection, which stays open
        let database = try StoreFixtures.database()
        try database.save(StoreFixtures.response(), channel: .kiosk, site: nil, day: StoreFixtures.day)

        // Then a second connection reads it
        #expect(try ChorusDatabase(path: database.path, readOnly: true).contents().responses.count == 1)

        // And a copy of the main file alone, without the WAL, already holds it
        let copy = try StoreFixtures.folder().appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: database.path, toPath: copy)
        #expect(try ChorusDatabase(path: copy, readOnly: true).contents().responses.count == 1)
    }

    @Test func registeringTheSameSurveyTwiceIsHarmless() throws {
        let database = try StoreFixtures.database()
        try database.register(survey: StoreFixtures.survey(), source: StoreFixtures.source())
        let surveys = try database.contents().surveys
        #expect(surveys.count == 1)
        #expect(surveys.first?.contentHash == ChorusDatabase.contentHash(StoreFixtures.source()))
        #expect(surveys.first?.contentHash.count == 64)
    }

    @Test func changedSurveyUnderTheSameVersionIsRefused() throws {
        let database = try StoreFixtures.database()
        let changed = StoreFixtures.source(extra: "<question/>")
        let error = try #require(throws: StoreError.self) {
            try database.register(survey: StoreFixtures.survey(), source: changed)
        }
        #expect(error.kind == .conflict)
        let hash = ChorusDatabase.contentHash(StoreFixtures.source())
        #expect(
            error.description
                == "survey 'safety' version 1 differs from the one in \(database.path) (content hash \(hash)); "
                + "give the changed survey a new version")
        // A new version of the changed survey is welcome.
        try database.register(survey: StoreFixtures.survey(version: 2), source: StoreFixtures.source(version: 2))
        #expect(try database.contents().surveys.count == 2)
    }

    @Test func responseToAnUnregisteredSurveyIsRefusedWithoutItsAnswers() throws {
        let database = try StoreFixtures.database()
        var response = StoreFixtures.response(text: "a secret only the respondent knows")
        response.surveyVersion = 7
        let error = try #require(throws: StoreError.self) {
            try database.save(response, channel: .sms, site: nil, day: StoreFixtures.day)
        }
        #expect(error.description == "survey 'safety' version 7 is not registered in \(database.path)")
        #expect(try database.contents().responses.isEmpty)
    }

    @Test func failedSaveStoresNothingAndKeepsAnswersOutOfTheMessage() throws {
        // Given a save that breaks a constraint after the response row is written (an empty site)
        let database = try StoreFixtures.database()
        let response = StoreFixtures.response(text: "a secret only the respondent knows")

        let error = try #require(throws: StoreError.self) {
            try database.save(response, channel: .kiosk, site: "", day: StoreFixtures.day)
        }

        // Then nothing of it is stored, and the message names no answer
        #expect(!error.description.contains("secret"))
        #expect(!error.description.contains("north"))
        #expect(try database.contents().responses.isEmpty)
    }

    @Test func readingADatabaseLeavesNothingBesideIt() throws {
        let path = try StoreFixtures.database().path
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["chorus.sqlite"])
        var reader: ChorusDatabase? = try ChorusDatabase(path: path, readOnly: true)
        #expect(try reader?.contents().surveys.count == 1)
        #expect(FileManager.default.fileExists(atPath: path + "-shm"), "SQLite reads a WAL database through it")
        reader = nil
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["chorus.sqlite"])
    }

    @Test func aReaderDoneWhileAWriterIsOpenLeavesTheWritersFilesAlone() throws {
        let path = try StoreFixtures.database().path
        var reader: ChorusDatabase? = try ChorusDatabase(path: path, readOnly: true)
        #expect(try reader?.contents().responses.isEmpty == true)
        let writer = try ChorusDatabase(path: path)
        try writer.save(StoreFixtures.response(), channel: .kiosk, site: nil, day: StoreFixtures.day)
        reader = nil
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(FileManager.default.fileExists(atPath: path + "-shm"))
        try writer.save(StoreFixtures.response(), channel: .kiosk, site: nil, day: StoreFixtures.day)
        #expect(try ChorusDatabase(path: path, readOnly: true).contents().responses.count == 2)
        #expect(try writer.contents().responses.count == 2)
    }

    @Test func readOnlyOpeningOfAMissingDatabaseCreatesNothing() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("missing.sqlite").path
        let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: path, readOnly: true) }
        #expect(error.kind == .notFound)
        #expect(error.description == "no database at \(path)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func creatingInAMissingFolderFails() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("no/such/chorus.sqlite").path
        let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: path) }
        #expect(error.kind == .cannotCreate)
        #expect(error.description == "cannot create database at \(path): no such file or directory")
    }

    @Test(arguments: [false, true])
    func fileThatIsNotAChorusDatabaseIsRefusedAndLeftAlone(readOnly: Bool) throws {
        let folder = try StoreFixtures.folder()
        let text = folder.appendingPathComponent("notes.txt").path
        try "meeting notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let other = folder.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE books (title TEXT)") }

        for path in [text, other] {
            let before = try StoreFixtures.bytes(path)
            let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: path, readOnly: readOnly) }
            #expect(error.kind == .notChorus)
            #expect(error.description == "\(path) is not a chorus database")
            #expect(try StoreFixtures.bytes(path) == before)
        }
    }

    @Test func databaseFromANewerChorusIsRefused() throws {
        let database = try StoreFixtures.database()
        try database.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: database.path) }
        #expect(
            error.description == "\(database.path) was written by a newer version of chorus; update chorus to use it")
    }

    @Test func directoryIsRefused() throws {
        let path = try StoreFixtures.folder().path
        let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: path) }
        #expect(error.kind == .cannotOpen)
        #expect(error.description == "cannot open database at \(path): is a directory")
    }
}
