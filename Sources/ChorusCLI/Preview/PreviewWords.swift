import ChorusCore
import ChorusWebhook

/// The preview's own words in English and Spanish; other survey languages get English framing
/// around the survey's own texts.
struct PreviewWords {
    let spanish: Bool

    init(language: String) {
        spanish = language == "es" || language.hasPrefix("es-")
    }

    var survey: String { spanish ? "Encuesta" : "Survey" }
    var version: String { spanish ? "versión" : "version" }
    var languages: String { spanish ? "Idiomas" : "Languages" }
    var smsKeyword: String { spanish ? "Palabra clave SMS" : "SMS keyword" }
    var introduction: String { spanish ? "Introducción" : "Introduction" }
    var consent: String { spanish ? "Consentimiento" : "Consent" }
    var closing: String { spanish ? "Cierre" : "Closing" }
    var note: String { spanish ? "Nota" : "Note" }
    var hint: String { spanish ? "Ayuda" : "Hint" }
    var shownIf: String { spanish ? "Se muestra si" : "Shown if" }
    var mustHold: String { spanish ? "Debe cumplirse" : "Must hold" }
    var required: String { spanish ? "obligatoria" : "required" }
    var optional: String { spanish ? "opcional" : "optional" }
    var breakdowns: String { spanish ? "se usa para desgloses" : "used for breakdowns" }
    var texts: String { spanish ? "Por SMS" : "By text" }
    var textsWithNote: String { spanish ? "Por SMS, con la nota anterior" : "By text, with the note before it" }
    var textsForConsent: String {
        spanish ? "Por SMS, del título al consentimiento" : "By text, from the title to the consent"
    }
    var textsForClosing: String {
        spanish ? "Por SMS, el agradecimiento y el cierre" : "By text, the thanks and closing"
    }
    var textsForThanks: String { spanish ? "Por SMS, el agradecimiento" : "By text, the thanks" }

    var textsInAll: String {
        spanish
            ? "Por SMS, de principio a fin, con todas las preguntas"
            : "By text, from start to end, with every question"
    }

    /// "3 texts".
    func count(_ texts: Int) -> String {
        spanish ? "\(texts) \(texts == 1 ? "mensaje" : "mensajes")" : "\(texts) \(texts == 1 ? "text" : "texts")"
    }

    /// "3 texts (á, í: 70 characters a text instead of 160)": how many, and what makes them short.
    func describe(_ texts: SMSCost.Texts) -> String {
        let count = count(texts.count)
        guard !texts.unicode.isEmpty else { return count }
        let shown =
            texts.unicode.prefix(8).map(String.init).joined(separator: ", ") + (texts.unicode.count > 8 ? "…" : "")
        return spanish
            ? "\(count) (\(shown): 70 caracteres por mensaje en vez de 160)"
            : "\(count) (\(shown): 70 characters a text instead of 160)"
    }

    func describe(_ kind: QuestionKind, language: String) -> String {
        switch kind {
        case .single: return spanish ? "una opción" : "one choice"
        case .multiple(_, let maximum?): return spanish ? "hasta \(maximum) opciones" : "up to \(maximum) choices"
        case .multiple: return spanish ? "varias opciones" : "any number of choices"
        case .rank(_, let picks): return spanish ? "ordenar las \(picks) principales" : "rank the top \(picks)"
        case .scale(let minimum, let maximum, let low, let high):
            let ends = "\(minimum) = \(low.text(in: language)), \(maximum) = \(high.text(in: language))"
            return spanish
                ? "escala de \(minimum) a \(maximum) (\(ends))" : "scale from \(minimum) to \(maximum) (\(ends))"
        case .number(let minimum, let maximum, let decimals):
            var text = spanish ? "número" : "number"
            if let minimum, let maximum {
                text +=
                    spanish
                    ? " de \(Answer.format(minimum)) a \(Answer.format(maximum))"
                    : " from \(Answer.format(minimum)) to \(Answer.format(maximum))"
            } else if let minimum {
                text += spanish ? " desde \(Answer.format(minimum))" : " from \(Answer.format(minimum))"
            } else if let maximum {
                text += spanish ? " hasta \(Answer.format(maximum))" : " up to \(Answer.format(maximum))"
            }
            if decimals > 0 { text += spanish ? ", \(decimals) decimales" : ", \(decimals) decimals" }
            return text
        case .yesNo: return spanish ? "sí o no" : "yes or no"
        case .text(let length):
            return spanish ? "texto libre, hasta \(length) caracteres" : "free text, up to \(length) characters"
        case .note: return note
        }
    }
}
