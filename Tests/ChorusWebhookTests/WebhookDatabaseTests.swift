import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChorusWebhook

/// The webhook on a real SQLite database, over real HTTP on 127.0.0.1.
@Suite struct WebhookDatabaseTests {
    static let english = "+15551230001"
    static let spanish = "+525512340002"

    @Test func twoSendersCompleteIntoTheDatabaseWhichHoldsNoNumber() async throws {
        let harness = try WebhookHarness()
        let path = harness.directory.appendingPathComponent("chorus.sqlite").path
        let database = try ChorusDatabase(path: path)
        try database.register(survey: WebhookSample.survey, source: Array("sample survey".utf8))
        let english = ["Hi", "yes", "4", "3 4", "2", "3", "7.5", "yes", "Fix the lights"]
        let spanish = ["Hola", "español", "sí", "1", "2 1", "1", "3", "2", "skip", "no", "Más luz"]
        try await harness.application(store: database).test(.live) { client in
            for index in 0..<max(english.count, spanish.count) {
                if index < english.count {
                    let response = try await client.twilio(from: Self.english, english[index], id: "SMdb\(index)")
                    #expect(response.status == .ok)
                }
                if index < spanish.count {
                    let response = try await client.json(from: Self.spanish, spanish[index], id: "db-\(index)")
                    #expect(response.status == .ok)
                }
            }
            // A retry of the last message gets the same thanks and saves nothing more.
            let retry = try await client.json(from: Self.spanish, "Más luz", id: "db-10")
            #expect(String(buffer: retry.body).contains("Gracias por compartir"))
            let again = try await client.twilio(from: Self.english, "hello", id: "SMdb-again")
            #expect(again.twimlMessages == ["You've already answered this survey. Thank you!"])
        }
        let counts = try database.status(surveyID: "safety-priorities")
        #expect(counts.map(\.count) == [2])
        #expect(counts.first?.channel == .sms)
        #expect(try database.isOptedOut(sender: harness.key.pseudonym(forE164: Self.english)) == false)

        // No form of either number is in the database or its log.
        for file in [path, path + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            let text = String(decoding: bytes, as: UTF8.self)
            for number in [Self.english, Self.spanish] {
                #expect(!text.contains(number.dropFirst()), "\(file)")
                #expect(!text.contains(number.suffix(7)), "\(file)")
            }
        }
    }

    @Test func aSurveyChosenFromAListSentInSpanishStartsInSpanishAfterARestart() async throws {
        let harness = try WebhookHarness(surveys: [WebhookSample.survey, WebhookSample.parks])
        let path = harness.directory.appendingPathComponent("chorus.sqlite").path
        let database = try ChorusDatabase(path: path)
        try database.register(survey: WebhookSample.survey, source: Array("sample survey".utf8))
        try database.register(survey: WebhookSample.parks, source: Array("parks survey".utf8))
        try await harness.application(store: database).test(.live) { client in
            let list = try await client.twilio(from: Self.spanish, "Hola", id: "SMmenu1")
            #expect(
                list.twimlMessages == [
                    "Responda SAFE para: Seguridad del barrio\nResponda PARKS para: Nuestros parques"
                ])
        }
        // A server started again reads the list's language from the database.
        try await harness.application(store: ChorusDatabase(path: path)).test(.live) { client in
            let consent = try await client.twilio(from: Self.spanish, "PARKS", id: "SMmenu2")
            #expect(consent.twimlText.hasPrefix("Nuestros parques\nAnónima."))
        }
        #expect(try database.menuLanguage(sender: harness.key.pseudonym(forE164: Self.spanish)) == nil)
    }
}
