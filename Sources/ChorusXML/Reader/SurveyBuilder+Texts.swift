import ChorusCore

extension SurveyBuilder {
    /// One text from its per-language elements: each declared language exactly once, none other.
    mutating func text(
        _ elements: [XMLElement], parent: XMLElement, what: @autoclosure () -> String, everyLanguage: Bool = true
    ) -> LocalizedText {
        var translations: [String: String] = [:]
        for element in elements {
            guard let language = element.attribute("xml:lang") else { continue }
            if !languages.contains(language) {
                let declared = languages.joined(separator: ", ")
                report(
                    element, "xml:lang",
                    "\(what()) in '\(language)', which the survey does not declare (it declares \(declared))")
            } else if translations[language] != nil {
                report(element, "xml:lang", "second '\(language)' text for \(what())")
            }
            let normalized = Self.normalize(element.text)
            if normalized.isEmpty { report(element, "empty '\(language)' text for \(what())") }
            if translations[language] == nil { translations[language] = normalized }
        }
        let missing = languages.filter { translations[$0] == nil }
        if elements.isEmpty {
            report(parent, "\(what()) is missing; give one for each language (\(languages.joined(separator: ", ")))")
        } else if !missing.isEmpty, everyLanguage {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            report(elements.first ?? parent, "\(what()) has no \(list) text")
        }
        return LocalizedText(translations)
    }

    /// Like ``text(_:parent:what:everyLanguage:)`` for texts a survey may leave out altogether.
    mutating func optionalText(_ elements: [XMLElement], what: @autoclosure () -> String) -> LocalizedText? {
        guard let first = elements.first else { return nil }
        return text(elements, parent: first, what: what())
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
