/// Words for priorities, in the data files and in the report.
extension ReleaseWords {
    func priorityTitle(_ priority: PriorityResult) -> String {
        (spanish ? "Prioridades: " : "Priorities: ") + Codebook.inline(text(priority.title))
    }

    func priorityDescription(_ priority: PriorityResult) -> String {
        spanish
            ? "Las opciones de la pregunta `\(priority.questionID)` ordenadas por \(methodName(priority.method)), "
                + "calculadas solo con las cifras publicadas de `\(priority.sourceTableID)`."
            : "The options of question `\(priority.questionID)` ranked by \(methodName(priority.method)), computed "
                + "from the published counts of `\(priority.sourceTableID)` only."
    }

    func methodName(_ method: PriorityMethod) -> String {
        switch method {
        case .borda(let picks):
            spanish
                ? "recuento de Borda limitado a \(picks) lugares" : "a Borda count truncated to \(picks) places"
        case .approval: spanish ? "recuento de aprobación" : "approval count"
        }
    }

    func priorityOptionDescription(_ questionID: String) -> String {
        spanish
            ? "La opción de la pregunta `\(questionID)`, por su código."
            : "The option of question `\(questionID)`, by its code."
    }

    var placeTitle: String { spanish ? "Lugar" : "Place" }
    var placeDescription: String {
        spanish
            ? "1 para la puntuación más alta entre las opciones cuya puntuación se publica; las opciones empatadas "
                + "sin desempate comparten lugar. Una opción que nadie nombró va después de todas las demás, "
                + "también de las reservadas."
            : "1 for the highest score among the options whose scores are published; tied options that nothing "
                + "tells apart share a place. An option no one named comes after every other, withheld ones too."
    }
    var scoreTitle: String { spanish ? "Puntuación" : "Score" }
    func scoreDescription(_ method: PriorityMethod) -> String {
        switch method {
        case .borda(let picks):
            spanish
                ? "Puntos de Borda: \(picks) por un primer lugar, \(picks - 1) por el segundo, y así hasta 1 por el último."
                : "Borda points: \(picks) for a first place, \(picks - 1) for second, down to 1 for the last place."
        case .approval:
            spanish
                ? "Un punto por cada persona que eligió la opción."
                : "One point for each respondent choosing the option."
        }
    }
    var firstChoicesTitle: String { spanish ? "Primeras opciones" : "First choices" }
    var firstChoicesDescription: String {
        spanish
            ? "Cuántas personas la pusieron en primer lugar; vacío en preguntas de opción múltiple."
            : "How many respondents put it first; empty for multiple-choice questions."
    }
    var ballotsBase: String {
        spanish ? "de las personas que respondieron la pregunta" : "of the respondents who answered the question"
    }
    func namedTitle(topN: Int) -> String {
        spanish ? "La nombraron entre sus \(topN) principales" : "Named it in their top \(topN)"
    }
    var tieTitle: String { spanish ? "Empate" : "Tie" }
    var tieDescription: String {
        spanish
            ? "Si la opción empata en puntuación con otra, qué decidió su orden; vacío si no hay empate."
            : "When the option ties on score with another, what settled their order; empty when there is no tie."
    }

    func tieResolution(_ resolution: PriorityTie.Resolution) -> String {
        switch resolution {
        case .named:
            spanish ? "ordenadas por cuántas personas las nombraron" : "ordered by how many respondents named them"
        case .firstChoices:
            spanish ? "ordenadas por cuántas personas las pusieron primero" : "ordered by how many put them first"
        case .unresolved:
            spanish
                ? "nada publicado las distingue: comparten lugar"
                : "nothing published tells them apart: they share a place"
        }
    }

    // MARK: In the report

    var noPriorities: String {
        spanish
            ? "Esta encuesta no tiene preguntas para ordenar ni de opción múltiple."
            : "This survey has no rank or multiple-choice questions."
    }

