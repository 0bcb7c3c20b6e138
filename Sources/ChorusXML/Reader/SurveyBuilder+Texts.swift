import ChorusCore

extension SurveyBuilder {
    /// The texts of one language that share a problem, in order.
    struct LanguageTexts {
        let language: String
        /// Each text's first element, and what the text is, such as "prompt of question 'area'".
        var texts: [(element: XMLElement, what: String)]
    }

    /// The text `parent` gives in its children called `name`.
    mutating func text(_ name: String, of parent: XMLElement, what: @autoclosure () -> String) -> LocalizedText {
        text(parent.children(named: name), parent: parent, what: what(), isMisspelled: isMisspelled(name, in: parent))
    }

    /// Like ``text(_:of:what:)`` for texts a survey may leave out altogether.
    mutating func optionalText(_ name: String, of parent: XMLElement, what: @autoclosure () -> String) -> LocalizedText?
    {
        let elements = parent.children(named: name)
        guard let first = elements.first else { return nil }
        return text(elements, parent: first, what: what(), isMisspelled: isMisspelled(name, in: parent))
    }

    private func isMisspelled(_ name: String, in parent: XMLElement) -> Bool {
        misspelledIn[parent.index]?.contains(name) ?? false
    }

    /// One text from its per-language elements: each declared language exactly once, none other.
    ///
    /// When `isMisspelled`, a sibling's name is a misspelling of this text's, reported already
    /// with the right name: a text or language it seems to lack is that sibling.
    mutating func text(
        _ elements: [XMLElement], parent: XMLElement, what: @autoclosure () -> String, everyLanguage: Bool = true,
        isMisspelled: Bool = false
    ) -> LocalizedText {
        var translations: [String: String] = [:]
        for element in elements {
            guard let language = element.attribute("xml:lang") else { continue }
            if !languages.contains(language) {
                note(&undeclared, language, element, what())
            } else if translations[language] != nil {
                report(element, "xml:lang", "second '\(language)' text for \(what())")
            }
            let normalized = Self.normalize(element.text)
            if normalized.isEmpty { report(element, "empty '\(language)' text for \(what())") }
            if translations[language] == nil { translations[language] = normalized }
        }
        if elements.isEmpty {
            missingTextIn.insert(parent.index)
            if !isMisspelled {
                report(
                    parent, "\(what()) is missing; give one for each language (\(languages.joined(separator: ", ")))")
            }
        } else if everyLanguage, !isMisspelled {
            for language in languages where translations[language] == nil {
                note(&untranslated, language, elements[0], what())
            }
        }
        return LocalizedText(translations)
    }

    /// Reports the texts in a language the survey does not declare, and those missing a language
    /// it does. A few are reported one by one; more, once at the first, since one slip in
    /// `languages` or one language left untranslated would otherwise give an error for every
    /// text of the survey.
    mutating func reportLanguages() {
        // A tag that is not one is reported already, and every text would follow from it.
        guard !languagesAreBroken else { return }
        let declared = languages.joined(separator: ", ")
        for group in undeclared {
            // "ES" for "es": tags are compared as written.
            let meant = languages.first { $0.lowercased() == group.language.lowercased() }.map { "; write '\($0)'" }
            report(group, "xml:lang", more: { "\($0) more texts are in '\(group.language)' too" }) {
                "\($0) in '\(group.language)', which the survey does not declare (it declares \(declared))\(meant ?? "")"
            }
        }
        for group in untranslated {
            report(group, nil, more: { "nor do \($0) more texts" }) { "\($0) has no '\(group.language)' text" }
        }
    }

    /// Reports each text of `group`, or only the first, saying how many more there are, when
    /// there are more than a few.
    private mutating func report(
        _ group: LanguageTexts, _ attribute: String?, more: (Int) -> String, _ message: (String) -> String
    ) {
        let others = group.texts.count - 1
        guard others >= Self.shownOneByOne else {
            for (element, what) in group.texts { report(element, attribute, message(what)) }
            return
        }
        report(group.texts[0].element, attribute, message(group.texts[0].what) + "; " + more(others))
    }

    /// Up to this many texts with one language's problem are reported one by one.
    private static let shownOneByOne = 3

    private func note(_ groups: inout [LanguageTexts], _ language: String, _ element: XMLElement, _ what: String) {
        if let index = groups.firstIndex(where: { $0.language == language }) {
            groups[index].texts.append((element, what))
        } else {
            groups.append(LanguageTexts(language: language, texts: [(element, what)]))
        }
    }

    /// Collapses each run of whitespace to one space; a blank line separates paragraphs.
    ///
    /// Authors indent and wrap texts to suit their editor; residents should see neither.
    static func normalize(_ raw: String) -> String {
        // XML whitespace is exactly these four ASCII bytes, so working on UTF-8 is both correct
        // and far cheaper than Character's Unicode properties (this ran for a third of a parse).
        var raw = raw
        return raw.withUTF8 { input in
            String(unsafeUninitializedCapacity: input.count) { output in
                var count = 0
                var pendingSpace = false
                var newlines = 0
                for byte in input {
                    switch byte {
                    case 0x20, 0x09, 0x0D:
                        pendingSpace = true
                    case 0x0A:
                        pendingSpace = true
                        newlines += 1
                    default:
                        if pendingSpace, count > 0 {
                            output[count] = newlines >= 2 ? 0x0A : 0x20
                            count += 1
                        }
                        pendingSpace = false
                        newlines = 0
                        output[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

}
