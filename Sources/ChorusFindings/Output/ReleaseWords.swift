import ChorusCore

/// The words a release's files put around the survey's own texts, in English or Spanish; other
/// languages get English words around their own survey texts, as `chorus preview` does.
struct ReleaseWords {
    /// The language of the survey texts: the one asked for, even when the words are English.
    let language: String
    let spanish: Bool

    init(language: String) {
        self.language = language
        spanish = language == "es" || language.hasPrefix("es-")
    }

    /// The survey's text in this language.
    func text(_ text: LocalizedText) -> String { text.text(in: language) }

    // MARK: Dimensions and their values

    func title(of dimension: FindingsDimension, in table: FindingsTable) -> String {
        switch dimension.kind {
        case .answer: table.title.map(text) ?? (spanish ? "Respuesta" : "Answer")
        case .group: dimension.title.map(text) ?? dimension.id
        case .channel: spanish ? "Canal" : "Channel"
        case .site: spanish ? "Lugar" : "Site"
        case .language: spanish ? "Idioma" : "Language"
        case .position: spanish ? "Lugar en el orden" : "Place in the ranking"
        }
    }

    func label(of value: FindingsDimensionValue, in dimension: FindingsDimension) -> String {
        if let label = value.label { return text(label) }
        switch value.role {
        case .total: return total
        case .missing:
            switch dimension.kind {
            case .site:
                return spanish
                    ? "Sin lugar (mensajes de texto y quioscos sin lugar)"
                    : "No site (text messages, kiosks without one)"
            case .language: return spanish ? "Otro idioma" : "Another language"
            default: return spanish ? "Sin respuesta" : "No answer"
            }
        case .category:
            switch dimension.kind {
            case .channel: return channel(value.code)
            case .language: return languageName(value.code)
            case .position: return spanish ? "Lugar \(value.code)" : "Place \(value.code)"
            default: return value.code
            }
        }
    }

    func channel(_ code: String) -> String {
        switch code {
        case "kiosk": spanish ? "Quiosco" : "Kiosk"
        case "sms": spanish ? "Mensaje de texto" : "Text message"
        default: code
        }
    }

    func languageName(_ tag: String) -> String {
        switch tag {
        case "en": spanish ? "Inglés" : "English"
        case "es": spanish ? "Español" : "Spanish"
        default: tag
        }
    }

    /// The same word in English and Spanish.
    var total: String { "Total" }

    /// "a, b and c", with `conjunction` before the last.
    func list(_ items: [String], _ conjunction: String) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }

    // MARK: Counts and shares

    /// A count with thousands separators, as US English and US Spanish both write it.
    func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A proportion as a whole percentage, or with one decimal below 1% so a small share is not shown as 0%.
    func percent(_ proportion: Double) -> String {
        let value = proportion * 100
        let digits =
            value > 0 && value < 0.95 ? FixedPoint.format(value, decimals: 1) : FixedPoint.format(value, decimals: 0)
        return digits + "%"
    }

    /// How a published share reads: `42%`, or `under 5%` when it is coarsened.
    func share(_ share: PublishedShare) -> String {
        switch share.display {
        case .exact: percent(share.proportion)
        case .below(let bound): (spanish ? "menos de " : "under ") + percent(bound)
        case .above(let bound): (spanish ? "más de " : "over ") + percent(bound)
        }
    }

    /// The Wilson interval of an exact share, `38–46%`; with a decimal, `46.7–47.3%`, when whole
    /// percentages would make a narrow interval look like none.
    func interval(_ share: PublishedShare) -> String? {
        guard case .exact = share.display else { return nil }
        var decimals = 0
        while decimals < 2,
            FixedPoint.format(share.lower * 100, decimals: decimals)
                == FixedPoint.format(share.upper * 100, decimals: decimals)
        {
            decimals += 1
        }
        let lower = FixedPoint.format(share.lower * 100, decimals: decimals)
        return "\(lower)–\(FixedPoint.format(share.upper * 100, decimals: decimals))%"
    }

    var withheld: String { spanish ? "reservado" : "withheld" }

    // MARK: Question kinds

    func describe(_ kind: QuestionKind) -> String {
        switch kind {
        case .single: return spanish ? "una opción" : "one choice"
        case .multiple(_, let maximum?): return spanish ? "hasta \(maximum) opciones" : "up to \(maximum) choices"
        case .multiple: return spanish ? "varias opciones" : "any number of choices"
        case .rank(_, let picks): return spanish ? "ordenar las \(picks) principales" : "rank the top \(picks)"
        case .scale(let minimum, let maximum, _, _):
            return spanish ? "escala de \(minimum) a \(maximum)" : "scale from \(minimum) to \(maximum)"
        case .number: return spanish ? "número" : "number"
        case .yesNo: return spanish ? "sí o no" : "yes or no"
        case .text(let length):
            return spanish ? "texto libre, hasta \(length) caracteres" : "free text, up to \(length) characters"
        case .note: return spanish ? "nota (sin respuesta)" : "note (nothing to answer)"
        }
    }
}
