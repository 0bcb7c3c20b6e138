/// The report's own sentences.
extension ReleaseWords {
    var reportKicker: String { spanish ? "Resultados de la encuesta comunitaria" : "Community survey findings" }
    var contentsHeading: String { spanish ? "Contenido" : "Contents" }
    var readingHeading: String { spanish ? "Cómo leer estos resultados" : "Reading these results" }

    /// Headings of ``ReportPage/sectionIDs``, in the same order.
    var sectionHeadings: [String] {
        spanish
            ? [
                "Lo que más importa a los vecinos", "Las respuestas, pregunta por pregunta", "Quién respondió y cómo",
                readingHeading, "Respuestas escritas", "Cómo se protege a quienes respondieron", "Sobre esta encuesta",
            ]
            : [
                "What residents said matters most", "Answers, question by question", "Who answered, and how",
                readingHeading, "Written answers", "How respondents are protected", "About this survey",
            ]
    }

    func monthName(_ month: Month) -> String {
        let english = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        let castilian = [
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
            "noviembre", "diciembre",
        ]
        return spanish ? "\(castilian[month.month - 1]) de \(month.year)" : "\(english[month.month - 1]) \(month.year)"
    }

    func reportDates(_ release: FindingsRelease) -> String {
        var parts = [spanish ? "Publicado en \(monthName(release.month))" : "Published \(monthName(release.month))"]
        if let period = release.period {
            parts.append(
                period.first == period.last
                    ? (spanish
                        ? "respuestas de \(monthName(period.first))" : "responses from \(monthName(period.first))")
                    : (spanish
                        ? "respuestas de \(monthName(period.first)) a \(monthName(period.last))"
                        : "responses from \(monthName(period.first)) to \(monthName(period.last))"))
        }
        return parts.joined(separator: " · ")
    }

    func reachSentence(respondents: PublishedCount, byChannel: [(String, PublishedCount)]) -> String {
        guard case .count(let total) = respondents else {
            // Not "too few answered": the count may be withheld to keep an earlier release or
            // another count from being subtracted, and saying which would narrow it down.
            return spanish
                ? "No se publica cuántas personas respondieron, para que nadie pueda ser identificado."
                : "How many residents answered is withheld, so that no one can be singled out."
        }
        let parts = byChannel.compactMap { code, count -> String? in
            guard case .count(let value) = count, value > 0 else { return nil }
            switch code {
            case "kiosk": return spanish ? "\(self.count(value)) en quioscos" : "\(self.count(value)) at kiosks"
            case "sms":
                return spanish ? "\(self.count(value)) por mensaje de texto" : "\(self.count(value)) by text message"
            default: return "\(self.count(value)) \(channel(code))"
            }
        }
        let base = spanish ? "Respondieron \(count(total)) personas" : "\(count(total)) residents answered"
        guard parts.count > 1 else { return base + "." }
        return base + ": " + list(parts, spanish ? "y" : "and") + "."
    }

    var selfSelectedShort: String {
        spanish
            ? "Son las opiniones de quienes decidieron responder, no de una muestra al azar."
            : "These are the views of residents who chose to answer, not of a random sample."
    }

    func shareWithInterval(_ share: PublishedShare) -> String {
        interval(share).map { "\(self.share(share)) (\(intervalWord) \($0))" } ?? self.share(share)
    }

    var intervalWord: String { spanish ? "intervalo del 95%:" : "95% interval" }

    /// A count in a sentence: the number of people, or that it is withheld.
    func people(_ published: PublishedCount) -> String {
        switch published {
        case .suppressed: withheld
        case .count(let value):
            spanish ? "\(count(value)) personas" : "\(count(value)) \(value == 1 ? "person" : "people")"
        }
    }

    func countText(_ published: PublishedCount) -> String {
        published.value.map(count) ?? withheld
    }

    var questionsIntro: String {
        spanish
            ? "Cada porcentaje es de las personas que respondieron esa pregunta. Entre paréntesis, el intervalo "
                + "del 95%: cuanto menos respuestas, más ancho. “—” es una cifra reservada."
            : "Each percentage is of the residents who answered that question. In brackets, its 95% interval: "
                + "the fewer the answers, the wider it is. “—” marks a withheld number."
    }

    func answered(_ total: PublishedCount?) -> String {
        switch total {
        case .count(let value)?: spanish ? "respondieron \(count(value))" : "\(count(value)) answered"
        case .suppressed?: spanish ? "respondieron: \(withheld)" : "answered: \(withheld)"
        case nil: ""
        }
    }

