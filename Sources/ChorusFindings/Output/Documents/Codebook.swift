import ChorusCore

/// `codebook.md`: every question as asked, in every language, with its type, options, when it
/// is asked, where it is published and how disclosure control treats it; then every data file
/// with the variable behind each column.
struct Codebook {
    let release: FindingsRelease
    let survey: Survey
    let words: ReleaseWords
    /// The release's data files, to say where each variable is published.
    let dataFiles: [DataFile]

    static let path = "codebook.md"

    func markdown() -> [UInt8] {
        var lines = header
        for question in survey.questions {
            lines += variable(question)
        }
        lines += files
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    private var languages: [String] { release.languages }

    private var header: [String] {
        var lines = [
            "# \(words.codebookTitle): \(Self.inline(words.text(release.title)))", "",
            words.codebookIntro(
                surveyID: release.surveyID, version: release.surveyVersion, month: release.month.description),
            "", "- \(words.languagesLabel): \(languages.map { "`\($0)`" }.joined(separator: ", "))",
            "- \(words.thresholdLabel): \(release.threshold.minimumCount)",
        ]
        if let reason = release.threshold.reason { lines.append("- \(words.reasonLabel): \(Self.inline(reason))") }
        lines += ["", "## \(words.codesHeading)", ""] + words.codes(threshold: release.threshold.minimumCount)
        lines += ["", "## \(words.filesHeading)", ""] + words.readingFiles
        lines += ["", "## \(words.surveyTextsHeading)", ""]
        let texts: [(String, LocalizedText?)] = [
            (words.titleLabel, survey.title), (words.introLabel, survey.intro), (words.consentLabel, survey.consent),
            (words.closingLabel, survey.closing),
        ]
        for case (let name, let text?) in texts {
            lines += ["### \(name)", ""] + languages.flatMap { ["`\($0)`: " + Self.inline(text.text(in: $0)), ""] }
        }
        lines += ["## \(words.variablesHeading)", ""]
        return lines
    }

    private func variable(_ question: Question) -> [String] {
        var lines = ["### `\(question.id)`", ""]
        lines += languages.map { "- `\($0)`: " + Self.inline(question.prompt.text(in: $0)) }
        if let hint = question.hint {
            lines += languages.map { "- \(words.hintLabel) `\($0)`: " + Self.inline(hint.text(in: $0)) }
        }
        lines += [
            "- \(words.typeLabel): `\(question.kind.formatName)`, \(words.describe(question.kind))",
            "- \(words.requiredLabel): \(question.isRequired ? words.yes : words.no)",
            "- \(words.askedLabel): "
                + (question.showIf.map { "\(Self.inline($0.explained(language: words.language))) (`\($0.source)`)" }
                    ?? words.always),
        ]
        if question.isQuasiIdentifier { lines.append("- \(words.quasiIdentifierLabel): \(words.quasiIdentifierNote)") }
        lines.append("- \(words.treatmentLabel): \(treatment(question))")
        let published = dataFiles.filter { file in
            file.fields.contains { $0.name == question.id || $0.name == "\(question.id)_group" }
                || file.path.hasPrefix("tables/\(question.id).") || file.path == "priorities/\(question.id).csv"
        }
        if !published.isEmpty {
            lines.append("- \(words.publishedInLabel): " + published.map { "`\($0.path)`" }.joined(separator: ", "))
        }
        lines += codes(question.kind)
        return lines + [""]
    }

    private func treatment(_ question: Question) -> String {
        switch question.kind {
        case .text: words.freeTextTreatment
        case .note: words.noteTreatment
        default: words.countTreatment(threshold: release.threshold.minimumCount)
        }
    }

    /// The codes a question's answers are published under, with their labels in every language.
    private func codes(_ kind: QuestionKind) -> [String] {
        let rows: [(String, [String])]
        switch kind {
        case .single(let options), .multiple(let options, _), .rank(let options, _):
            rows = options.map { option in (option.value, languages.map { option.label.text(in: $0) }) }
        case .scale(let minimum, let maximum, let low, let high):
            rows = (minimum...maximum).map { point in
                let label = point == minimum ? low : point == maximum ? high : nil
                return (String(point), languages.map { label?.text(in: $0) ?? "" })
            }
        case .yesNo:
            let phrases = Phrasebook(survey: survey)
            rows = [
                ("yes", languages.map { phrases.text(.yes, in: $0) }),
                ("no", languages.map { phrases.text(.no, in: $0) }),
            ]
        case .number(let minimum, let maximum, let decimals):
            let range = [minimum.map { "≥ \(Answer.format($0))" }, maximum.map { "≤ \(Answer.format($0))" }]
            let counted =
                "\(words.rangeLabel): " + (range.compactMap { $0 }.joined(separator: ", "))
                + "; \(words.decimalsLabel): \(decimals)"
            // With both bounds the tables count answers in ranges (see QuestionSlot), whose codes
            // say nothing of where a boundary value goes.
            guard let minimum, let maximum, maximum > minimum else { return ["", counted] }
            return ["", counted, "", words.numberRangesNote]
        case .text, .note:
            return []
        }
        let header = "| \(words.codeLabel) | " + languages.map { "`\($0)`" }.joined(separator: " | ") + " |"
        let rule = "|" + String(repeating: " --- |", count: languages.count + 1)
        return ["", header, rule]
            + rows.map { code, labels in
                "| `\(code)` | " + labels.map(Self.cell).joined(separator: " | ") + " |"
            }
    }

    private var files: [String] {
        var lines = ["## \(words.dataFilesHeading)", ""]
        for file in dataFiles {
            lines += [
                "### `\(file.path)`", "", Self.inline(file.title), "",
                "| \(words.columnLabel) | \(words.typeLabel) | \(words.meaningLabel) |", "| --- | --- | --- |",
            ]
            lines += file.fields.map { field in
                // The description, as datapackage.json gives it, says what a share is of and how its
                // interval is made; its survey texts are under Variables already.
                let meaning = field.description.split(separator: "\n\n", maxSplits: 1).first ?? ""
                return "| `\(field.name)` | \(field.type.rawValue) | \(Self.cell(String(meaning))) |"
            }
            lines.append("")
        }
        return lines
    }

    /// A survey text on one line: organizers wrap long texts in the XML.
    static func inline(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Text for a Markdown table cell, where `|` would end the cell.
    static func cell(_ text: String) -> String {
        inline(text).replacing("|", with: "\\|")
    }
}
