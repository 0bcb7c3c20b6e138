import ChorusCore

/// The sections around the results: who answered, how to read the numbers, free text, how
/// respondents are protected, and who ran the survey.
extension ReportPage {
    func reach(_ page: inout HTMLText) {
        sectionHeading(&page, "reach")
        page.element("p", "", words.reachIntro)
        for id in [release.reach.byChannel, release.reach.bySite, release.reach.byLanguage] {
            guard let table = release.table(id) else { continue }
            page.element("h3", "", words.tableTitle(table))
            bars(&page, table)
        }
        page.raw("</section>\n")
    }

    func reading(_ page: inout HTMLText) {
        sectionHeading(&page, "reading")
        for paragraph in words.readingParagraphs { page.element("p", "", paragraph) }
        page.raw("</section>\n")
    }

    func freeText(_ page: inout HTMLText) {
        guard !release.freeText.questionIDs.isEmpty else { return }
        sectionHeading(&page, "free-text")
        let prompts = release.freeText.questionIDs.compactMap { survey.question($0)?.prompt }.map(words.text)
        page.element(
            "p", "", words.freeTextCount(release.freeText.answers, threshold: release.threshold.minimumCount))
        page.raw("<ul>")
        for prompt in prompts { page.element("li", "", prompt) }
        page.raw("</ul>\n")
        page.element("p", "", words.freeTextHeldBack)
        page.raw("</section>\n")
    }

    func protection(_ page: inout HTMLText) {
        sectionHeading(&page, "protection")
        for paragraph in words.protectionParagraphs(release) { page.element("p", "", paragraph) }
        page.raw("</section>\n")
    }

    func about(_ page: inout HTMLText) {
        sectionHeading(&page, "about")
        if let intro = survey.intro { paragraphs(&page, words.text(intro)) }
        if let closing = survey.closing {
            page.element("h3", "", words.whatNextHeading)
            paragraphs(&page, words.text(closing))
        }
        page.element("p", "class=\"note\"", words.aboutData(release))
        page.raw("</section>\n<footer>")
        page.escaped(words.footer(release))
        page.raw("</footer>\n")
    }

    /// A survey text as paragraphs: organizers separate them with blank lines and wrap lines in the XML.
    private func paragraphs(_ page: inout HTMLText, _ text: String) {
        var paragraph: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) + [Substring()] {
            let words = line.split(whereSeparator: { $0.isWhitespace })
            if words.isEmpty {
                if !paragraph.isEmpty { page.element("p", "", paragraph.joined(separator: " ")) }
                paragraph = []
            } else {
                paragraph += words
            }
        }
    }
}
