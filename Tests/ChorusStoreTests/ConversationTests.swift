import ChorusCore
import Foundation
import GRDB
import Testing

@testable import ChorusStore

/// The text-message channel's state: conversations, completions, opt-outs and idempotent
/// messages, on real SQLite files.
@Suite struct ConversationTests {
    static let key = SenderKey(bytes: Array(repeating: 7, count: 32))
    static let sender = key.pseudonym(forE164: "+15550102030")
    static let other = key.pseudonym(forE164: "+15550109999")
    static let engine = InterviewEngine(survey: StoreFixtures.survey(), today: 20_000)
    static let started = engine.start(language: "es")
    static let agreed = engine.agree(started)

    /// A message from `sender` about the sample survey that keeps `interview`.
    static func change(
        _ messageID: String,
        sender: String = Self.sender,
        reply: String = "1. Norte 2. Sur",
        interview: Interview? = Self.agreed,
        completed: (Response, day: Day)? = nil,
        optOut: Bool? = nil,
        expiresHour: String = "2026-11-24T10",
        menuLanguage: String? = nil,
        forgetsMenu: Bool = false
    ) -> SMSChange {
        SMSChange(
            gateway: "twilio", messageID: messageID, sender: sender, surveyID: "safety", reply: reply,
            interview: interview, completed: completed, optOut: optOut, expiresHour: expiresHour,
            menuLanguage: menuLanguage, forgetsMenu: forgetsMenu)
    }

