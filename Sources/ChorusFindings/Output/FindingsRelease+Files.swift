public import ChorusCore

extension FindingsRelease {
    /// Every file of the release, ready to write: `datapackage.json` listing all the others, the
    /// CSV tables and priorities, `findings.json`, `codebook.md`, `disclosure-log.json` and
    /// `report.html`.
    ///
    /// A pure function of its arguments: the same release, survey and language give the same bytes.
    ///
    /// - Parameters:
    ///   - survey: The survey version the release counts, for the codebook and the report's wording.
    ///   - language: The language of the report and of the words around the survey's own texts; one
    ///     of the survey's languages. Data files carry the survey's texts in every language.
    /// - Returns: The files, `datapackage.json` first, then the others by path.
    public func files(survey: Survey, language: String) -> [ReleaseFile] {
        precondition(survey.id == surveyID && survey.version == surveyVersion, "the release's own survey version")
        let words = ReleaseWords(language: language)
        let data =
            tables.map { DataFile(table: $0, words: words, languages: languages) }
            + priorities.map { DataFile(priority: $0, words: words, languages: languages) }
        var entries = data.map { file in
            DataPackage.Entry(
                file: ReleaseFile(path: file.path, bytes: file.csv()), title: file.title,
                description: file.description, format: "csv", mediaType: "text/csv", data: file)
        }
        entries += [
            DataPackage.Entry(
                file: ReleaseFile(
                    path: FindingsDocument.path, bytes: FindingsDocument(release: self, words: words).json()),
                title: words.findingsTitle, description: words.findingsDescription, format: "json",
                mediaType: "application/json"),
            DataPackage.Entry(
                file: ReleaseFile(
                    path: Codebook.path,
                    bytes: Codebook(release: self, survey: survey, words: words, dataFiles: data).markdown()),
                title: words.codebookDocumentTitle, description: words.codebookDescription, format: "md",
                mediaType: "text/markdown"),
            DataPackage.Entry(
                file: ReleaseFile(path: DisclosureLog.path, bytes: DisclosureLog(release: self).json()),
                title: words.disclosureLogTitle, description: words.disclosureLogDescription, format: "json",
                mediaType: "application/json"),
            DataPackage.Entry(
                file: ReleaseFile(
                    path: ReportPage.path, bytes: ReportPage(release: self, survey: survey, words: words).html()),
                title: words.reportTitle, description: words.reportDescription, format: "html", mediaType: "text/html"),
        ]
        entries.sort { $0.file.path < $1.file.path }
        let package = DataPackage(release: self, words: words, entries: entries)
        return [ReleaseFile(path: DataPackage.path, bytes: package.json())] + entries.map(\.file)
    }
}
