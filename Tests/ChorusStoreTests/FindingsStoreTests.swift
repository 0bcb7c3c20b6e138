import ChorusCore
import Testing

@testable import ChorusStore

/// The findings side of the store: the one-pass scan and the ledger of releases, on real files.
@Suite struct FindingsStoreTests {
    /// Writes down what the scan reports, as text, so a test can compare it.
    struct Recorder: ResponseScanVisitor {
        var events: [String] = []

        mutating func beginResponse(channel: Channel, site: Int?, language: Int?, month: Int) {
            events.append(
                "response \(channel) site \(site.map(String.init) ?? "-") language \(language.map(String.init) ?? "-") month \(month)"
            )
        }

        mutating func visit(_ answer: ScannedAnswer) {
            let bytes = String(decoding: answer.bytes, as: UTF8.self)
            events.append("  \(answer.question) \(answer.kind) \(answer.number) \(bytes)")
        }
    }

    @Test func scanVisitsEachResponseOnceWithItsAnswersAndNothingElse() throws {
        let database = try StoreFixtures.database()
        try database.register(survey: StoreFixtures.survey(id: "other"), source: StoreFixtures.source(id: "other"))
        try database.save(StoreFixtures.response(), channel: .kiosk, site: "Library", day: Day("2026-11-21")!)
        let spanish = Response(
            surveyID: "safety", surveyVersion: 1, language: "es", answers: ["concerns": .choices(["noise"])])
        try database.save(spanish, channel: .sms, site: nil, day: Day("2026-10-02")!)
        let empty = Response(surveyID: "safety", surveyVersion: 1, language: "fr", answers: [:])
        try database.save(empty, channel: .kiosk, site: "Annex", day: Day("2026-11-30")!)
        let other = Response(surveyID: "other", surveyVersion: 1, language: "en", answers: ["area": .choice("north")])
        try database.save(other, channel: .kiosk, site: "Library", day: Day("2026-11-21")!)

        var recorder = Recorder()
        var progress: [Int] = []
        try database.scanResponses(
            surveyID: "safety", version: 1, questionIDs: ["area", "concerns", "safe-night", "join-meeting"],
            sites: try database.siteNames(), languages: ["en", "es"], into: &recorder, progress: { progress.append($0) }
        )

        #expect(try database.siteNames() == ["Annex", "Library"])
        #expect(try database.responseCount(surveyID: "safety", version: 1) == 3)
        #expect(progress == [3])
        // Responses come in id order, which is random, so compare them as a set of blocks.
        var blocks: [[String]] = []
        for event in recorder.events {
            if event.hasPrefix("response") { blocks.append([event]) } else { blocks[blocks.count - 1].append(event) }
        }
        let november = 2026 * 12 + 10
        #expect(
            Set(blocks.map { [$0[0]] + $0.dropFirst().sorted() }) == [
                [
                    "response kiosk site 1 language 0 month \(november)", "  0 choice 0.0 north",
                    #"  1 choices 0.0 ["traffic","lighting"]"#, "  2 number 2.0 ", "  3 yesNo 0.0 ",
                ],
                ["response sms site - language 1 month \(november - 1)", #"  1 choices 0.0 ["noise"]"#],
                ["response kiosk site 0 language - month \(november)"],
            ])
    }

    static func ledger(_ value: Int?, month: String = "2026-11") -> ReleaseLedger {
        ReleaseLedger(
            surveyID: "safety", surveyVersion: 1, sequence: 0, month: month, threshold: 11, reason: nil,
            counts: [LedgerCount(key: "n", value: 40), LedgerCount(key: "q.area=north", value: value)],
            relations: [
                LedgerRelation(
                    isEquality: true,
                    terms: [LedgerTerm(key: "n", coefficient: 1), LedgerTerm(key: "q.area=north", coefficient: -1)])
            ])
    }

    @Test func releasesAreRecordedInOrderWithWithheldCountsAsNothing() throws {
        let database = try StoreFixtures.database()

        #expect(try database.record(Self.ledger(nil)))
        #expect(try database.record(Self.ledger(40, month: "2026-12")))

        let ledgers = try database.releaseLedgers(surveyID: "safety", version: 1)
        #expect(ledgers.map(\.sequence) == [1, 2])
        #expect(ledgers.map(\.month) == ["2026-11", "2026-12"])
        #expect(ledgers[0].counts == Self.ledger(nil).counts)
        #expect(ledgers[1].counts[1].value == 40)
        #expect(ledgers[0].relations == Self.ledger(nil).relations)
        #expect(try database.releaseLedgers(surveyID: "safety", version: 2).isEmpty)
    }

    @Test func recordingTheSameReleaseAgainAddsNothing() throws {
        let database = try StoreFixtures.database()
        #expect(try database.record(Self.ledger(40)))
        #expect(try !database.record(Self.ledger(40)))
        #expect(try database.releaseLedgers(surveyID: "safety", version: 1).count == 1)
    }

    @Test func aReleaseOfAnUnregisteredSurveyIsRefused() throws {
        let database = try StoreFixtures.database()
        var ledger = Self.ledger(40)
        ledger.surveyID = "unknown"
        #expect(throws: StoreError.self) { try database.record(ledger) }
        #expect(try database.releaseLedgers(surveyID: "unknown", version: 1).isEmpty)
    }
}
