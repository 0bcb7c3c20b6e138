/// Words for the codebook.
extension ReleaseWords {
    var codebookTitle: String { spanish ? "Libro de códigos" : "Codebook" }

    func codebookIntro(surveyID: String, version: Int, month: String) -> String {
        spanish
            ? "Encuesta `\(surveyID)`, versión \(version); publicación de \(month). Describe cada variable de los "
                + "archivos de datos de esta carpeta."
            : "Survey `\(surveyID)`, version \(version); release of \(month). It describes every variable in this "
                + "folder's data files."
    }

    var languagesLabel: String { spanish ? "Idiomas" : "Languages" }
    var thresholdLabel: String { spanish ? "Cifra mínima publicada (k)" : "Smallest published count (k)" }
    var reasonLabel: String { spanish ? "Motivo para bajar k" : "Reason k was lowered" }
    var codesHeading: String { spanish ? "Códigos especiales" : "Special codes" }

    func codes(threshold: Int) -> [String] {
        [
            "- `SUPPRESSED`: " + suppressedLabel(threshold) + ".",
            spanish
                ? "- (vacío) en CSV, `null` en JSON: " + notApplicableLabel + "."
                : "- (empty) in CSV, `null` in JSON: " + notApplicableLabel + ".",
            spanish
                ? "- `total`: todas las personas a lo largo de una dimensión; en preguntas de varias opciones, quienes "
                    + "respondieron, no la suma de las celdas."
                : "- `total`: everyone along a dimension; for questions with several choices, the respondents who "
                    + "answered, not the sum of the cells.",
            spanish
                ? "- `missing`: sin respuesta a una pregunta de grupo, o una respuesta sin lugar: solo un quiosco "
                    + "registra un lugar, así que todo mensaje de texto está aquí."
                : "- `missing`: no answer to a grouping question, or a response with no site: only a kiosk records "
                    + "a site, so every text message is here.",
        ]
    }

    var filesHeading: String { spanish ? "Cómo leer los archivos" : "Reading the files" }

    /// How the usual tools read the special codes as missing, so that counts are read as numbers.
    var readingFiles: [String] {
        [
            spanish
                ? "- R: `read.csv(\"tables/ARCHIVO.csv\", na.strings = c(\"\", \"SUPPRESSED\"), check.names = FALSE)` "
                    + "lee las cifras como números, con las celdas reservadas y vacías como `NA`, y deja los nombres "
                    + "de columna como están."
                : "- R: `read.csv(\"tables/FILE.csv\", na.strings = c(\"\", \"SUPPRESSED\"), check.names = FALSE)` "
                    + "reads counts as numbers, with withheld and empty cells as `NA`, and keeps the column names as "
                    + "they are.",
            spanish
                ? "- Python: `pandas.read_csv(\"tables/ARCHIVO.csv\", na_values=[\"SUPPRESSED\"])`."
                : "- Python: `pandas.read_csv(\"tables/FILE.csv\", na_values=[\"SUPPRESSED\"])`.",
            spanish
                ? "- `datapackage.json` declara ambos códigos como valores ausentes, para las herramientas de "
                    + "Frictionless Data (el paquete `frictionless` de R o de Python)."
                : "- `datapackage.json` declares both codes as missing values, for Frictionless Data tools (the "
                    + "`frictionless` package for R or Python).",
        ]
    }

    var surveyTextsHeading: String { spanish ? "Textos de la encuesta" : "Survey texts" }
    var titleLabel: String { spanish ? "Título" : "Title" }
    var introLabel: String { spanish ? "Introducción" : "Introduction" }
    var consentLabel: String { spanish ? "Consentimiento" : "Consent" }
    var closingLabel: String { spanish ? "Cierre" : "Closing" }
    var variablesHeading: String { spanish ? "Variables" : "Variables" }
    var hintLabel: String { spanish ? "Ayuda" : "Hint" }
    var typeLabel: String { spanish ? "Tipo" : "Type" }
    var requiredLabel: String { spanish ? "Obligatoria" : "Required" }
    var yes: String { spanish ? "sí" : "yes" }
    var no: String { spanish ? "no" : "no" }
    var askedLabel: String { spanish ? "Se pregunta" : "Asked" }
    var always: String { spanish ? "siempre" : "always" }
    var quasiIdentifierLabel: String { spanish ? "Cuasi-identificador" : "Quasi-identifier" }
    var quasiIdentifierNote: String {
        spanish
            ? "sí: se usa para desglosar los resultados, y el control de divulgación protege sus grupos"
            : "yes: results are broken down by it, and disclosure control protects its groups"
    }
    var treatmentLabel: String { spanish ? "Control de divulgación" : "Disclosure control" }
    var publishedInLabel: String { spanish ? "Publicada en" : "Published in" }

    var freeTextTreatment: String {
        spanish
            ? "texto libre: nunca se exporta; solo se publica cuántas respuestas hay"
            : "free text: never exported; only how many answers there are is published"
    }
    var noteTreatment: String { spanish ? "nota: no tiene respuestas" : "note: it has no answers" }

    func countTreatment(threshold: Int) -> String {
        spanish
            ? "cada cifra es 0 o al menos \(threshold); las menores, y las que permitirían deducirlas, son "
                + "`SUPPRESSED`; porcentajes solo de cifras publicadas"
            : "every count is 0 or at least \(threshold); smaller ones, and those that would let them be worked "
                + "out, are `SUPPRESSED`; percentages from published counts only"
    }

    var rangeLabel: String { spanish ? "Rango" : "Range" }
    var decimalsLabel: String { spanish ? "decimales" : "decimals" }
    var numberRangesNote: String {
        spanish
            ? "Las tablas cuentan las respuestas por tramos, con el código `desde-hasta` cuando un tramo abarca más "
                + "de un valor: cada tramo incluye sus dos límites, con la precisión de la pregunta, así que ninguna "
                + "respuesta cae en dos tramos ni entre ellos."
            : "The tables count answers in ranges, coded `from-to` where a range spans more than one value: each "
                + "range holds both its ends, at the question's precision, so no answer is in two ranges or between "
                + "them."
    }
    var codeLabel: String { spanish ? "Código" : "Code" }
    var dataFilesHeading: String { spanish ? "Archivos de datos" : "Data files" }
    var columnLabel: String { spanish ? "Columna" : "Column" }
    var meaningLabel: String { spanish ? "Significado" : "Meaning" }
}
