import ChorusCore
import ChorusFindings
import Foundation
import Testing

/// `report.html`, opened in headless Chromium as a reader's browser would, and read as text.
@Suite struct ReportTests {
    static let survey = try! SampleResponses.safetySurvey()
    static let release = try! SampleRelease.make(survey: survey, responses: 800)

    static func report(_ release: FindingsRelease = release, survey: Survey = survey, language: String = "en") throws
        -> String
    {
        let file = try #require(release.files(survey: survey, language: language).first { $0.path == "report.html" })
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// The DOM Chromium builds from the report, or `nil` with a note when Chromium is not installed.
    static func renderedDOM(_ html: String) async throws -> String? {
        guard let chromium = ExternalTool.which("chromium", "chromium-browser", "google-chrome") else {
            print("skipping the browser check: no chromium on PATH (Scripts/bootstrap installs it)")
            return nil
        }
        let folder = try ExternalTool.folder()
        let page = folder.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        // Off the network, so a stray external reference could not load even if one slipped in.
        let result = try await ExternalTool.run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--dump-dom", page.absoluteString,
            ])
        try #require(result.status == 0, "chromium failed: \(result.error)")
        return result.output
    }

    @Test(arguments: ["en", "es"]) func browserShowsEverySectionPrioritiesFirst(language: String) async throws {
        let html = try Self.report(language: language)
        guard let dom = try await Self.renderedDOM(html) else { return }
        var last = dom.startIndex
        for id in ["priorities", "questions", "reach", "reading", "free-text", "protection", "about"] {
            let section = try #require(dom.range(of: "<section id=\"\(id)\">"), "section \(id) missing")
            #expect(section.lowerBound > last, "section \(id) out of order")
            last = section.lowerBound
        }
        #expect(dom.contains("<html lang=\"\(language)\">"))
        let heading = language == "es" ? "Lo que más importa a los vecinos" : "What residents said matters most"
        #expect(dom.contains("<h2>\(heading)</h2>"))
        #expect(dom.contains("<svg class=\"bar\""))
        for question in Self.survey.questions where question.kind.options.count > 0 {
            #expect(dom.contains(Self.serialized(question.prompt.text(in: language))), "\(question.id)")
        }
    }

    /// Text as a browser serializes it in a DOM dump: only `&`, `<` and `>` escaped.
    static func serialized(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test func reportIsOneSelfContainedFileWithoutScripts() throws {
        let html = try Self.report().lowercased()
        #expect(!html.contains("<script"))
        #expect(html.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "no event handler attributes")
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("@font-face"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("@media print"))
    }

    @Test func reportNamesTheMethodCaveatsAndThreshold() throws {
        let release = try SampleRelease.make(
            survey: Self.survey, responses: 300, k: 6, reason: "a pilot at one library")
        let html = try Self.report(release)
        #expect(html.contains("Borda count: in each answer, first place earns 3 points"))
        #expect(html.contains("not a random sample"))
        #expect(html.contains("no margin of error can be calculated"))
        #expect(html.contains("is 0 or at least 6"))
        #expect(html.contains("lowered from 11 to 6. Reason: a pilot at one library"))
        #expect(html.contains("They are held back"))
        #expect(html.contains("—"), "withheld cells are shown as a dash")
    }

    @Test func tablesLeftOutAreNamedWithTheirReason() throws {
        var release = try SampleRelease.make(survey: Self.survey, responses: 300)
        release.disclosure.withheldTables = [
            WithheldTable(id: "concerns.by.area", reason: .sparse),
            WithheldTable(id: "concerns.by-site", reason: .sparse),
            WithheldTable(id: "safe-night.positions", reason: .unprotectable),
        ]
        let html = try Self.report(release)
        #expect(html.contains("too small to show safely: concerns by area, concerns by site."))
        #expect(html.contains("kept all of theirs from being worked out: safe-night (positions)."))
        let spanish = try Self.report(release, language: "es")
        #expect(
            spanish.contains("demasiado pequeños para mostrarlos sin riesgo: concerns por area, concerns por site."))
    }

    @Test func aLaterReleaseSaysWhyNumbersThatGrewByLessThanKAreWithheld() throws {
        var release = try SampleRelease.make(survey: Self.survey, responses: 300)
        #expect(!(try Self.report(release)).contains("grew by"), "a first release has nothing to grow from")
        release.disclosure.earlierReleases = 1
        release.disclosure.respondentsSinceLastRelease = 44
        #expect(
            try Self.report(release).contains(
                "A number that grew by 1 to 10 since an earlier release is withheld too: that growth would count a "
                    + "few of the residents who answered since then (44 since the last release)."))
        #expect(try Self.report(release, language: "es").contains("(44 desde la última)"))
    }

    @Test func surveyTextIsEscapedEverywhere() throws {
        var survey = Self.survey
        survey.title = LocalizedText(["en": "<script>alert('x')</script> & co", "es": "<b>título</b>"])
        survey.questions[0].prompt = LocalizedText(["en": "Area \"quoted\" <i>", "es": "Zona"])
        var release = try SampleRelease.make(survey: survey, responses: 100)
        release.title = survey.title
        let html = try Self.report(release, survey: survey)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(html.contains("Area &quot;quoted&quot; &lt;i&gt;"))
        #expect(!html.contains("<i>"))
    }

    @Test func reportIsInTheSurveysLanguageWithBuiltInWords() throws {
        let html = try Self.report(language: "es")
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("Cómo se protege a quienes respondieron"))
        #expect(html.contains("¿En qué parte de la ciudad vive?"))
        #expect(!html.contains("What residents said"))
    }
}
