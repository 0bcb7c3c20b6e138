import ChorusCore
import Foundation
import GRDB
import Testing

@testable import ChorusStore

/// Bringing a kiosk's database, carried on a USB stick, into the organizer's.
@Suite struct MergeTests {
    /// A kiosk database with `count` responses at one site.
    static func kiosk(responses count: Int, site: String = "Eastside Center") throws -> ChorusDatabase {
        let kiosk = try StoreFixtures.database(named: "kiosk.sqlite")
        for _ in 0..<count {
            try kiosk.save(StoreFixtures.response(), channel: .kiosk, site: site, day: StoreFixtures.day)
        }
        return try ChorusDatabase(path: kiosk.path, readOnly: true)
    }

    @Test func mergingTwiceAddsNothingTheSecondTime() throws {
        // Given an organizer's database with one response, and a kiosk's with three
        let organizer = try StoreFixtures.database()
        try organizer.save(StoreFixtures.response(), channel: .sms, site: nil, day: StoreFixtures.day)
        let kiosk = try Self.kiosk(responses: 3)

        // When it is merged twice
        let first = try organizer.merge(from: kiosk)
        let second = try organizer.merge(from: kiosk)

        // Then the first merge brings three responses with their answers and site, the second none
        #expect(first == MergeReport(addedResponses: 3, alreadyPresent: 0))
        #expect(second == MergeReport(addedResponses: 0, alreadyPresent: 3))
        let contents = try organizer.contents()
        #expect(contents.responses.count == 4)
        #expect(contents.sites == ["Eastside Center"])
        let kioskContents = try kiosk.contents()
        for response in kioskContents.responses {
            #expect(contents.responses.contains(response))
            #expect(contents.answers[response.id] == kioskContents.answers[response.id])
        }
    }

    @Test func mergeIntoAnEmptyDatabaseBringsTheSurvey() throws {
        let organizer = try ChorusDatabase(path: try StoreFixtures.folder().appendingPathComponent("new.sqlite").path)
        #expect(try organizer.merge(from: Self.kiosk(responses: 2)).addedResponses == 2)
        #expect(try organizer.contents().surveys.map(\.id) == ["safety"])
        #expect(try organizer.status().map(\.count) == [2])
    }

    @Test func kioskDatabaseIsNotChangedByMerging() throws {
        let kiosk = try Self.kiosk(responses: 2)
        let before = try StoreFixtures.bytes(kiosk.path)
        _ = try StoreFixtures.database().merge(from: kiosk)
        #expect(try StoreFixtures.bytes(kiosk.path) == before)
    }

    @Test func differingSurveyIsRefusedAndNothingIsMerged() throws {
        // Given a kiosk that ran a different file under the organizer's survey id and version
        let organizer = try StoreFixtures.database()
        try organizer.register(survey: StoreFixtures.survey(id: "other"), source: StoreFixtures.source(id: "other"))
        let folder = try StoreFixtures.folder()
        let writableKiosk = try ChorusDatabase(path: folder.appendingPathComponent("kiosk.sqlite").path)
        try writableKiosk.register(survey: StoreFixtures.survey(id: "other"), source: StoreFixtures.source(id: "other"))
        try writableKiosk.register(
            survey: StoreFixtures.survey(), source: StoreFixtures.source(extra: "<!-- edited -->"))
        try writableKiosk.save(
            StoreFixtures.response(), channel: .kiosk, site: "Eastside Center", day: StoreFixtures.day)
        let kiosk = try ChorusDatabase(path: writableKiosk.path, readOnly: true)
        let before = try organizer.contents()

        // When it is merged
        let error = try #require(throws: StoreError.self) { try organizer.merge(from: kiosk) }

        // Then the merge is refused with both hashes, and the organizer's database is unchanged
        let here = ChorusDatabase.contentHash(StoreFixtures.source())
        let there = ChorusDatabase.contentHash(StoreFixtures.source(extra: "<!-- edited -->"))
        #expect(error.kind == .conflict)
        #expect(
            error.description
                == "survey 'safety' version 1 in \(kiosk.path) differs from this database's "
                + "(content hash \(there), here \(here)); nothing was merged")
        let after = try organizer.contents()
        #expect(after.responses == before.responses && after.sites == before.sites)
        #expect(after.surveys.count == before.surveys.count)
    }

    @Test func newSurveyVersionFromAKioskIsAdded() throws {
        let organizer = try StoreFixtures.database()
        let writableKiosk = try ChorusDatabase(path: try StoreFixtures.folder().appendingPathComponent("k.sqlite").path)
        try writableKiosk.register(survey: StoreFixtures.survey(version: 2), source: StoreFixtures.source(version: 2))
        var response = StoreFixtures.response()
        response.surveyVersion = 2
        try writableKiosk.save(response, channel: .kiosk, site: nil, day: StoreFixtures.day)

        #expect(try organizer.merge(from: ChorusDatabase(path: writableKiosk.path, readOnly: true)).addedResponses == 1)
        #expect(try organizer.status().map(\.surveyVersion) == [2])
    }

    @Test func mergingADatabaseIntoItselfIsRefused() throws {
        let organizer = try StoreFixtures.database()
        let error = try #require(throws: StoreError.self) {
            try organizer.merge(from: ChorusDatabase(path: organizer.path, readOnly: true))
        }
        #expect(error.kind == .sameDatabase)
        #expect(error.description == "cannot merge \(organizer.path) into itself")
    }

    @Test func fileThatIsNotADatabaseCannotBeMerged() throws {
        let path = try StoreFixtures.folder().appendingPathComponent("photo.jpg").path
        try Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 4096)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try ChorusDatabase(path: path, readOnly: true) }
        #expect(error.kind == .notChorus)
        #expect(error.description == "\(path) is not a chorus database")
    }
}
