import ChorusCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ChorusWebhook

/// A real server on 127.0.0.1, with real HTTP requests.
@Suite struct WebhookLiveTests {
    static let english = "+15551230001"
    static let spanish = "+525512340002"

    @Test func twoSendersInterleavedCompleteTheSurveyOneInSpanish() async throws {
        let harness = try WebhookHarness()
        let english = ["Hi", "yes", "1", "1,2", "2", "speed bumps, lights", "3", "7.5", "yes", "More lights"]
        let spanish = ["Hola", "español", "SÍ", "2.", "3 2", "4", "2", "0,5", "no", "Más luces"]
        try await harness.application().test(.live) { client in
            var last: (String, String) = ("", "")
            for (index, (mine, theirs)) in zip(english, spanish).enumerated() {
                let one = try await client.twilio(from: Self.english, mine, id: "SMen\(index)")
                let two = try await client.json(from: Self.spanish, theirs, id: "es-\(index)")
                #expect(one.status == .ok)
                #expect(two.status == .ok)
                let decoded = try JSONDecoder().decode(
                    [String: [String]].self, from: Data(String(buffer: two.body).utf8))
                last = (one.twimlText, decoded["messages"]?.joined(separator: "\n") ?? "")
                if index == 3 {
                    #expect(last.0.contains("How safe do you feel at night?"))
                    #expect(last.1.contains("¿Qué le preocupa más?"))
                }
            }
            #expect(last.0.hasPrefix("Thank you for sharing."))
            #expect(last.1.hasPrefix("Gracias por compartir."))
        }
        let responses = harness.store.responses.sorted { $0.language < $1.language }
        #expect(responses.map(\.language) == ["en", "es"])
        #expect(responses.first?.answers["traffic-fixes"] == .choices(["bumps", "lights"]))
        #expect(responses.first?.answers["hours-outside"] == .number(7.5))
        #expect(responses.last?.answers["area"] == .choice("south"))
        #expect(responses.last?.answers["concerns"] == .choices(["violence", "theft"]))
        #expect(responses.last?.answers["ideas"] == .text("Más luces"))
        #expect(harness.store.conversationCount == 0)
    }

    @Test func stopInTheMiddleThenSilenceOverRealHTTP() async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            _ = try await client.twilio(from: Self.english, "Hi", id: "SM1")
            _ = try await client.twilio(from: Self.english, "yes", id: "SM2")
            let stop = try await client.twilio(from: Self.english, "STOP", id: "SM3")
            #expect(
                stop.twimlMessages == [
                    "You won't get any more messages from us. To start again, reply START. Take care."
                ])
            for (index, text) in ["1", "HELP", "STOP", "hello"].enumerated() {
                let response = try await client.twilio(from: Self.english, text, id: "SM\(index + 4)")
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
            }
        }
    }
}