    static func count(_ table: String, in database: ChorusDatabase) throws -> Int {
        try database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    @Test func conversationIsKeptUntilAMessageDeletesIt() throws {
        let database = try StoreFixtures.database()
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == nil)

        try database.applySMS(Self.change("SM1", interview: Self.started))
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.started)
        try database.applySMS(Self.change("SM2"))
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.agreed)
        #expect(try database.conversation(sender: Self.other, surveyID: "safety") == nil)
        #expect(try database.conversation(sender: Self.sender, surveyID: "other") == nil)

        try database.applySMS(Self.change("SM3", interview: nil))
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == nil)
    }

    @Test func theSendersAreThoseWithAConversationACompletionAnOptOutOrAMenu() throws {
        let database = try StoreFixtures.database()
        let (third, fourth) = (Self.key.pseudonym(forE164: "+15550103333"), Self.key.pseudonym(forE164: "+15550104444"))
        let fifth = Self.key.pseudonym(forE164: "+15550105555")
        #expect(try database.smsSenders().isEmpty)
        let response = StoreFixtures.response(language: "es")
        try database.applySMS(Self.change("SM1"))
        try database.applySMS(Self.change("SM2", sender: Self.other, completed: (response, day: StoreFixtures.day)))
        try database.applySMS(Self.change("SM3", sender: third, optOut: true))
        // A sender who declined has only the reply to their message, which names no sender.
        try database.applySMS(Self.change("SM4", sender: fourth, interview: nil))
        try database.applySMS(Self.change("SM5", sender: fifth, interview: nil, menuLanguage: "es"))
        #expect(try Set(database.smsSenders()) == [Self.sender, Self.other, third, fifth])
    }

    @Test func retriedMessageGetsTheSameReplyAndChangesNothing() throws {
        // Given a message processed once
        let database = try StoreFixtures.database()
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "SM1") == nil)
        try database.applySMS(Self.change("SM1", reply: "¿Acepta?", interview: Self.started))

        // Then its reply is there for a retry
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "SM1") == "¿Acepta?")

        // And applying it again, as a concurrent duplicate would, changes nothing
        let error = try #require(throws: StoreError.self) {
            try database.applySMS(Self.change("SM1", reply: "other", interview: Self.agreed, optOut: true))
        }
        #expect(error.kind == .conflict)
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "SM1") == "¿Acepta?")
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.started)
        #expect(try !database.isOptedOut(sender: Self.sender))

        // Message ids are the gateway's own, so another gateway's "SM1" is a new message
        #expect(try database.processedReply(gateway: "telnyx", sender: Self.sender, messageID: "SM1") == nil)
    }

    @Test func theSameMessageIdFromAnotherSenderIsAnotherMessage() throws {
        // Given a relay that numbers its own messages, and so gives two senders the same id
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("7", reply: "¿Acepta?", interview: Self.started))

        // When the other sender's message with that id is stored
        try database.applySMS(Self.change("7", sender: Self.other, reply: "Which area?"))

        // Then each has their own reply and conversation
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "7") == "¿Acepta?")
        #expect(try database.processedReply(gateway: "twilio", sender: Self.other, messageID: "7") == "Which area?")
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.started)
        #expect(try database.conversation(sender: Self.other, surveyID: "safety") == Self.agreed)
    }

    @Test func messageIdIsStoredOnlyAsItsHash() throws {
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM0123456789abcdef0123456789abcdef"))
        try database.writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        let text = String(decoding: try StoreFixtures.bytes(database.path), as: UTF8.self)
        #expect(!text.contains("SM0123456789abcdef"))
        #expect(text.contains(ChorusDatabase.messageHash("SM0123456789abcdef0123456789abcdef", sender: Self.sender)))
    }

    @Test func completionSavesTheResponseAndEndsTheConversation() throws {
        // Given a conversation in progress
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1"))
        #expect(try !database.hasCompleted(sender: Self.sender, surveyID: "safety"))

        // When its last message completes it
        let response = StoreFixtures.response(language: "es")
        try database.applySMS(Self.change("SM2", reply: "¡Gracias!", completed: (response, day: StoreFixtures.day)))

        // Then the response is saved as a text message's, the sender is marked done and the conversation is gone
        let contents = try database.contents()
        let stored = try #require(contents.responses.first)
        #expect(contents.responses.count == 1)
        #expect(stored.channel == "sms" && stored.site == nil && stored.day == "2026-11-21" && stored.language == "es")
        let answers = Dictionary(
            uniqueKeysWithValues: (contents.answers[stored.id] ?? []).map { ($0.questionID, $0.answer) })
        #expect(answers == response.answers)
        #expect(try database.hasCompleted(sender: Self.sender, surveyID: "safety"))
        #expect(try !database.hasCompleted(sender: Self.sender, surveyID: "other"))
        #expect(try !database.hasCompleted(sender: Self.other, surveyID: "safety"))
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == nil)
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "SM2") == "¡Gracias!")

        // And nothing links the sender to the response
        let columns = try database.writer.read { try $0.columns(in: "sms_completed").map(\.name) }
        #expect(columns == ["sender", "survey_id", "survey_version"])
    }

    @Test func changesAppliedTogetherAreEachAllOrNothing() throws {
        // Given a conversation in progress
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1", interview: Self.started))
        let third = Self.key.pseudonym(forE164: "+15550107777")

        // When three changes are applied in one transaction, the second failing halfway, after its
        // message is recorded but before its response of an unregistered version can be
        let unregistered = StoreFixtures.response()
        var wrongVersion = unregistered
        wrongVersion.surveyVersion = 9
        let outcomes = try database.applySMS([
            Self.change("SM2"),
            Self.change("SM3", sender: Self.other, completed: (wrongVersion, day: StoreFixtures.day)),
            Self.change("SM4", sender: third, interview: Self.started, optOut: true),
        ])

        // Then the failing one changed nothing and the others are all there
        #expect(outcomes.map { (try? $0.get()) != nil } == [true, false, true])
        let error = try #require(throws: StoreError.self) { try outcomes[1].get() }
        #expect(error.description.contains("version 9"))
        #expect(try database.processedReply(gateway: "twilio", sender: Self.other, messageID: "SM3") == nil)
        #expect(try database.contents().responses.isEmpty)
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.agreed)
        #expect(try database.processedReply(gateway: "twilio", sender: third, messageID: "SM4") != nil)
        #expect(try database.isOptedOut(sender: third))
    }

    @Test func aSnapshotHoldsWhatAMessageNeedsToKnow() throws {
        let database = try StoreFixtures.database()
        let surveys = [StoreFixtures.survey(), StoreFixtures.survey(id: "other")]
        try database.register(survey: surveys[1], source: StoreFixtures.source(id: "other"))
        #expect(
            try database.smsSnapshot(gateway: "twilio", messageID: "SM1", sender: Self.sender, surveys: surveys)
                == SMSSnapshot())

        try database.applySMS(Self.change("SM1", reply: "¿Acepta?"))
        try database.applySMS(
            Self.change("SM2", sender: Self.other, completed: (StoreFixtures.response(), StoreFixtures.day)))
        // A processed message needs only its reply
        #expect(
            try database.smsSnapshot(gateway: "twilio", messageID: "SM1", sender: Self.sender, surveys: surveys)
                == SMSSnapshot(processedReply: "¿Acepta?"))
        #expect(
            try database.smsSnapshot(gateway: "twilio", messageID: "SM3", sender: Self.sender, surveys: surveys)
                == SMSSnapshot(conversations: ["safety": Self.agreed]))
        #expect(
            try database.smsSnapshot(gateway: "twilio", messageID: "SM3", sender: Self.other, surveys: surveys)
                == SMSSnapshot(completed: ["safety"]))
        // Completing another version of the survey counts too: a number answers a survey once.
        #expect(
            try database.smsSnapshot(
                gateway: "twilio", messageID: "SM3", sender: Self.other, surveys: [StoreFixtures.survey(version: 2)]
            ) == SMSSnapshot(completed: ["safety"]))
        #expect(throws: StoreError.notPseudonym) {
            try database.smsSnapshot(gateway: "twilio", messageID: "SM3", sender: "+15550102030", surveys: surveys)
        }
    }

    @Test func aSnapshotKeptInMemoryFollowsTheChangesAsTheDatabaseDoes() throws {
        let database = try StoreFixtures.database()
        let surveys = [StoreFixtures.survey(), StoreFixtures.survey(id: "other")]
        try database.register(survey: surveys[1], source: StoreFixtures.source(id: "other"))
        var other = Self.change("SM2", interview: Self.started)
        other.surveyID = "other"
        // Set after the change was made, the interview is still the one stored.
        var replaced = Self.change("SM3", interview: Self.started)
        replaced.interview = Self.agreed
        // Another survey named at the first one's consent: that one's conversation goes.
        var abandoning = Self.change("SM3a", interview: Self.started)
        abandoning.abandonedSurveyID = "other"
        let changes = [
            Self.change("SM0", interview: nil, menuLanguage: "es"),
            Self.change("SM1", interview: Self.started, forgetsMenu: true), other, replaced, abandoning,
            Self.change("SM2a", interview: Self.agreed, menuLanguage: "en"),
            Self.change("SM4", interview: nil, optOut: true),
            Self.change("SM5", interview: Self.started, optOut: false),
            Self.change("SM6", completed: (StoreFixtures.response(), StoreFixtures.day)),
            Self.change("SM7", interview: nil),
        ]
        var kept = SMSSnapshot()
        for (index, change) in changes.enumerated() {
            try database.applySMS(change)
            kept = kept.applying(change)
            let read = try database.smsSnapshot(
                gateway: "twilio", messageID: "next-\(index)", sender: Self.sender, surveys: surveys)
            #expect(kept == read, "after \(change.messageID)")
        }
        #expect(kept == SMSSnapshot(completed: ["safety"]))
    }

    @Test func aMenusLanguageIsKeptForTheNextMessageOnly() throws {
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1", interview: nil, menuLanguage: "es"))
        #expect(try database.menuLanguage(sender: Self.sender) == "es")
        #expect(try database.menuLanguage(sender: Self.other) == nil)
        // The menu sent again, in another language
        try database.applySMS(Self.change("SM2", interview: nil, menuLanguage: "en"))
        #expect(try database.menuLanguage(sender: Self.sender) == "en")
        // A change that does not say to forget it keeps it: the webhook says so whenever it had one.
        try database.applySMS(Self.change("SM3", interview: Self.started))
        #expect(try database.menuLanguage(sender: Self.sender) == "en")
        try database.applySMS(Self.change("SM4", interview: Self.started, forgetsMenu: true))
        #expect(try database.menuLanguage(sender: Self.sender) == nil)
        #expect(try Self.count("sms_menus", in: database) == 0)
        // An opt-out forgets it as it forgets conversations.
        try database.applySMS(Self.change("SM5", interview: nil, menuLanguage: "es"))
        try database.applySMS(Self.change("SM6", interview: nil, optOut: true))
        #expect(try Self.count("sms_menus", in: database) == 0)
        #expect(throws: StoreError.notPseudonym) { try database.menuLanguage(sender: "+15550102030") }
    }

    @Test func aNumberCompletesASurveyOnceWhateverItsVersion() throws {
        let database = try StoreFixtures.database()
        try database.register(survey: StoreFixtures.survey(version: 2), source: StoreFixtures.source(version: 2))
        let completed = (StoreFixtures.response(), day: StoreFixtures.day)
        try database.applySMS(Self.change("SM1", completed: completed))
        var laterVersion = StoreFixtures.response()
        laterVersion.surveyVersion = 2

        for (messageID, response) in [("SM2", completed.0), ("SM2b", laterVersion)] {
            let error = try #require(throws: StoreError.self) {
                try database.applySMS(
                    Self.change(messageID, reply: "¡Gracias!", completed: (response, StoreFixtures.day)))
            }
            #expect(error.kind == .conflict)
            #expect(error.description == "survey 'safety' already has a response from this sender in \(database.path)")
            #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: messageID) == nil)
        }
        #expect(try database.contents().responses.count == 1)
        // Another number may still answer.
        try database.applySMS(Self.change("SM3", sender: Self.other, completed: completed))
        #expect(try database.contents().responses.count == 2)
    }

    @Test func failedChangeLeavesEverythingAsItWas() throws {
        // Given a conversation in progress
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1", interview: Self.started))

        // When a message completes it against a survey version that is not registered
        var response = StoreFixtures.response(text: "a secret only the respondent knows")
        response.surveyVersion = 9
        let error = try #require(throws: StoreError.self) {
            try database.applySMS(Self.change("SM2", completed: (response, day: StoreFixtures.day), optOut: true))
        }

        // Then nothing of the message is stored: no reply, the conversation unchanged, no opt-out,
        // no completion, no response
        #expect(error.description == "survey 'safety' version 9 is not registered in \(database.path)")
        #expect(try database.processedReply(gateway: "twilio", sender: Self.sender, messageID: "SM2") == nil)
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.started)
        #expect(try !database.isOptedOut(sender: Self.sender))
        #expect(try Self.count("sms_completed", in: database) == 0)
        #expect(try Self.count("responses", in: database) == 0)
        #expect(try Self.count("answers", in: database) == 0)
    }

    @Test func optOutRoundTripDropsEveryConversationOfTheSender() throws {
        // Given conversations with two surveys and another sender's
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1"))
        try database.applySMS(
            SMSChange(
                gateway: "twilio", messageID: "SM2", sender: Self.sender, surveyID: "other", reply: "",
                interview: Self.started, expiresHour: "2026-11-24T10"))
        try database.applySMS(Self.change("SM3", sender: Self.other))

        // When the sender texts STOP
        try database.applySMS(Self.change("SM4", reply: "No more messages.", optOut: true))

        // Then they are opted out and their unfinished answers are gone, the other sender's kept
        #expect(try database.isOptedOut(sender: Self.sender))
        #expect(try !database.isOptedOut(sender: Self.other))
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == nil)
        #expect(try database.conversation(sender: Self.sender, surveyID: "other") == nil)
        #expect(try database.conversation(sender: Self.other, surveyID: "safety") == Self.agreed)

        // And STOP again is harmless, START opts back in
        try database.applySMS(Self.change("SM5", interview: nil, optOut: true))
        #expect(try database.isOptedOut(sender: Self.sender))
        try database.applySMS(Self.change("SM6", interview: nil, optOut: false))
        #expect(try !database.isOptedOut(sender: Self.sender))
    }

    @Test func expiredConversationsAndMessageRecordsAreDeleted() throws {
        // Given conversations and messages expiring at 09, 10 and 11 o'clock
        let database = try StoreFixtures.database()
        let senders = ["+15550100009", "+15550100010", "+15550100011"].map(Self.key.pseudonym(forE164:))
        for (index, (sender, hour)) in zip(senders, ["09", "10", "11"]).enumerated() {
            try database.applySMS(Self.change("SM\(index)", sender: sender, expiresHour: "2026-11-24T\(hour)"))
        }
        // and a menu's language expiring at 10
        let menu = Self.key.pseudonym(forE164: "+15550100100")
        try database.applySMS(
            Self.change("SM9", sender: menu, interview: nil, expiresHour: "2026-11-24T10", menuLanguage: "es"))

        // When what expires before 11 o'clock is deleted
        #expect(try database.deleteExpired(beforeHour: "2026-11-24T11") == 6)
        #expect(try database.menuLanguage(sender: menu) == nil)

        // Then only the 11 o'clock conversation and message remain
        #expect(try database.conversation(sender: senders[0], surveyID: "safety") == nil)
        #expect(try database.conversation(sender: senders[1], surveyID: "safety") == nil)
        #expect(try database.conversation(sender: senders[2], surveyID: "safety") == Self.agreed)
        #expect(try database.processedReply(gateway: "twilio", sender: senders[1], messageID: "SM1") == nil)
        #expect(try database.processedReply(gateway: "twilio", sender: senders[2], messageID: "SM2") != nil)
        #expect(try database.deleteExpired(beforeHour: "2026-11-24T11") == 0)
        #expect(try database.deleteExpired(beforeHour: "2026-12-01T00") == 2)
    }

    @Test(arguments: ["9", "2026-11-24", "2026-11-24T24", "2026-11-24T1", "2026-11-24T+1", "2026-13-01T00", ""])
    func malformedHourIsRefusedRatherThanExpiringEverything(hour: String) throws {
        let database = try StoreFixtures.database()
        try database.applySMS(Self.change("SM1"))

        #expect(throws: StoreError.notHour) { try database.deleteExpired(beforeHour: hour) }
        #expect(throws: StoreError.notHour) { try database.applySMS(Self.change("SM2", expiresHour: hour)) }
        #expect(try database.conversation(sender: Self.sender, surveyID: "safety") == Self.agreed)
    }

    @Test func hourIsTakenInTheGivenTimeZone() throws {
        // 2026-11-21T23:30:00Z
        let date = Date(timeIntervalSince1970: 1_795_303_800)
        #expect(ChorusDatabase.hour(date, in: .gmt) == "2026-11-21T23")
        #expect(ChorusDatabase.hour(date, in: try #require(TimeZone(identifier: "Europe/Madrid"))) == "2026-11-22T00")
        #expect(
            ChorusDatabase.hour(date, in: try #require(TimeZone(identifier: "America/Los_Angeles"))) == "2026-11-21T15")
        #expect(ChorusDatabase.hour(date.addingTimeInterval(-23 * 3600), in: .gmt) == "2026-11-21T00")
        #expect(ChorusDatabase.isHour(ChorusDatabase.hour(date, in: .gmt)))
    }

    @Test func phoneNumbersAreRefusedWhereAPseudonymBelongs() throws {
        let database = try StoreFixtures.database()
        let number = "+15550102030"
        let calls: [() throws -> Void] = [
            { _ = try database.conversation(sender: number, surveyID: "safety") },
            { _ = try database.isOptedOut(sender: number) },
            { _ = try database.hasCompleted(sender: number, surveyID: "safety") },
            { try database.applySMS(Self.change("SM1", sender: number)) },
            { try database.applySMS(Self.change("SM1", sender: Self.sender.uppercased())) },
        ]
        for call in calls {
            let error = try #require(throws: StoreError.self) { try call() }
            #expect(error == .notPseudonym)
            #expect(!error.description.contains("555"))
        }
        // The schema refuses one too, whatever code writes it.
        #expect(throws: DatabaseError.self) {
            try database.writer.write {
                try $0.execute(sql: "INSERT INTO sms_opt_outs VALUES (?)", arguments: [number])
            }
        }
    }

    @Test func theNumberIsNowhereInTheDatabaseFolder() throws {
        // Given a database in a folder of its own and a key kept elsewhere
        let folder = try StoreFixtures.folder()
        let database = try ChorusDatabase(path: folder.appendingPathComponent("chorus.sqlite").path)
        try database.register(survey: StoreFixtures.survey(), source: StoreFixtures.source())
        let key = try SenderKey.loadOrCreate(at: try StoreFixtures.folder().appendingPathComponent("sender.key").path)
        let sender = key.pseudonym(forE164: "+1 (555) 010-2030")

        // When that number holds a conversation, completes the survey and opts out, with the
        // write-ahead log not yet emptied
        try database.applySMS(Self.change("SM1", sender: sender, interview: Self.started))
        try database.applySMS(Self.change("SM2", sender: sender))
        try database.applySMS(
            Self.change("SM3", sender: sender, completed: (StoreFixtures.response(), day: StoreFixtures.day)))
        try database.applySMS(Self.change("SM4", sender: sender, interview: Self.started))
        try database.applySMS(Self.change("SM5", sender: sender, interview: nil, optOut: true))

        // Then no file in the folder (database, -wal, -shm) holds its digits
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(files).isSuperset(of: ["chorus.sqlite", "chorus.sqlite-wal"]))
        #expect(try !StoreFixtures.bytes(folder.appendingPathComponent("chorus.sqlite-wal").path).isEmpty)
        let digits = "5550102030"
        let needles = [Array(digits.utf8), Array(digits.utf16).flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }]
        var holdsPseudonym = false
        for file in files {
            let bytes = try StoreFixtures.bytes(folder.appendingPathComponent(file).path)
            for needle in needles { #expect(!contains(bytes, needle), "\(file) holds the number") }
            holdsPseudonym = holdsPseudonym || contains(bytes, Array(sender.utf8))
        }
        // The scan does find what is stored: the pseudonym.
        #expect(holdsPseudonym)
        #expect(try database.isOptedOut(sender: sender))
    }

    @Test func olderDatabaseIsReadAsIsAndMigratedWhenOpenedForWriting() throws {
        // Given a database with the "v1" schema only and a response, as an older kiosk leaves it
        let path = try StoreFixtures.folder().appendingPathComponent("kiosk.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try SurveyRecord(
                id: "safety", version: 1, contentHash: ChorusDatabase.contentHash(StoreFixtures.source()),
                source: String(decoding: StoreFixtures.source(), as: UTF8.self)
            ).insert(db)
            try ResponseRecord(
                id: ResponseRecord.randomID(), surveyID: "safety", surveyVersion: 1, channel: "kiosk", site: nil,
                language: "en", day: "2026-11-21"
            ).insert(db)
        }
        try queue.close()

        // Then it can be read and merged without being changed
        let before = try StoreFixtures.bytes(path)
        let readOnly = try ChorusDatabase(path: path, readOnly: true)
        #expect(try readOnly.status().map(\.count) == [1])
        let target = try StoreFixtures.database()
        #expect(try target.merge(from: readOnly).addedResponses == 1)
        #expect(try StoreFixtures.bytes(path) == before)

        // And opening it for writing adds the later migrations and keeps the response
        let database = try ChorusDatabase(path: path)
        #expect(try database.writer.read { try Schema.migrator.appliedMigrations($0) } == Schema.migrator.migrations)
        #expect(try database.status().map(\.count) == [1])
        #expect(try !database.isOptedOut(sender: Self.sender))
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains {
            haystack[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
