import ChorusCore
import ChorusWebhook

/// A survey as readable text in one language, logic included, for an organizer to review with a
/// partner who will never read XML.
struct SurveyPreview {
    let survey: Survey
    let language: String
    /// Whether each step says how many texts it is sent as by text message.
    var showsTexts = false
    var width = 78

    private var words: PreviewWords { PreviewWords(language: language) }

    func render() -> String {
        var lines: [String] = []
        let title = survey.title.text(in: language)
        lines += [title, String(repeating: "=", count: title.count)]
        var facts = [
            "\(words.survey) \(survey.id), \(words.version) \(survey.version)",
            "\(words.languages): \(survey.languages.joined(separator: ", "))",
        ]
        if let keyword = survey.smsKeyword { facts.append("\(words.smsKeyword): \(keyword)") }
        lines += wrap(facts.joined(separator: " · "), indent: "")
        let cost = showsTexts ? SMSCost(survey: survey, language: language) : nil
        if let cost { lines += wrap("\(words.textsInAll): \(words.count(cost.total))", indent: "") }
        lines.append("")
        if let intro = survey.intro { lines += section(words.introduction, intro) }
        lines += section(words.consent, survey.consent, texts: cost.map { (words.textsForConsent, $0.consent) })
        var number = 0
        for (index, question) in survey.questions.enumerated() {
            if question.kind == .note {
                lines += note(question)
            } else {
                number += 1
                let follows = index > 0 && survey.questions[index - 1].kind == .note
                let texts = cost.map { (follows ? words.textsWithNote : words.texts, $0.question(at: index)) }
                lines += self.question(question, number: number, texts: texts)
            }
        }
        if let closing = survey.closing {
            lines += section(words.closing, closing, texts: cost.map { (words.textsForClosing, $0.closing) })
        } else if let cost {
            // The thanks are sent all the same.
            lines += [words.closing] + texts((words.textsForThanks, cost.closing), indent: "  ") + [""]
        }
        return lines.joined(separator: "\n")
    }

    private func section(_ heading: String, _ text: LocalizedText, texts: (String, SMSCost.Texts)? = nil) -> [String] {
        [heading] + wrap(text.text(in: language), indent: "  ") + (texts.map { self.texts($0, indent: "  ") } ?? [])
            + [""]
    }

    /// What a step costs by text message, after `lead` ("By text").
    private func texts(_ texts: (lead: String, cost: SMSCost.Texts), indent: String) -> [String] {
        wrap("\(texts.lead): \(words.describe(texts.cost))", indent: indent)
    }

    private func note(_ question: Question) -> [String] {
        var lines = ["[\(words.note) \(question.id)]"]
        if let showIf = question.showIf {
            lines += wrap("\(words.shownIf): \(showIf.explained(language: language))", indent: "  ")
        }
        lines += wrap(question.prompt.text(in: language), indent: "  ")
        return lines + [""]
    }

    private func question(_ question: Question, number: Int, texts: (String, SMSCost.Texts)?) -> [String] {
        let prefix = "\(number). "
        var lines = wrap(question.prompt.text(in: language), indent: String(repeating: " ", count: prefix.count))
        lines[0] = prefix + lines[0].dropFirst(prefix.count)
        let indent = String(repeating: " ", count: prefix.count)
        var facts = [
            words.describe(question.kind, language: language), question.isRequired ? words.required : words.optional,
        ]
        if question.isQuasiIdentifier { facts.append(words.breakdowns) }
        lines += wrap("\(facts.joined(separator: " · ")) · [\(question.id)]", indent: indent)
        if let hint = question.hint { lines += wrap("\(words.hint): \(hint.text(in: language))", indent: indent) }
        if let showIf = question.showIf {
            lines += wrap("\(words.shownIf): \(showIf.explained(language: language))", indent: indent)
        }
        for constraint in question.constraints {
            let rule = "\(words.mustHold): \(constraint.test.explained(language: language))"
            lines += wrap("\(rule) — \(Self.quoted(constraint.message.text(in: language)))", indent: indent)
        }
        for (position, option) in question.kind.options.enumerated() {
            let marker = "\(position + 1)) "
            lines += wrap(
                "\(marker)\(option.label.text(in: language)) [\(option.value)]", indent: indent + "  ",
                hanging: String(repeating: " ", count: marker.count))
        }
        if let texts { lines += self.texts(texts, indent: indent) }
        return lines + [""]
    }

    /// A respondent's message in quotation marks, unless it starts with its own, as in “Nothing”
    /// can't be chosen with a change.
    private static func quoted(_ message: String) -> String {
        guard let first = message.first, !"“\"«„‘'".contains(first) else { return message }
        return "“\(message)”"
    }

    /// Wraps each paragraph of `text` at ``width`` columns between words, a blank line between
    /// paragraphs, continuation lines indented by `hanging` more.
    private func wrap(_ text: String, indent: String, hanging: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n") {
            if !lines.isEmpty { lines.append("") }
            var line = indent
            var lineIndent = indent
            for word in paragraph.split(separator: " ") {
                if line.count > lineIndent.count, line.count + 1 + word.count > width {
                    lines.append(line)
                    lineIndent = indent + hanging
                    line = lineIndent
                }
                line += (line.count > lineIndent.count ? " " : "") + word
            }
            lines.append(line)
        }
        return lines.isEmpty ? [indent] : lines
    }
}
