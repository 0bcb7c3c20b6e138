import ChorusCore
import Foundation

@testable import ChorusFindings
@testable import ChorusStore

/// Surveys, response databases on real SQLite files, and helpers for the findings tests.
enum FindingsFixtures {
    static func text(_ english: String) -> LocalizedText {
        LocalizedText(["en": english])
    }

    static func options(_ values: [String]) -> [Option] {
        values.map { Option(value: $0, label: text($0.capitalized)) }
    }

    static func survey(_ questions: [Question], id: String = "safety", version: Int = 1) -> Survey {
        Survey(
            id: id, version: version, languages: ["en"], title: text("Safety"), consent: text("Agree?"),
            questions: questions)
    }

    /// A required single-choice question, a quasi-identifier when asked.
    static func single(_ id: String, _ values: [String], quasiIdentifier: Bool = false, required: Bool = true)
        -> Question
    {
        Question(
            id: id, kind: .single(options: options(values)), prompt: text("Which \(id)?"), isRequired: required,
            isQuasiIdentifier: quasiIdentifier)
    }

    /// One of every kind that is counted.
    static let everyKind = survey([
        single("area", ["north", "south", "east"], quasiIdentifier: true),
        single("age", ["young", "old"], quasiIdentifier: true, required: false),
        Question(
            id: "concerns", kind: .rank(options: options(["traffic", "lighting", "noise"]), picks: 2),
            prompt: text("Rank your concerns")),
        Question(
            id: "services", kind: .multiple(options: options(["parks", "buses", "clinics"]), maximum: 2),
            prompt: text("Which services?")),
        Question(
            id: "safe-night",
            kind: .scale(minimum: 1, maximum: 5, minimumLabel: text("Unsafe"), maximumLabel: text("Safe")),
            prompt: text("How safe at night?")),
        Question(id: "join", kind: .yesNo, prompt: text("Join a meeting?")),
        Question(id: "visits", kind: .number(minimum: 0, maximum: 20, decimals: 0), prompt: text("Visits?")),
        Question(id: "note", kind: .note, prompt: text("Thanks so far")),
        Question(id: "idea", kind: .text(maximumLength: 200), prompt: text("One idea?")),
    ])

    /// One response to save: its answers and how and where it came in.
    struct Entry {
        var answers: [String: Answer]
        var channel: Channel = .kiosk
        var site: String? = "Library"
        var language = "en"
        var day = "2026-11-21"
    }

    /// A new database in a fresh folder with `survey` registered.
    static func database(for survey: Survey) throws -> ChorusDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try ChorusDatabase(path: folder.appendingPathComponent("chorus.sqlite").path)
        try database.register(
            survey: survey, source: Array("\(survey.id) \(survey.version) \(survey.questions.count)".utf8))
        return database
    }

    /// Saves entries in one transaction, through the store's own insert.
    static func save(_ entries: [Entry], to database: ChorusDatabase, survey: Survey) throws {
        try database.writing { db in
            for entry in entries {
                let response = Response(
                    surveyID: survey.id, surveyVersion: survey.version, language: entry.language, answers: entry.answers
                )
                try database.insert(
                    response, id: ResponseRecord.randomID(), channel: entry.channel, site: entry.site,
                    day: Day(entry.day)!, into: db)
            }
        }
    }

    /// The release of `survey`; with `showingSparseTables`, every breakdown is planned however
    /// small its cells, so suppression and the audit meet the hardest tables.
    static func build(
        _ survey: Survey, _ database: ChorusDatabase, k: Int = 11, month: String = "2026-11",
        showingSparseTables: Bool = false
    ) throws -> FindingsRelease {
        let threshold = try Threshold(minimumCount: k, reason: k < 11 ? "test" : nil)
        var builder = FindingsBuilder(survey: survey, database: database, threshold: threshold, month: Month(month)!)
        builder.leavesOutSparseTables = !showingSparseTables
        return try builder.build()
    }
}

/// A small deterministic random number generator for reproducible data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: Int) { state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension FindingsRelease {
    /// Every published count of every table.
    var publishedCounts: [Int] {
        tables.flatMap { $0.cells.compactMap(\.count.value) }
    }

    /// The cell of table `id` whose dimension values have these codes, in dimension order.
    func cell(_ id: String, _ codes: String...) -> FindingsCell? {
        guard let table = table(id) else { return nil }
        let coordinates = zip(table.dimensions, codes).map { dimension, code in
            dimension.values.firstIndex { $0.code == code }
        }
        guard coordinates.count == table.dimensions.count, coordinates.allSatisfy({ $0 != nil }) else { return nil }
        return table.cell(at: coordinates.map { $0! })
    }
}
