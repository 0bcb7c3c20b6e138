import ChorusCore

/// Titles and descriptions for the data files, their columns and the data package.
extension ReleaseWords {
    /// A survey text in every language of the survey, one per line, each marked with its tag.
    func everyLanguage(_ text: LocalizedText, _ languages: [String]) -> String {
        guard languages.count > 1 else { return Codebook.inline(text.text(in: languages.first ?? language)) }
        return languages.map { "\($0): " + Codebook.inline(text.text(in: $0)) }.joined(separator: "\n")
    }

    func suppressedLabel(_ threshold: Int) -> String {
        spanish
            ? "reservado: menos de \(threshold) personas, o una cifra ocultada para que otra pequeña no pueda deducirse"
            : "withheld: fewer than \(threshold) people, or hidden so that a small number cannot be worked out"
    }

    var notApplicableLabel: String {
        spanish
            ? "no corresponde: un total, el porcentaje de una cifra reservada o un porcentaje que solo se da como límite"
            : "not applicable: a total, the share of a withheld count, or a share given only as a bound"
    }

    func tableTitle(_ table: FindingsTable) -> String {
        let prompt = table.title.map(text).map(Codebook.inline) ?? ""
        switch table.kind {
        case .reach:
            let by = table.dimensions.first.map { title(of: $0, in: table).lowercased() } ?? ""
            return spanish ? "Respuestas por \(by)" : "Responses by \(by)"
        case .question: return prompt
        case .breakdown, .positions: return "\(prompt) — \(tableHeading(table))"
        }
    }

    /// A breakdown's or a positions table's heading under its question.
    func tableHeading(_ table: FindingsTable) -> String {
        if table.kind == .positions { return spanish ? "Lugar que le dieron" : "Place given" }
        let by = table.dimensions.first.map { Codebook.inline(title(of: $0, in: table)) } ?? ""
        return spanish ? "Según: \(by)" : "By: \(by)"
    }

    func tableDescription(_ table: FindingsTable) -> String {
        let question = table.questionID.map { "`\($0)`" } ?? ""
        switch table.kind {
        case .reach:
            return spanish
                ? "Cuántas personas respondieron, por \(title(of: table.dimensions[0], in: table).lowercased())."
                : "How many people responded, by \(title(of: table.dimensions[0], in: table).lowercased())."
        case .question:
            return spanish
                ? "Las respuestas a la pregunta \(question): cuántas personas dieron cada respuesta."
                : "The answers to question \(question): how many respondents gave each answer."
        case .breakdown:
            return spanish
                ? "Las respuestas a la pregunta \(question), por grupo."
                : "The answers to question \(question), by group."
        case .positions:
            return spanish
                ? "Para la pregunta \(question), cuántas personas pusieron cada opción en cada lugar."
                : "For question \(question), how many respondents put each option in each place."
        }
    }

    func dimensionDescription(_ dimension: FindingsDimension, questionID: String?) -> String {
        let total =
            spanish
            ? " `total`: todas las personas a lo largo de esta dimensión." : " `total`: everyone along this dimension."
        let missing =
            dimension.values.contains { $0.role == .missing }
            ? (spanish ? " `missing`: sin respuesta o sin valor." : " `missing`: no answer, or no value.") : ""
        let what: String
        switch dimension.kind {
        case .answer:
            what =
                spanish
                ? "La respuesta a la pregunta `\(questionID ?? "")`, por su código (ver categories y codebook.md)."
                : "The answer to question `\(questionID ?? "")`, by its code (see categories and codebook.md)."
        case .group:
            what =
                spanish
                ? "El grupo, según la respuesta a la pregunta `\(dimension.id)`."
                : "The group, by the answer to question `\(dimension.id)`."
        case .channel:
            what = spanish ? "Cómo llegó la respuesta: `kiosk` o `sms`." : "How the response came in: `kiosk` or `sms`."
        case .site:
            what =
                spanish
                ? "El lugar para el que se abrió el quiosco." : "The site the kiosk was started for."
        case .language:
            what = spanish ? "El idioma en que la persona terminó." : "The language the respondent finished in."
        case .position:
            what =
                spanish
                ? "El lugar en el orden de la persona; 1 es el primero."
                : "The place in the respondent's order; 1 is first."
        }
        return what + missing + (dimension.values.contains { $0.role == .total } ? total : "")
    }

    /// What a share in a table with these dimension columns is a share of.
    func shareBase(columns: [String]) -> String {
        guard let last = columns.last else { return "" }
        if columns.count == 1 {
            return spanish ? "de la fila cuyo `\(last)` es `total`" : "of the row whose `\(last)` is `total`"
        }
        let same = columns.dropLast().map { "`\($0)`" }.joined(separator: ", ")
        return spanish
            ? "de la fila con el mismo \(same) y `total` como `\(last)`"
            : "of the row with the same \(same) and `total` as `\(last)`"
    }

