import ArgumentParser
import ChorusCore
import ChorusFindings
import ChorusStore
import ChorusXML
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an anonymized release of a survey's findings: data files, codebook and report.",
        discussion: """
            Every published count is 0 or at least the minimum cell count, 11 unless lowered with \
            --min-cell and a --reason. See chorus-export(1).
            """
    )

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "The release folder; Exports/<survey-id>-<YYYY-MM> in the working directory by default.", valueName: "dir"))
    var out: String?

    @ArgumentParser.Option(
        name: .customLong("min-cell"),
        help: ArgumentHelp("The smallest count published other than 0: 11 by default, 5 at the least.", valueName: "k"))
    var minCell: Int?

    @ArgumentParser.Option(help: "Why --min-cell is below 11; required then, and written to the disclosure log.")
    var reason: String?

    @ArgumentParser.Option(help: "The language of the report; the survey's first language by default.")
    var lang: String?

    @Argument(help: "A survey id in the database, or the survey file the responses were collected with.")
    var survey: String

    func validate() throws {
        if let minCell, minCell < Threshold.lowest {
            throw ValidationError("--min-cell \(minCell) is too low; use at least \(Threshold.lowest).")
        }
        let lowered = minCell.map { $0 < Threshold.standard } ?? false
        let hasReason = reason.map { !$0.trimmedWhitespace.isEmpty } ?? false
        if lowered, !hasReason {
            throw ValidationError(
                "--min-cell \(minCell!) is below the default of \(Threshold.standard); give --reason \"why\" as well.")
        }
        if !lowered, reason != nil {
            throw ValidationError("--reason explains a --min-cell below \(Threshold.standard); leave it out.")
        }
    }

    func run() throws {
        Allocator.keepLargeBlocks()
        let threshold = try Self.reporting { () throws(FindingsError) in
            try Threshold(minimumCount: minCell ?? Threshold.standard, reason: reason?.trimmedWhitespace)
        }
        let database = try StoreFailure.reporting {
            // A wrong path is reported rather than created. An existing file is not opened to read
            // first: that would leave a -shm and -wal of this user's beside one they cannot write.
            if !FileManager.default.fileExists(atPath: store.path) {
                _ = try ChorusDatabase(path: store.path, readOnly: true)
            }
            return try ChorusDatabase(path: store.path)
        }
        let survey = try surveyToExport(from: database)
        let language = try survey.language(asked: lang)
        // A plain count: status's GROUP BY would sort every response in memory first.
        let responses = try StoreFailure.reporting {
            try database.responseCount(surveyID: survey.id, version: survey.version)
        }
        guard responses > 0 else {
            StandardError.write(
                "chorus: error: survey '\(survey.id)' version \(survey.version) has no responses in \(store.path) "
                    + "yet; there is nothing to export")
            throw ExitStatus.dataError
        }
        let month = Month(LocalDay.now().day.description)!
        let monthFolder = "Exports/\(survey.id)-\(month)"
        var folder = ReleaseFolder(path: out ?? monthFolder)
        try Self.reporting { () throws(ReleaseFolderError) in try folder.checkUsable() }
        if let reason = threshold.reason {
            StandardError.write(
                "chorus: note: publishing counts down to \(threshold.minimumCount) instead of \(Threshold.standard): "
                    + reason)
        }

        try refuseFewSinceLastRelease(
            survey: survey, database: database, responses: responses, k: threshold.minimumCount)
        if responses < threshold.minimumCount {
            // Allowed, to try the whole way through early; but an organizer who only wanted a look
            // should know the release is kept and binds the later ones.
            StandardError.write(
                "chorus: note: \(responses) \(responses == 1 ? "response is" : "responses are") fewer than "
                    + "\(threshold.minimumCount), so this release withholds every count above 0; it is recorded all "
                    + "the same, and later releases are checked against it; to only look, export a copy of the "
                    + "database")
        }

        // The audit's bar draws over the reading one: on a release checked against earlier ones
        // that withheld much, it can take a minute, which a bar left full would pass as a hang.
        var reading = ProgressBar.standardError(unit: "responses")
        var checking = ProgressBar.standardError(unit: "numbers checked")
        let release = try Self.reporting { () throws(FindingsError) in
            defer {
                reading.finish()
                checking.finish()
            }
            return try FindingsBuilder(survey: survey, database: database, threshold: threshold, month: month).build(
                progress: { reading.update($0, of: $1) }, checking: { checking.update($0, of: $1) })
        }
        let files = release.files(survey: survey, language: language)
        let outcome = try Self.reporting { () throws(ReleaseFolderError) in
            do throws(ReleaseFolderError) {
                return try folder.write(files)
            } catch let error where error.kind == .occupied && out == nil && release.disclosure.earlierReleases > 0 {
                // A later release in a month that already has one goes beside it, by its number.
                folder = ReleaseFolder(path: "\(monthFolder)-\(release.disclosure.earlierReleases + 1)")
                return try folder.write(files)
            }
        }
        // Recorded even when the folder was already there: a run that stopped between writing and
        // recording must not leave a published release that later ones are not checked against.
        let recorded = try Self.reporting { () throws(FindingsError) in try database.recordRelease(release) }
        switch (outcome, recorded) {
        case (.written, _):
            try StandardOutput.write("wrote \(folder.path)/: \(files.count) files, \(responses) responses\n")
        case (.unchanged, false):
            try StandardOutput.write("\(folder.path)/ already holds this release; nothing changed\n")
        case (.unchanged, true):
            // As when it was exported from a copy of this database first, to look.
            try StandardOutput.write(
                "\(folder.path)/ already holds this release; it is now recorded in \(store.path), and later "
                    + "releases are checked against it\n")
        }
    }

    /// Refuses a release when fewer than k responses came in since the last release that published
    /// how many there were. The number of respondents would then have grown by fewer than k, which
    /// counts the newcomers, so it would be withheld, and with it nearly every count; and every later
    /// release would be checked against that one too, which withholds more and can take the audit
    /// many minutes. The release before stays as it was.
    private func refuseFewSinceLastRelease(survey: Survey, database: ChorusDatabase, responses: Int, k: Int) throws {
        let ledgers = try StoreFailure.reporting {
            try database.releaseLedgers(surveyID: survey.id, version: survey.version)
        }
        let published = ledgers.reversed().lazy.compactMap { ledger in
            ledger.counts.first { $0.key == StatisticKey.respondents }?.value.map { (ledger, $0) }
        }
        guard let (last, before) = published.first, case let grown = responses - before, grown > 0, grown < k
        else { return }
        StandardError.write(
            "chorus: error: only \(grown) \(grown == 1 ? "response has" : "responses have") come in since release "
                + "\(last.month) #\(last.sequence), fewer than \(k); a release now would have to withhold how many "
                + "responded and nearly every other count. That release still stands; export again after "
                + "\(k - grown) more \(k - grown == 1 ? "response" : "responses")")
        throw ExitStatus.temporaryFailure
    }

    /// The survey named on the command line: a file, which must be the one registered for its id
    /// and version, or an id, whose newest registered version is read back from the database.
    private func surveyToExport(from database: ChorusDatabase) throws -> Survey {
        if StatusCommand.isSurveyFile(survey) {
            let (survey, source) = try SurveyLoader.loadWithSource(self.survey)
            let stored = try StoreFailure.reporting {
                try database.registeredSource(surveyID: survey.id, version: survey.version)
            }
            if let stored, stored != source {
                StandardError.write(
                    "chorus: error: \(self.survey) is not the file survey '\(survey.id)' version \(survey.version) "
                        + "was collected with in \(store.path); export with that file, or by the id "
                        + "'\(survey.id)' to use the registered copy")
                throw ExitStatus.dataError
            }
            return survey
        }
        let id = survey
        let (version, source) =
            try StoreFailure.reporting { () throws -> (Int, [UInt8])? in
                guard let version = try database.registeredVersions(surveyID: id).first else { return nil }
                return try database.registeredSource(surveyID: id, version: version).map { (version, $0) }
            }
            ?? {
                let known = try StoreFailure.reporting { try database.registeredSurveyIDs() }
                StandardError.write(UnknownSurvey.message(id, in: store.path, has: known))
                throw ExitStatus.noInput
            }()
        do {
            return try SurveyReader().read(source, file: "\(store.path):\(id)@\(version)")
        } catch {
            StandardError.write(
                "chorus: error: the copy of survey '\(id)' version \(version) in \(store.path) "
                    + "cannot be read; export with the survey file instead")
            throw ExitStatus.dataError
        }
    }

    private static func reporting<T>(_ body: () throws(FindingsError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            StandardError.write("chorus: error: \(error)")
            switch error.kind {
            case .usage: throw ExitStatus.usage
            case .data: throw ExitStatus.dataError
            case .io: throw ExitStatus.ioError
            }
        }
    }

    private static func reporting<T>(_ body: () throws(ReleaseFolderError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            StandardError.write("chorus: error: \(error)")
            throw error.kind == .io ? ExitStatus.ioError : ExitStatus.cannotCreate
        }
    }
}
