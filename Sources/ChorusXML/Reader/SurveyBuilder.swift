import ChorusCore

/// Turns a schema-valid element tree into a ``Survey``, checking every value the schema leaves
/// as text, and finding where each part came from when a later check needs to point at it.
struct SurveyBuilder {
    /// Problems found, each on an element or attribute; `offset` counts characters into an
    /// attribute's value, for expression errors.
    var problems: [(element: Int, attribute: String?, offset: Int?, message: String)] = []
    var languages: [String] = []
    /// Whether `languages` lost a tag that is not one, or is empty.
    private(set) var languagesAreBroken = false
    /// Texts in a language not declared, and texts missing a declared one, by language, reported
    /// together by ``reportLanguages()``.
    var undeclared: [LanguageTexts] = []
    var untranslated: [LanguageTexts] = []
    /// The root of the tree last built, and the element of each question that made it into the
    /// survey, so that ``anchor(for:)`` can find where a ``SurveyLocation`` was written.
    private(set) var root: XMLElement?
    private(set) var questionElements: [XMLElement] = []
    /// The ids of questions too broken to build, whose own problems are reported already: a
    /// reference to one is not "unknown" too.
    private(set) var unbuiltQuestionIDs: Set<String> = []
    /// The elements reported as missing a text they require, such as a survey without
    /// `<consent>`: the schema's complaint about the next child in order follows from it.
    var missingTextIn: Set<Int> = []
    /// For each element with a child of an unknown name, the known names those children seem
    /// misspellings of, as `<promt>` for `<prompt>`: set by the reader before building.
    var misspelledIn: [Int: Set<String>] = [:]

    mutating func report(_ element: XMLElement, _ attribute: String?, _ message: String) {
        problems.append((element.index, attribute, nil, message))
    }

    mutating func report(_ element: XMLElement, _ message: String) {
        report(element, nil, message)
    }

    /// Builds the survey; nil when its own attributes are too broken to go on.
    mutating func build(_ root: XMLElement) -> Survey? {
        self.root = root
        let id = identifier(root, "id", what: "survey id") ?? ""
        let version = integer(root, "version", in: 1...Int(Int32.max), what: "version") ?? 1
        languages = parseLanguages(root)
        let keyword = root.attribute("sms-keyword").flatMap { keyword -> String? in
            guard !keyword.isEmpty, keyword.unicodeScalars.allSatisfy({ $0.isASCIILetterOrDigit }) else {
                report(root, "sms-keyword", "sms-keyword '\(keyword)' must be letters and digits only, e.g. SAFE")
                return nil
            }
            guard !Self.reservedKeywords.contains(keyword.uppercased()) else {
                report(
                    root, "sms-keyword", "sms-keyword '\(keyword)' is reserved by SMS carriers for opting out or help")
                return nil
            }
            return keyword.uppercased()
        }
        let title = text("title", of: root, what: "title")
        let intro = optionalText("intro", of: root, what: "intro")
        let consent = text("consent", of: root, what: "consent")
        let closing = optionalText("closing", of: root, what: "closing")
        var questions: [Question] = []
        var seen: [String: Int] = [:]
        for element in root.children(named: "question") {
            let index = questions.count
            guard let question = question(element) else {
                if let id = element.attribute("id") { unbuiltQuestionIDs.insert(id) }
                continue
            }
            if let first = seen[question.id] {
                report(element, "id", "duplicate question id '\(question.id)'; question \(first + 1) already uses it")
            }
            seen[question.id, default: index] = seen[question.id] ?? index
            questions.append(question)
            questionElements.append(element)
        }
        let survey = Survey(
            id: id,
            version: version,
            languages: languages,
            smsKeyword: keyword,
            title: title,
            intro: intro,
            consent: consent,
            closing: closing,
            questions: questions,
            phrases: phrases(root.children(named: "phrase"))
        )
        reportLanguages()
        return survey
    }

    private mutating func parseLanguages(_ root: XMLElement) -> [String] {
        let tags = (root.attribute("languages") ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
        if tags.isEmpty {
            languagesAreBroken = true
            report(root, "languages", "languages is empty; list the survey's languages, e.g. \"en es\"")
        }
        var result: [String] = []
        for tag in tags {
            if !Self.isLanguageTag(tag) {
                languagesAreBroken = true
                report(root, "languages", "'\(tag)' is not a language tag such as en, es or pt-BR")
            } else if result.contains(tag) {
                report(root, "languages", "language '\(tag)' is listed twice")
            } else {
                result.append(tag)
            }
        }
        return result
    }

    private mutating func phrases(_ elements: [XMLElement]) -> [String: LocalizedText] {
        var byKey: [String: [XMLElement]] = [:]
        var order: [String] = []
        for element in elements {
            let key = element.attribute("key") ?? ""
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(element)
        }
        var result: [String: LocalizedText] = [:]
        for key in order {
            let group = byKey[key]!
            // A phrase overrides Chorus's wording in the languages it is given in, and only those.
            result[key] = text(group, parent: group[0], what: "phrase '\(key)'", everyLanguage: false)
        }
        return result
    }

    // MARK: Values

    mutating func identifier(_ element: XMLElement, _ attribute: String, what: String) -> String? {
        guard let value = element.attribute(attribute) else { return nil }
        guard Self.isIdentifier(value) else {
            report(
                element, attribute,
                "\(what) '\(value)' must start with a letter and contain only letters, digits, '-' and '_'")
            return nil
        }
        if ["and", "or", "div", "mod"].contains(value) {
            report(element, attribute, "\(what) '\(value)' is an operator in expressions; choose another")
            return nil
        }
        return value
    }

    mutating func integer(_ element: XMLElement, _ attribute: String, in range: ClosedRange<Int>, what: String) -> Int?
    {
        guard let raw = element.attribute(attribute) else { return nil }
        guard let value = Int(raw.trimmingWhitespace), range.contains(value) else {
            let bounds =
                range.upperBound >= Int(Int32.max)
                ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            report(element, attribute, "\(what) '\(raw)' must be a whole number \(bounds)")
            return nil
        }
        return value
    }

    mutating func number(_ element: XMLElement, _ attribute: String, what: String) -> Double? {
        guard let raw = element.attribute(attribute) else { return nil }
        guard let value = Double(raw.trimmingWhitespace), value.isFinite else {
            report(element, attribute, "\(what) '\(raw)' is not a number")
            return nil
        }
        return value
    }

    mutating func boolean(_ element: XMLElement, _ attribute: String) -> Bool {
        guard let raw = element.attribute(attribute) else { return false }
        switch raw.trimmingWhitespace {
        case "true": return true
        case "false": return false
        default:
            report(element, attribute, "\(attribute) must be true or false, not '\(raw)'")
            return false
        }
    }

    /// Words carriers and gateways act on themselves (opt-out, opt-in, help), never a survey's.
    static let reservedKeywords: Set<String> = [
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "START", "UNSTOP", "HELP",
        "INFO", "BACK", "SKIP",
    ]

    static func isIdentifier(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, first.isASCIILetter else { return false }
        return value.unicodeScalars.allSatisfy { $0.isASCIILetterOrDigit || $0 == "-" || $0 == "_" }
    }

    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
            primary.unicodeScalars.allSatisfy(\.isASCIILetter)
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy(\.isASCIILetterOrDigit)
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIILetterOrDigit: Bool { isASCIILetter || ("0"..."9").contains(self) }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        // Nearly every value has nothing to trim, and looking at both ends is far cheaper than
        // reversing it twice.
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return String(self) }
        return String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
