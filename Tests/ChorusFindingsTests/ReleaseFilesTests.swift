import ChorusCore
import ChorusFindings
import Foundation
import Testing

/// The files of a release, as pure functions of the release: complete, consistent, deterministic.
@Suite struct ReleaseFilesTests {
    static let survey = try! SampleResponses.safetySurvey()
    static let release = try! SampleRelease.make(survey: survey, responses: 500)
    static let files = release.files(survey: survey, language: "en")

    static func text(_ path: String) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).bytes, as: UTF8.self)
    }

    static func json(_ path: String) throws -> [String: Any] {
        let bytes = try #require(files.first { $0.path == path }).bytes
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    /// A CSV file's records, split on CRLF and commas; the sample's codes hold neither.
    static func records(_ path: String) throws -> [[String]] {
        try text(path).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    @Test func sameReleaseGivesTheSameBytes() {
        #expect(Self.release.files(survey: Self.survey, language: "en") == Self.files)
        #expect(Self.release.files(survey: Self.survey, language: "es") != Self.files)
    }

    @Test func dataPackageListsEveryFileAndNothingElse() throws {
        let package = try Self.json("datapackage.json")
        let resources = try #require(package["resources"] as? [[String: Any]])
        let listed = Set(resources.compactMap { $0["path"] as? String })
        #expect(listed == Set(Self.files.map(\.path)).subtracting(["datapackage.json"]))
        #expect(listed.count == resources.count)
        for resource in resources {
            let path = try #require(resource["path"] as? String)
            let bytes = try #require(Self.files.first { $0.path == path }).bytes
            #expect(resource["bytes"] as? Int == bytes.count, "\(path)")
        }
        #expect(package["created"] == nil, "no date finer than the month")
        #expect(package["$schema"] as? String == "https://datapackage.org/profiles/2.0/datapackage.json")
    }

    @Test func everyTableIsATidyFileWithOneRowPerCell() throws {
        for table in Self.release.tables {
            let rows = try Self.records("tables/\(table.id).csv")
            #expect(rows.count == table.cells.count + 1, "\(table.id)")
            #expect(rows.allSatisfy { $0.count == rows[0].count }, "\(table.id)")
            #expect(Array(rows[0].suffix(5)) == ["count", "percent", "ci_lower", "ci_upper", "percent_coarsened"])
        }
        let byArea = try Self.records("tables/concerns.by.area.csv")
        #expect(byArea[0].prefix(2) == ["area", "answer"])
        #expect(byArea[1].prefix(2) == ["north", "traffic"])
    }

    @Test func suppressedCountsAndTheirSharesAreTheLabelledCode() throws {
        let table = try #require(Self.release.tables.first { $0.cells.contains { $0.count == .suppressed } })
        let rows = try Self.records("tables/\(table.id).csv")
        let withheld = rows.filter { $0.contains("SUPPRESSED") }
        #expect(withheld.count == table.cells.filter { $0.count == .suppressed }.count)
        for row in withheld {
            #expect(Array(row.suffix(5)) == ["SUPPRESSED", "SUPPRESSED", "SUPPRESSED", "SUPPRESSED", ""])
        }
    }

    @Test func everyPercentageFollowsFromPublishedCounts() throws {
        var checked = 0
        for table in Self.release.tables {
            let rows = try Self.records("tables/\(table.id).csv")
            let dimensions = table.dimensions.count
            for row in rows.dropFirst() where !row[dimensions + 1].isEmpty && row[dimensions + 1] != "SUPPRESSED" {
                // The row's total: the same codes, `total` in the last dimension.
                let key = Array(row.prefix(dimensions - 1)) + ["total"]
                let total = try #require(rows.first { Array($0.prefix(dimensions)) == key })
                let count = try #require(Double(row[dimensions]))
                let base = try #require(Double(total[dimensions]))
                let percent = try #require(Double(row[dimensions + 1]))
                #expect(abs(percent - count / base * 100) <= 0.005 + 1e-9, "\(table.id): \(row)")
                let lower = try #require(Double(row[dimensions + 2]))
                let upper = try #require(Double(row[dimensions + 3]))
                #expect(lower <= percent && percent <= upper)
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func coarsenedSharesShowOnlyTheirBound() throws {
        let survey = Self.survey
        // So few respondents that many groups are small, yet k = 5 publishes some of them.
        let release = try SampleRelease.make(survey: survey, responses: 40, k: 5, reason: "pilot week")
        let files = release.files(survey: survey, language: "en")
        let coarsened = release.tables.flatMap { table in
            table.cells.compactMap { $0.share }.filter { $0.display != .exact }.map { (table.id, $0) }
        }
        try #require(!coarsened.isEmpty)
        for (id, share) in coarsened {
            let text = String(
                decoding: try #require(files.first { $0.path == "tables/\(id).csv" }).bytes, as: UTF8.self)
            let bound = share.display == .below(0.05) ? ",,,,<5.00" : ",,,,>95.00"
            #expect(text.contains("\(share.count)\(bound)\r\n"), "\(id)")
        }
    }

    @Test func prioritiesNameTheirOrderScoresAndTies() throws {
        let rows = try Self.records("priorities/concerns.csv")
        #expect(
            rows[0] == [
                "option", "place", "score", "first_choices", "named", "percent", "ci_lower", "ci_upper",
                "percent_coarsened",
                "tie",
            ])
        let priority = try #require(Self.release.priorities.first { $0.questionID == "concerns" })
        #expect(rows.dropFirst().map { $0[0] } == priority.options.map(\.value))
        #expect(rows[1][1] == "1")
        #expect(rows[1][2] == priority.options[0].score.map(String.init))
    }

    @Test func findingsJSONCarriesTheSameRowsAsTheCSVFiles() throws {
        let findings = try Self.json("findings.json")
        let tables = try #require(findings["tables"] as? [[String: Any]])
        #expect(tables.count == Self.release.tables.count)
        let area = try #require(tables.first { $0["id"] as? String == "area" })
        let cells = try #require(area["cells"] as? [[String: Any]])
        let rows = try Self.records("tables/area.csv")
        #expect(cells.count == rows.count - 1)
        for (cell, row) in zip(cells, rows.dropFirst()) {
            #expect(cell["answer"] as? String == row[0])
            #expect((cell["count"] as? Int).map(String.init) ?? (cell["count"] as? String) == row[1])
        }
        let disclosure = try #require(findings["disclosure"] as? [String: Any])
        #expect(disclosure["suppressedCounts"] as? Int == Self.release.disclosure.suppressedCounts)
    }

    @Test func disclosureLogHoldsSettingsAndTotalsOnly() throws {
        let release = try SampleRelease.make(
            survey: Self.survey, responses: 300, k: 8, reason: "only two sites this month")
        let file = try #require(
            release.files(survey: Self.survey, language: "en").first { $0.path == "disclosure-log.json" })
        let log = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(
            Set(log.keys) == [
                "survey", "month", "threshold", "method", "suppressedCounts", "publishedCounts", "withheldTables",
                "percentages",
                "freeText", "timePeriod", "lineage", "tool",
            ])
        let threshold = try #require(log["threshold"] as? [String: Any])
        #expect(threshold["minimumCount"] as? Int == 8)
        #expect(threshold["reasonLowered"] as? String == "only two sites this month")
        #expect(log["suppressedCounts"] as? Int == release.disclosure.suppressedCounts)
        #expect(log["tool"] as? String == release.disclosure.toolVersion)
    }

    @Test func codebookHasEveryQuestionInEveryLanguageWithItsTreatment() throws {
        let codebook = try Self.text("codebook.md")
        for question in Self.survey.questions {
            #expect(codebook.contains("### `\(question.id)`"))
            for language in Self.survey.languages {
                let prompt = question.prompt.text(in: language).split(whereSeparator: \.isWhitespace).joined(
                    separator: " ")
                #expect(codebook.contains(prompt), "\(question.id) in \(language)")
            }
        }
        #expect(codebook.contains("concerns includes “traffic” (`selected(concerns, 'traffic')`)"))
        #expect(codebook.contains("free text: never exported"))
        #expect(codebook.contains("| `north` | North side | Zona norte |"))
        // Every column of every data file is described.
        for table in Self.release.tables { #expect(codebook.contains("### `tables/\(table.id).csv`")) }
    }

    @Test func theCodebookShowsHowToReadTheCodesTheDataPackageDeclaresAsMissing() throws {
        let codebook = try Self.text("codebook.md")
        let resources = try #require(try Self.json("datapackage.json")["resources"] as? [[String: Any]])
        var missing: Set<String> = []
        for case let schema? in resources.map({ $0["schema"] as? [String: Any] }) {
            let values = try #require(schema["missingValues"] as? [[String: Any]])
            missing.formUnion(values.compactMap { $0["value"] as? String })
        }
        #expect(missing == ["", "SUPPRESSED"])
        let quoted = missing.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        #expect(codebook.contains("na.strings = c(\(quoted)), check.names = FALSE)"))
    }

    @Test func theCodebookSaysWhatEachColumnMeansAsTheDataPackageDoes() throws {
        let codebook = try Self.text("codebook.md")
        let resources = try #require(try Self.json("datapackage.json")["resources"] as? [[String: Any]])
        var checked = 0
        for resource in resources {
            guard let path = resource["path"] as? String, let schema = resource["schema"] as? [String: Any] else {
                continue
            }
            let section = try #require(
                codebook.components(separatedBy: "### `\(path)`").dropFirst().first?.components(separatedBy: "\n### ")
                    .first)
            for field in try #require(schema["fields"] as? [[String: Any]]) {
                let name = try #require(field["name"] as? String)
                let description = try #require(field["description"] as? String)
                let meaning = description.components(separatedBy: "\n\n")[0].replacing("|", with: "\\|")
                #expect(section.contains("| `\(name)` |") && section.contains(meaning), "\(path): \(name)")
                checked += 1
            }
        }
        #expect(checked > 20)
        // What a researcher asks first: a share of what, and which interval.
        #expect(codebook.contains("as a percentage of the row whose `answer` is `total`"))
        #expect(codebook.contains("Wilson score 95% interval"))
    }

    @Test func noFileHoldsAFreeTextAnswer() throws {
        // The sample's free-text answers all say this; none of it may appear anywhere.
        for file in Self.files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("555-0100") && !text.contains("broken light"), "\(file.path)")
        }
    }
}
