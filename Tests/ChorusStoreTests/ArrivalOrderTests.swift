import ChorusCore
import Foundation
import GRDB
import Testing

@testable import ChorusStore

/// Privacy rule 2: no exact time is stored with a response, and row order does not reveal
/// arrival order, neither in query results nor in the bytes of the files.
@Suite struct ArrivalOrderTests {
    /// Ids written in descending order, so that insertion order and id order are opposite.
    static let descendingIDs = (0..<50).map { String(format: "%032x", 50 - $0) }

    @Test func filesHoldNoTimeOfDay() throws {
        // Given a day's worth of responses saved as a kiosk saves them
        let database = try StoreFixtures.database()
        for index in 0..<30 {
            let response = StoreFixtures.response(language: index.isMultiple(of: 2) ? "en" : "es")
            try database.save(response, channel: .kiosk, site: "Central Library", day: StoreFixtures.day)
        }

        // Then neither the database nor its WAL contains a time of day or a timestamp
        let now = String(Int(Date().timeIntervalSince1970))
        let patterns = [
            try Regex(#"[0-2][0-9]:[0-5][0-9]"#),
            try Regex(#"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]"#),
            try Regex(String(now.prefix(7))),
        ]
        for file in [database.path, database.path + "-wal"] {
            let text = String(decoding: try StoreFixtures.bytes(file), as: UTF8.self)
            for pattern in patterns { #expect(!text.contains(pattern), "\(file)") }
        }
        #expect(text(of: database).contains("2026-11-21"))
    }

    @Test func rowsComeBackInIdOrderNotInsertionOrder() throws {
        // Given 50 responses inserted with ids in descending order
        let database = try StoreFixtures.database()
        for id in Self.descendingIDs {
            try database.save(StoreFixtures.response(), id: id, channel: .kiosk, site: nil, day: StoreFixtures.day)
        }

        // Then a query with no ORDER BY returns them by id, the reverse of how they came
        let stored = try database.writer.read { try String.fetchAll($0, sql: "SELECT id FROM responses") }
        #expect(stored == Self.descendingIDs.sorted())
        #expect(stored != Self.descendingIDs)
    }

    @Test func randomIdsScatterArrivals() throws {
        // Given 50 responses saved one after another with fresh random ids
        let database = try StoreFixtures.database()
        let ids = (0..<50).map { _ in ResponseRecord.randomID() }
        for id in ids {
            try database.save(StoreFixtures.response(), id: id, channel: .sms, site: nil, day: StoreFixtures.day)
        }

        // Then the stored order is the order of the random ids, not of arrival
        let stored = try database.writer.read { try String.fetchAll($0, sql: "SELECT id FROM responses") }
        #expect(stored == ids.sorted())
        #expect(stored != ids)
        #expect(Set(ids).count == 50)
    }

    @Test func fileBytesAreTheSameWhateverTheArrivalOrder() throws {
        // Given the same 50 responses saved in opposite orders into two databases
        let first = try StoreFixtures.database()
        let second = try StoreFixtures.database()
        for (database, ids) in [(first, Self.descendingIDs), (second, Self.descendingIDs.reversed())] {
            for id in ids {
                try database.save(StoreFixtures.response(), id: id, channel: .kiosk, site: nil, day: StoreFixtures.day)
            }
        }
        // Without erasing, the cells in each page sit in the order they were written
        try first.writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        try second.writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }
        #expect(try StoreFixtures.bytes(first.path) != StoreFixtures.bytes(second.path))

        // When the arrival order is erased, as after every kiosk save
        try first.eraseArrivalOrder()
        try second.eraseArrivalOrder()

        // Then the two files are byte for byte the same, so they cannot tell the orders apart
        #expect(try StoreFixtures.bytes(first.path) == StoreFixtures.bytes(second.path))
    }

    @Test func kioskSaveLeavesTheWriteAheadLogEmpty() throws {
        let database = try StoreFixtures.database()
        try database.save(StoreFixtures.response(), channel: .kiosk, site: nil, day: StoreFixtures.day)
        #expect(try StoreFixtures.bytes(database.path + "-wal").isEmpty)

        // A batching channel leaves it to its schedule.
        try database.save(
            StoreFixtures.response(), channel: .sms, site: nil, day: StoreFixtures.day, erasingArrivalOrder: false)
        #expect(try !StoreFixtures.bytes(database.path + "-wal").isEmpty)
    }

    @Test func deletedDataIsZeroed() throws {
        // Given a response whose free text is then deleted
        let database = try StoreFixtures.database()
        let marker = "ZZQQ-unique-free-text-marker"
        try database.save(
            StoreFixtures.response(text: marker), channel: .kiosk, site: nil, day: StoreFixtures.day,
            erasingArrivalOrder: false)
        try database.writer.write { try $0.execute(sql: "DELETE FROM responses") }
        try database.writer.writeWithoutTransaction { _ = try $0.checkpoint(.truncate) }

        // Then its text is gone from the file, not left in a free page
        #expect(!text(of: database).contains(marker))
    }

    private func text(of database: ChorusDatabase) -> String {
        String(decoding: (try? StoreFixtures.bytes(database.path)) ?? [], as: UTF8.self)
    }
}
