import ChorusCore

extension ReportPage {
    /// "Answers, question by question": each question's own table as bars with n and intervals,
    /// then its breakdowns as tables.
    func questions(_ page: inout HTMLText) {
        sectionHeading(&page, "questions")
        page.element("p", "class=\"note\"", words.questionsIntro)
        for question in survey.questions {
            let tables = release.tables.filter { $0.questionID == question.id }
            guard let own = tables.first(where: { $0.kind == .question }) else { continue }
            page.raw("<article id=\"q-\(HTMLText.escape(question.id))\">\n")
            page.element("h3", "", words.text(question.prompt))
            var meta = [words.describe(question.kind), words.answered(total(of: own))]
            if let showIf = question.showIf {
                meta.append(words.askedOnlyIf(showIf.explained(language: words.language)))
            }
            page.element("p", "class=\"meta\"", meta.joined(separator: " · "))
            bars(&page, own)
            // Breakdowns by the survey's own groups are open; by channel and site, a tap away on a
            // phone. Print shows them all (see ReportStyle).
            for table in tables where table.kind != .question {
                let isGroup = table.dimensions.first?.kind == .group || table.kind == .positions
                page.raw(isGroup ? "<details open>" : "<details>")
                page.element("summary", "", words.tableHeading(table))
                grid(&page, table)
                page.raw("</details>\n")
            }
            page.raw("</article>\n")
        }
        page.raw("</section>\n")
    }

    /// The count of a one-dimensional table's total, if it has one.
    func total(of table: FindingsTable) -> PublishedCount? {
        guard table.dimensions.count == 1 else { return nil }
        return zip(table.dimensions[0].values, table.cells).first { $0.0.role == .total }?.1.count
    }

    /// A one-dimensional table as labelled bars; those without an answer as a note under them.
    func bars(_ page: inout HTMLText, _ table: FindingsTable) {
        guard table.dimensions.count == 1, let dimension = table.dimensions.first else {
            grid(&page, table)
            return
        }
        page.raw("<ul class=\"bars\">\n")
        var notes: [String] = []
        for (value, cell) in zip(dimension.values, table.cells) {
            let label = words.label(of: value, in: dimension)
            switch value.role {
            case .total: continue
            case .missing:
                notes.append("\(label): \(words.countText(cell.count))")
                continue
            case .category: break
            }
            page.raw("<li><span class=\"label\">")
            page.escaped(label)
            page.raw("</span>")
            if let share = cell.share {
                page.raw(ReportBar.svg(share, label: "\(label): \(words.shareWithInterval(share))"))
                page.raw("<span class=\"figures\">")
                shareFigures(&page, share, saying: nil)
                page.escaped(" · " + words.people(cell.count))
            } else {
                page.raw(ReportBar.withheld(label: "\(label): \(words.withheld)"))
                page.raw("<span class=\"figures\">")
                page.escaped(words.people(cell.count))
            }
            page.raw("</span></li>\n")
        }
        page.raw("</ul>\n")
        for note in notes { page.element("p", "class=\"note\"", note) }
    }

    /// A share in bold, what it means, and its interval kept on one line.
    func shareFigures(_ page: inout HTMLText, _ share: PublishedShare, saying meaning: String?) {
        page.element("strong", "", words.share(share))
        if let meaning { page.escaped(" " + meaning) }
        if let interval = words.interval(share) {
            page.raw(" ")
            page.element("span", "class=\"nowrap\"", "(\(words.intervalWord) \(interval))")
        }
    }

    /// A table with the first dimension's values as rows and the last one's as columns: each cell
    /// the share of its row and the count under it, a withheld count as "—".
    func grid(_ page: inout HTMLText, _ table: FindingsTable) {
        guard table.dimensions.count == 2 else { return }
        let (rows, columns) = (table.dimensions[0], table.dimensions[1])
        page.raw("<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">")
        page.escaped(words.title(of: rows, in: table))
        page.raw("</th>")
        for value in columns.values { page.element("th", "scope=\"col\"", words.label(of: value, in: columns)) }
        page.raw("</tr></thead>\n<tbody>\n")
        for (row, rowValue) in rows.values.enumerated() {
            page.raw(rowValue.role == .total ? "<tr class=\"total\">" : "<tr>")
            page.element("th", "scope=\"row\"", words.label(of: rowValue, in: rows))
            for column in columns.values.indices {
                let cell = table.cell(at: [row, column])
                page.raw("<td>")
                switch (cell.count, cell.share) {
                case (.suppressed, _):
                    page.raw("<span class=\"withheld\" title=\"\(HTMLText.escape(words.withheld))\">—</span>")
                case (.count(let count), let share?):
                    page.escaped(words.share(share))
                    page.element("small", "", words.count(count))
                case (.count(let count), nil):
                    page.escaped(words.count(count))
                }
                page.raw("</td>")
            }
            page.raw("</tr>\n")
        }
        page.raw("</tbody></table></div>\n")
        page.element("p", "class=\"note\"", words.gridNote(rows: words.title(of: rows, in: table)))
    }
}
