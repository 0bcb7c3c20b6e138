extension ReportPage {
    /// "What residents said matters most": each rank and multiple-choice question's options in
    /// ranked order, the share naming each with its interval, the method, and how ties were settled.
    func priorities(_ page: inout HTMLText) {
        sectionHeading(&page, "priorities")
        if release.priorities.isEmpty { page.element("p", "", words.noPriorities) }
        for priority in release.priorities {
            page.raw("<article>\n")
            page.element("h3", "", words.text(priority.title))
            page.element("p", "class=\"lede\"", words.prioritySummary(priority))
            let ranked = priority.options.filter { $0.place != nil }
            page.raw("<ol class=\"bars\">\n")
            for option in ranked {
                rankedOption(&page, option, of: priority)
            }
            page.raw("</ol>\n")
            let withheld = priority.options.filter { $0.place == nil }.map { words.text($0.label) }
            if !withheld.isEmpty { page.element("p", "class=\"note\"", words.notRanked(withheld)) }
            page.element("p", "class=\"note\"", words.rankingMethod(priority))
            for tie in priority.ties {
                let labels = tie.values.compactMap { value in priority.options.first { $0.value == value }?.label }
                page.element(
                    "p", "class=\"note\"", words.tieSentence(labels.map(words.text), tie: tie, topN: priority.topN))
            }
            page.raw("</article>\n")
        }
        page.raw("</section>\n")
    }

    private func rankedOption(_ page: inout HTMLText, _ option: PriorityOption, of priority: PriorityResult) {
        let label = words.text(option.label)
        page.raw("<li><span class=\"label\"><span class=\"place\">\(option.place.map(String.init) ?? "")</span>")
        page.escaped(label)
        page.raw("</span>")
        if let share = option.topShare {
            page.raw(ReportBar.svg(share, label: "\(label): \(words.shareWithInterval(share))"))
        } else {
            page.raw(ReportBar.withheld(label: "\(label): \(words.withheld)"))
        }
        page.raw("<span class=\"figures\">")
        if let share = option.topShare {
            shareFigures(&page, share, saying: words.namedIt(topN: priority.topN, isRank: priority.firstChoicesApply))
        } else {
            page.escaped(words.namedCount(option.named))
        }
        // An approval score is the number choosing the option, so it reads as people, not points.
        if let score = option.score {
            page.escaped(" · " + (priority.firstChoicesApply ? words.points(score) : words.people(.count(score))))
        }
        if let first = option.firstChoices { page.escaped(" · " + words.firstChoices(first)) }
        page.raw("</span></li>\n")
    }
}

extension PriorityResult {
    /// Whether the options have first choices: a rank question's do, a multiple-choice question's do not.
    var firstChoicesApply: Bool {
        if case .borda = method { true } else { false }
    }
}