    func askedOnlyIf(_ condition: String) -> String {
        spanish ? "se preguntó solo si \(condition)" : "asked only if \(condition)"
    }

    func gridNote(rows: String) -> String {
        spanish
            ? "Cada porcentaje es de su fila (\(Codebook.inline(rows).lowercased())); debajo, cuántas personas."
            : "Each percentage is of its row (\(Codebook.inline(rows).lowercased())); under it, how many people."
    }

    var reachIntro: String {
        spanish
            ? "Los vecinos respondieron en quioscos de bibliotecas y centros comunitarios, y por mensaje de texto "
                + "desde su propio teléfono."
            : "Residents answered at kiosks in libraries and community places, and by text message from their own phones."
    }

    var readingParagraphs: [String] {
        spanish
            ? [
                "Las personas decidieron participar: vieron un quiosco o supieron del número de mensajes y eligieron "
                    + "responder. No son una muestra al azar del barrio, así que estos resultados describen a quienes "
                    + "respondieron, no a todos los que viven aquí, y no se puede calcular un margen de error.",
                "Los intervalos del 95% muestran solo la incertidumbre que viene del número de respuestas: los "
                    + "grupos pequeños tienen intervalos anchos. No dicen nada de quienes no respondieron.",
                "Cada porcentaje es de quienes respondieron esa pregunta: casi todas se podían saltar, y algunas se "
                    + "hicieron solo después de ciertas respuestas. No se aplicó ninguna ponderación.",
            ]
            : [
                "Residents chose to take part: they saw a kiosk or heard about the text-message number and decided to "
                    + "answer. They are not a random sample of the neighborhood, so these results describe the people "
                    + "who answered, not everyone who lives here, and no margin of error can be calculated.",
                "The 95% intervals show only the uncertainty that comes from the number of answers: small groups have "
                    + "wide intervals. They say nothing about the people who did not answer.",
                "Each percentage is of the residents who answered that question: most questions could be skipped, and "
                    + "some were asked only after certain answers. No weighting was applied.",
            ]
    }

    func freeTextCount(_ answers: PublishedCount, threshold: Int) -> String {
        switch answers {
        case .suppressed:
            spanish
                ? "Menos de \(threshold) personas escribieron una respuesta con sus propias palabras a:"
                : "Fewer than \(threshold) residents wrote an answer in their own words to:"
        case .count(let value):
            spanish
                ? "Hay \(count(value)) respuestas escritas con las propias palabras de los vecinos a:"
                : "There are \(count(value)) answers written in residents' own words to:"
        }
    }

    var freeTextHeldBack: String {
        spanish
            ? "No se publican: lo que alguien escribe puede revelar quién es. No están en este informe ni en sus "
                + "archivos de datos."
            : "They are held back: what someone writes can reveal who they are. They are not in this report or its "
                + "data files."
    }

