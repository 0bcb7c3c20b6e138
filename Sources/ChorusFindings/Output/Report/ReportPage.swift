import ChorusCore

/// `report.html`: the release for the community table, in one self-contained file. Priorities
/// come first, in plain words; then each question's results with n and intervals; who answered
/// and how; how to read the numbers; free text held back; how respondents are protected.
///
/// Inline CSS and SVG only: no script, no external resource, no web font, so it opens the same
/// from a USB stick, an email attachment or a printout, and tells no server who read it.
struct ReportPage {
    let release: FindingsRelease
    let survey: Survey
    let words: ReleaseWords

    static let path = "report.html"

    /// The sections, in order, by fragment id; the headings are the words' own.
    static let sectionIDs = ["priorities", "questions", "reach", "reading", "free-text", "protection", "about"]

    func html() -> [UInt8] {
        var page = HTMLText()
        page.raw(
            "<!DOCTYPE html>\n<html lang=\"\(HTMLText.escape(words.language))\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<meta name=\"robots\" content=\"noindex\">\n")
        page.element("title", "", "\(words.text(release.title)) — \(words.reportKicker)")
        page.raw("\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<main>\n")
        header(&page)
        contents(&page)
        priorities(&page)
        questions(&page)
        reach(&page)
        reading(&page)
        freeText(&page)
        protection(&page)
        about(&page)
        page.raw("</main>\n</body>\n</html>\n")
        return Array(page.text.utf8)
    }

    private func header(_ page: inout HTMLText) {
        page.raw("<header>\n")
        page.element("p", "class=\"kicker\"", words.reportKicker)
        page.element("h1", "", words.text(release.title))
        page.element("p", "class=\"meta\"", words.reportDates(release))
        page.element(
            "p", "class=\"lede\"", words.reachSentence(respondents: release.reach.respondents, byChannel: channelCounts)
        )
        page.raw("<p class=\"callout\">")
        page.escaped(words.selfSelectedShort + " ")
        page.raw("<a href=\"#reading\">")
        page.escaped(words.readingHeading)
        page.raw("</a></p>\n</header>\n")
    }

    private func contents(_ page: inout HTMLText) {
        page.raw("<nav aria-label=\"\(HTMLText.escape(words.contentsHeading))\">\n")
        page.element("p", "class=\"kicker\"", words.contentsHeading)
        page.raw("<ol>")
        for (id, heading) in sections {
            page.raw("<li><a href=\"#\(id)\">")
            page.escaped(heading)
            page.raw("</a></li>")
        }
        page.raw("</ol>\n</nav>\n")
    }

    /// The sections present, with their headings; free text only when the survey asks for any.
    private var sections: [(String, String)] {
        zip(Self.sectionIDs, words.sectionHeadings).filter { id, _ in
            id != "free-text" || !release.freeText.questionIDs.isEmpty
        }
    }

    func sectionHeading(_ page: inout HTMLText, _ id: String) {
        let heading = sections.first { $0.0 == id }?.1 ?? id
        page.raw("<section id=\"\(id)\">\n")
        page.element("h2", "", heading)
        page.raw("\n")
    }

    /// Respondents by channel code, as published, for the opening sentence.
    private var channelCounts: [(String, PublishedCount)] {
        guard let table = release.table(release.reach.byChannel), let dimension = table.dimensions.first else {
            return []
        }
        return zip(dimension.values, table.cells).compactMap { value, cell in
            value.role == .category ? (value.code, cell.count) : nil
        }
    }
}
