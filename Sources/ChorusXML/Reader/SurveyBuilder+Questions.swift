import ChorusCore

extension SurveyBuilder {
    /// Attributes that only some question types take; anything else on a question is common to all.
    static let typeAttributes: [String: Set<String>] = [
        "single": [], "multiple": ["max"], "rank": ["picks"], "scale": ["min", "max"],
        "number": ["min", "max", "decimals"], "yes-no": [], "text": ["max-length"], "note": [],
    ]
    static let specificAttributes: Set<String> = ["min", "max", "picks", "decimals", "max-length"]
    /// Wider scales stop being readable on a kiosk screen or as a numbered SMS list.
    static let maximumScalePoints = 11

    mutating func question(_ element: XMLElement) -> Question? {
        let id = identifier(element, "id", what: "question id")
        let type = element.attribute("type") ?? ""
        guard let allowed = Self.typeAttributes[type] else {
            let known = Self.typeAttributes.keys.sorted().joined(separator: ", ")
            report(element, "type", "unknown question type '\(type)'; use one of \(known)")
            return nil
        }
        for (name, _) in element.attributes where Self.specificAttributes.contains(name) && !allowed.contains(name) {
            report(element, name, "attribute \(name) does not apply to a \(type) question")
        }
        let what = "question '\(id ?? "?")'"
        let prompt = text("prompt", of: element, what: "prompt of \(what)")
        let hint = optionalText("hint", of: element, what: "hint of \(what)")
        let kind = kind(type, element, what: what)
        let isNote = type == "note"
        if isNote, let hint = element.children(named: "hint").first {
            report(hint, "a note has no hint; put all of its text in the prompt")
        }
        if isNote, element.attribute("required") != nil {
            report(element, "required", "a note has nothing to answer, so it cannot be required")
        }
        let isQuasiIdentifier = boolean(element, "quasi-identifier")
        if isQuasiIdentifier, !["single", "yes-no", "scale"].contains(type) {
            let advice =
                type == "number"
                ? "an exact number can single a person out; ask a single-choice question with bands (18-24, 25-34, …)"
                : "only single-choice, yes-no and scale questions can be used for breakdowns"
            report(element, "quasi-identifier", "a \(type) question cannot be a quasi-identifier: \(advice)")
        }
        if !isNote, element.children(named: "min-label").isEmpty == false, type != "scale" {
            report(element.children(named: "min-label")[0], "min-label and max-label belong to scale questions only")
        }
        let constraints = element.children(named: "constraint").compactMap { child in
            constraint(child, what: what, isNote: isNote)
        }
        guard let id, let kind else { return nil }
        return Question(
            id: id,
            kind: kind,
            prompt: prompt,
            hint: hint,
            isRequired: boolean(element, "required"),
            isQuasiIdentifier: isQuasiIdentifier,
            showIf: expression(element, "show-if"),
            constraints: constraints
        )
    }

    private mutating func kind(_ type: String, _ element: XMLElement, what: String) -> QuestionKind? {
        let optionElements = element.children(named: "option")
        let isChoice = ["single", "multiple", "rank"].contains(type)
        if !isChoice, let first = optionElements.first {
            report(first, "a \(type) question has no options; options belong to single, multiple and rank questions")
        }
        let options = isChoice ? self.options(optionElements, parent: element, what: what) : []
        switch type {
        case "single":
            return .single(options: options)
        case "multiple":
            let maximum = integer(element, "max", in: 1...max(1, options.count), what: "max")
            return .multiple(options: options, maximum: maximum)
        case "rank":
            guard element.attribute("picks") != nil else {
                report(element, "type", "a rank question needs picks, the number of options to rank, e.g. picks=\"3\"")
                return nil
            }
            guard let picks = integer(element, "picks", in: 1...Int(Int32.max), what: "picks") else { return nil }
            if picks > options.count, !options.isEmpty {
                report(element, "picks", "picks=\"\(picks)\" is more than the \(options.count) options of \(what)")
            }
            return .rank(options: options, picks: picks)
        case "scale":
            return scale(element, what: what)
        case "number":
            let minimum = number(element, "min", what: "min")
            let maximum = number(element, "max", what: "max")
            if let minimum, let maximum, minimum >= maximum {
                report(
                    element, "max", "max \(Answer.format(maximum)) must be greater than min \(Answer.format(minimum))")
            }
            let decimals =
                element.attribute("decimals") == nil ? 0 : integer(element, "decimals", in: 0...6, what: "decimals")
            return .number(minimum: minimum, maximum: maximum, decimals: decimals ?? 0)
        case "yes-no":
            return .yesNo
        case "text":
            let length =
                element.attribute("max-length") == nil
                ? 480 : integer(element, "max-length", in: 1...4000, what: "max-length")
            return .text(maximumLength: length ?? 480)
        default:
            return .note
        }
    }

    private mutating func scale(_ element: XMLElement, what: String) -> QuestionKind? {
        for name in ["min", "max"] where element.attribute(name) == nil {
            report(element, "type", "a scale question needs \(name), e.g. min=\"1\" max=\"5\"")
        }
        let bound = Int(Int32.max)
        let minimum = integer(element, "min", in: -bound...bound, what: "min")
        let maximum = integer(element, "max", in: -bound...bound, what: "max")
        let minimumLabel = text("min-label", of: element, what: "min-label of \(what)")
        let maximumLabel = text("max-label", of: element, what: "max-label of \(what)")
        guard let minimum, let maximum else { return nil }
        if minimum >= maximum {
            report(element, "max", "max \(maximum) must be greater than min \(minimum)")
            return nil
        }
        if maximum - minimum + 1 > Self.maximumScalePoints {
            report(
                element, "max",
                "a scale from \(minimum) to \(maximum) has \(maximum - minimum + 1) points; use at most \(Self.maximumScalePoints)"
            )
        }
        return .scale(minimum: minimum, maximum: maximum, minimumLabel: minimumLabel, maximumLabel: maximumLabel)
    }

    private mutating func options(
        _ elements: [XMLElement], parent: XMLElement, what: String
    ) -> [Option] {
        if elements.count < 2 {
            report(
                parent, "type",
                "\(what) has \(elements.count == 0 ? "no options" : "only one option"); a choice needs at least two")
        }
        var result: [Option] = []
        for element in elements {
            let value = element.attribute("value") ?? ""
            if value.isEmpty || value.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                report(element, "value", "option value '\(value)' must be one word without spaces")
            } else if result.contains(where: { $0.value == value }) {
                report(element, "value", "duplicate option value '\(value)' in \(what)")
            }
            let label = text("label", of: element, what: "label of option '\(value)'")
            result.append(Option(value: value, label: label))
        }
        return result
    }

    private mutating func constraint(
        _ element: XMLElement, what: String, isNote: Bool
    ) -> Constraint? {
        if isNote { report(element, "a note has no answer to constrain") }
        let message = text("message", of: element, what: "constraint message of \(what)")
        guard let test = expression(element, "test") else { return nil }
        return Constraint(test: test, message: message)
    }

    /// Parses an expression attribute, reporting a parse error at its exact character.
    mutating func expression(_ element: XMLElement, _ attribute: String) -> Expression? {
        guard let source = element.attribute(attribute) else { return nil }
        do {
            return try Expression(parsing: source)
        } catch {
            problems.append((element.index, attribute, error.offset, "in \(attribute): \(error.message)"))
            return nil
        }
    }
}