    func protectionParagraphs(_ release: FindingsRelease) -> [String] {
        let k = release.threshold.minimumCount
        let disclosure = release.disclosure
        let total = disclosure.suppressedCounts + disclosure.publishedCounts
        var paragraphs = [
            spanish
                ? "Cada cifra de este informe y de sus archivos de datos es 0 o al menos \(k). Una cifra menor se "
                    + "reserva y aparece como “—”; también otras, elegidas para que una cifra reservada no pueda "
                    + "deducirse restando de los totales, \(earlierReleases(disclosure.earlierReleases))."
                : "Every number in this report and its data files is 0 or at least \(k). A smaller number is withheld "
                    + "and shown as “—”, and so are some others, chosen so that a withheld number cannot be worked out "
                    + "by subtraction from totals, \(earlierReleases(disclosure.earlierReleases)).",
            spanish
                ? "Se reservaron \(count(disclosure.suppressedCounts)) de \(count(total)) cifras distintas."
                : "\(count(disclosure.suppressedCounts)) of \(count(total)) distinct numbers were withheld.",
            spanish
                ? "Los porcentajes se calculan solo con cifras publicadas. Donde un grupo pequeño mostraría 0% o "
                    + "100%, se da como “menos de” o “más de” un límite."
                : "Percentages are computed from published numbers only. Where a small group would show 0% or 100%, "
                    + "it is shown as “under” or “over” a bound instead.",
            spanish
                ? "No se publica ninguna fecha más precisa que el mes, ni nombres, ni números de teléfono, ni "
                    + "respuestas escritas."
                : "No date finer than the month is published, and no names, phone numbers or written answers.",
            // True of what is published or withheld, not of everything a reader can work out: say
            // what is left to subtraction, so no one reads more into the first paragraph.
            spanish
                ? "Cuántas personas de un grupo dejaron una pregunta sin responder es el grupo menos quienes la "
                    + "respondieron, y puede ser menos de \(k): dejar una pregunta sin responder no se trata como una "
                    + "respuesta, salvo en las preguntas que agrupan los desgloses."
                : "How many in a group left a question unanswered is the group less those who answered it, and can "
                    + "be fewer than \(k): leaving a question unanswered is not treated as an answer, except for the "
                    + "questions the breakdowns group by.",
        ]
        if let since = disclosure.respondentsSinceLastRelease, since > 0 {
            paragraphs.insert(
                spanish
                    ? "También se reserva una cifra que creció de 1 a \(k - 1) desde una publicación anterior: ese "
                        + "aumento contaría a unas pocas de las personas que respondieron desde entonces "
                        + "(\(count(since)) desde la última). Esas cifras se publican de nuevo cuando más personas "
                        + "hayan respondido."
                    : "A number that grew by 1 to \(k - 1) since an earlier release is withheld too: that growth "
                        + "would count a few of the residents who answered since then (\(count(since)) since the last "
                        + "release). Such numbers are published again once more residents have answered.",
                at: 2)
        }
        func names(_ reason: WithheldTable.Reason) -> String? {
            let ids = disclosure.withheldTables.filter { $0.reason == reason }.map { tableName($0.id) }
            return ids.isEmpty ? nil : ids.joined(separator: ", ")
        }
        if let unprotectable = names(.unprotectable) {
            paragraphs.insert(
                spanish
                    ? "Estas tablas no se publican porque ninguna combinación de cifras reservadas impedía deducir "
                        + "alguna de ellas: \(unprotectable)."
                    : "These tables are left out because no choice of withheld numbers kept all of theirs from being "
                        + "worked out: \(unprotectable).",
                at: 2)
        }
        if let sparse = names(.sparse) {
            paragraphs.insert(
                spanish
                    ? "Estas tablas no se publican porque la mayoría de sus grupos son demasiado pequeños para "
                        + "mostrarlos sin riesgo: \(sparse)."
                    : "These tables are left out because most of their groups are too small to show safely: \(sparse).",
                at: 2)
        }
        if let reason = release.threshold.reason {
            paragraphs.insert(
                spanish
                    ? "El umbral se bajó de \(Threshold.standard) a \(k). Motivo: \(reason)"
                    : "The threshold was lowered from \(Threshold.standard) to \(k). Reason: \(reason)", at: 1)
        }
        paragraphs.append((spanish ? "Método: " : "Method: ") + disclosure.method)
        return paragraphs
    }

    /// A table's id as a reader says it: `concerns by area`, `concerns by channel`.
    private func tableName(_ id: String) -> String {
        let by = spanish ? " por " : " by "
        return id.replacing(".by.", with: by).replacing(".by-", with: by)
            .replacing(".positions", with: spanish ? " (posiciones)" : " (positions)")
    }

    /// Where a withheld number is safe from subtraction: this release, and any earlier ones.
    private func earlierReleases(_ count: Int) -> String {
        switch (count, spanish) {
        case (0, false): "in this release"
        case (0, true): "en esta publicación"
        case (1, false): "in this release or together with the earlier release of this survey"
        case (1, true): "ni en esta publicación ni junto con la anterior de esta encuesta"
        case (_, false): "in this release or together with the \(count) earlier releases of this survey"
        case (_, true): "ni en esta publicación ni junto con las \(count) anteriores de esta encuesta"
        }
    }

    var whatNextHeading: String { spanish ? "Lo que sigue" : "What happens next" }

    func aboutData(_ release: FindingsRelease) -> String {
        spanish
            ? "Cada cifra de este informe está en los archivos de datos que lo acompañan: findings.json y las "
                + "tablas CSV, descritos en datapackage.json. Las preguntas exactas, en cada idioma, están en "
                + "codebook.md; cómo se aplicó la protección, en disclosure-log.json."
            : "Every number in this report is in the data files that come with it: findings.json and the CSV tables, "
                + "described in datapackage.json. The exact questions, in every language, are in codebook.md; how "
                + "protection was applied, in disclosure-log.json."
    }

    func footer(_ release: FindingsRelease) -> String {
        spanish
            ? "Encuesta \(release.surveyID), versión \(release.surveyVersion) · \(release.month) · "
                + release.disclosure.toolVersion
            : "Survey \(release.surveyID), version \(release.surveyVersion) · \(release.month) · "
                + release.disclosure.toolVersion
    }
}