    var respondentsTitle: String { spanish ? "Personas" : "Respondents" }
    var countDescription: String {
        spanish
            ? "Cuántas personas. Cada cifra publicada es 0 o al menos el umbral; `SUPPRESSED` si está reservada."
            : "How many respondents. Every published count is 0 or at least the threshold; `SUPPRESSED` when withheld."
    }
    var percentTitle: String { spanish ? "Porcentaje" : "Percent" }
    func percentDescription(_ base: String) -> String {
        spanish
            ? "La cifra como porcentaje \(base), con dos decimales; calculado solo con cifras publicadas."
            : "The count as a percentage \(base), to two decimals; computed from published counts only."
    }
    var lowerTitle: String { spanish ? "Intervalo del 95%: mínimo" : "95% interval: lower" }
    var upperTitle: String { spanish ? "Intervalo del 95%: máximo" : "95% interval: upper" }
    var lowerDescription: String { intervalDescription(spanish ? "inferior" : "lower") }
    var upperDescription: String { intervalDescription(spanish ? "superior" : "upper") }

    private func intervalDescription(_ end: String) -> String {
        spanish
            ? "Extremo \(end) del intervalo de Wilson al 95% del porcentaje, en porcentaje. Las personas eligieron "
                + "participar: no es un margen de error para toda la población."
            : "The \(end) end of the percentage's Wilson score 95% interval, in percent. Respondents chose to take "
                + "part: it is not a margin of error for the whole population."
    }

    var coarsenedTitle: String { spanish ? "Porcentaje como límite" : "Percent as a bound" }
    var coarsenedDescription: String {
        spanish
            ? "En un grupo pequeño, un 0% o un 100% se da solo como límite, por ejemplo `<5.00` o `>95.00`; "
                + "entonces `percent` y el intervalo quedan vacíos."
            : "In a small group, a 0% or 100% is given only as a bound such as `<5.00` or `>95.00`; `percent` and "
                + "its interval are then empty."
    }

    func packageTitle(_ title: String, month: String) -> String {
        spanish ? "\(title): resultados, \(month)" : "\(title): findings, \(month)"
    }

    func packageDescription(_ release: FindingsRelease) -> String {
        let period = release.period.map { "\($0.first)–\($0.last)" } ?? "—"
        return spanish
            ? "Resultados agregados y anonimizados de la encuesta `\(release.surveyID)`, versión "
                + "\(release.surveyVersion), respuestas de \(period). Solo totales: cada cifra es 0 o al menos "
                + "\(release.threshold.minimumCount). Las personas eligieron participar; no es una muestra aleatoria. "
                + "Ver codebook.md y disclosure-log.json."
            : "Aggregated, anonymized findings of survey `\(release.surveyID)`, version \(release.surveyVersion), "
                + "responses from \(period). Totals only: every count is 0 or at least "
                + "\(release.threshold.minimumCount). Respondents self-selected; this is not a random sample. "
                + "See codebook.md and disclosure-log.json."
    }

    var findingsTitle: String { spanish ? "Todos los resultados en JSON" : "Every finding, as JSON" }
    var findingsDescription: String {
        spanish
            ? "Las mismas tablas y prioridades que los archivos CSV, con sus dimensiones y textos en cada idioma."
            : "The same tables and priorities as the CSV files, with their dimensions and texts in every language."
    }
    var codebookDocumentTitle: String { spanish ? "Libro de códigos" : "Codebook" }
    var codebookDescription: String {
        spanish
            ? "Cada pregunta como se hizo, en cada idioma, con sus códigos, cuándo se hace y cómo se protege."
            : "Every question as asked, in every language, with its codes, when it is asked and how it is protected."
    }
    var disclosureLogTitle: String { spanish ? "Registro de control de divulgación" : "Disclosure log" }
    var disclosureLogDescription: String {
        spanish
            ? "Umbral, método, cuántas cifras se reservaron y versión de la herramienta; nada derivado de una persona."
            : "Threshold, method, how many counts were withheld and the tool version; nothing derived from a respondent."
    }
    var reportTitle: String { spanish ? "Informe para la comunidad" : "Report for the community" }
    var reportDescription: String {
        spanish
            ? "Un solo archivo HTML, sin scripts ni recursos externos, para leer en el teléfono o imprimir."
            : "One HTML file with no scripts or external resources, to read on a phone or print."
    }
}