    func prioritySummary(_ priority: PriorityResult) -> String {
        let first = priority.options.filter { $0.place == 1 }.map { "“\(Codebook.inline(text($0.label)))”" }
        let ballots = priority.ballots.value.map(count)
        let answered =
            ballots.map { spanish ? " De las \($0) personas que respondieron" : " Of the \($0) residents who answered" }
        guard let top = first.first else {
            return spanish
                ? "No se puede ordenar ninguna opción con las cifras publicadas."
                : "No option can be ranked from the published numbers."
        }
        // A score of 0 is no one's priority, and comes first only when no option has another.
        if priority.options.first(where: { $0.place == 1 })?.score == 0 {
            return (spanish ? "Nadie nombró " : "No one named ") + list(first, spanish ? "ni" : "or") + "."
        }
        // A withheld option may score above every place shown: the first place is not settled.
        let someWithheld = priority.options.contains { $0.place == nil }
        let among =
            someWithheld
            ? (spanish ? " entre las opciones con cifras publicadas" : " among the options with published numbers") : ""
        if first.count > 1 {
            let shared = list(first, spanish ? "y" : "and")
            return spanish ? "\(shared) comparten el primer lugar\(among)." : "\(shared) share first place\(among)."
        }
        let share = priority.options.first { $0.place == 1 }?.topShare.map(self.share)
        var sentence = spanish ? "La más nombrada\(among): \(top)." : "Named most\(among): \(top)."
        if let answered, let share {
            sentence += "\(answered), \(share) \(namedIt(topN: priority.topN, isRank: priority.firstChoicesApply))."
        }
        return sentence
    }

    func notRanked(_ labels: [String]) -> String {
        let list = labels.map { "“\(Codebook.inline($0))”" }.joined(separator: ", ")
        // Their scores are unknown, so they may belong above places shown: say so, as the places
        // would otherwise read as settled.
        return spanish
            ? "Sin lugar, porque sus cifras están reservadas: \(list). Podrían ocupar cualquier lugar, "
                + "así que los lugares mostrados son solo entre las demás opciones."
            : "Not ranked, because their numbers are withheld: \(list). They could belong anywhere in the "
                + "ranking, so the places shown are among the other options only."
    }

    func rankingMethod(_ priority: PriorityResult) -> String {
        let ballots = priority.ballots.value.map(count) ?? withheld
        let method: String
        switch priority.method {
        case .borda(let picks):
            method =
                spanish
                ? "Recuento de Borda: en cada respuesta, el primer lugar recibe \(picks) puntos, el segundo "
                    + "\(picks - 1), y así hasta 1; las opciones se ordenan por el total. Una opción muy importante "
                    + "para pocas personas puede quedar abajo."
                : "Borda count: in each answer, first place earns \(picks) points, second \(picks - 1), and so on "
                    + "down to 1; options are ordered by their total. An option that matters intensely to a few "
                    + "people can still rank low."
        case .approval:
            method =
                spanish
                ? "Recuento de aprobación: cada persona que eligió una opción le da un punto."
                : "Approval count: each respondent who chose an option gives it one point."
        }
        return spanish
            ? "Cómo se ordenó: \(method) Respuestas contadas: \(ballots). La barra es la parte que nombró la opción; "
                + "la línea fina, el intervalo del 95%."
            : "How this was ranked: \(method) Answers counted: \(ballots). The bar is the share naming the option; "
                + "the thin line, its 95% interval."
    }

    func tieSentence(_ labels: [String], tie: PriorityTie, topN: Int) -> String {
        let list = labels.map { "“\(Codebook.inline($0))”" }.joined(separator: spanish ? " y " : " and ")
        let how: String
        switch tie.resolution {
        case .named:
            how =
                spanish
                ? "van en orden de cuántas personas las nombraron entre sus \(topN) principales"
                : "they are in order of how many residents named them in their top \(topN)"
        case .firstChoices:
            how =
                spanish
                ? "van en orden de cuántas personas las pusieron en primer lugar"
                : "they are in order of how many residents put them first"
        case .unresolved:
            how =
                spanish
                ? "nada publicado las distingue, así que comparten lugar y van en el orden de la encuesta"
                : "nothing published tells them apart, so they share a place, listed in survey order"
        }
        return spanish
            ? "Empate: \(list) tienen la misma puntuación (\(count(tie.score))); \(how)."
            : "Tie: \(list) have the same score (\(count(tie.score))); \(how)."
    }

    func namedIt(topN: Int, isRank: Bool) -> String {
        if isRank { return spanish ? "la pusieron entre sus \(topN) principales" : "put it in their top \(topN)" }
        return spanish ? "la eligieron" : "chose it"
    }

    func namedCount(_ named: PublishedCount) -> String {
        switch named {
        case .suppressed: withheld
        case .count(let value): spanish ? "\(count(value)) personas la nombraron" : "named by \(count(value))"
        }
    }

    func points(_ score: Int) -> String {
        spanish ? "\(count(score)) puntos" : "\(count(score)) points"
    }

    func firstChoices(_ first: PublishedCount) -> String {
        switch first {
        case .suppressed: spanish ? "primer lugar: \(withheld)" : "first choice: \(withheld)"
        case .count(let value): spanish ? "primer lugar para \(count(value))" : "first choice of \(count(value))"
        }
    }
}
