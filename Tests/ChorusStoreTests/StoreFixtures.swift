import ChorusCore
import Foundation
import Testing

@testable import ChorusStore

/// Sample surveys, responses and temporary database files for the store's tests.
enum StoreFixtures {
    static func survey(id: String = "safety", version: Int = 1) -> Survey {
        Survey(
            id: id,
            version: version,
            languages: ["en", "es"],
            title: LocalizedText(["en": "Safety", "es": "Seguridad"]),
            consent: LocalizedText(["en": "Do you agree?", "es": "¿Acepta?"]),
            questions: []
        )
    }

    /// Stands for the survey file's bytes; only their hash and text matter to the store.
    static func source(id: String = "safety", version: Int = 1, extra: String = "") -> [UInt8] {
        Array(#"<survey xmlns="urn:chorus:survey:1" id="\#(id)" version="\#(version)">\#(extra)</survey>"#.utf8)
    }

    static func response(language: String = "en", text: String = "more lights by the bus stop") -> Response {
        Response(
            surveyID: "safety",
            surveyVersion: 1,
            language: language,
            answers: [
                "area": .choice("north"),
                "concerns": .choices(["traffic", "lighting"]),
                "safe-night": .number(2),
                "join-meeting": .yesNo(false),
                "idea": .text(text),
            ]
        )
    }

    static let day = Day("2026-11-21")!

    /// A fresh, empty folder for one test's files.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A new database in a fresh folder, with the sample survey registered.
    static func database(named name: String = "chorus.sqlite") throws -> ChorusDatabase {
        let database = try ChorusDatabase(path: try folder().appendingPathComponent(name).path)
        try database.register(survey: survey(), source: source())
        return database
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
