import ArgumentParser
import ChorusCore
import ChorusStore
import Foundation

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Count completed responses by channel, site and day."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "A survey id, or a survey file to take the id from; every survey by default.")
    var survey: String?

    func run() throws {
        let surveyID = try survey.map(Self.surveyID)
        // An id the database has never seen is most likely mistyped, which "no responses yet" would
        // hide; a survey file not yet used anywhere is simply new.
        let isTypedID = survey.map { !Self.isSurveyFile($0) } ?? false
        let (counts, known) = try StoreFailure.reporting { () throws -> ([ResponseCount]?, [String]) in
            let database = try ChorusDatabase(path: store.path, readOnly: true)
            if let surveyID, isTypedID, try database.registeredVersions(surveyID: surveyID).isEmpty {
                return (nil, try database.registeredSurveyIDs())
            }
            return (try database.status(surveyID: surveyID), [])
        }
        guard let counts else {
            StandardError.write(UnknownSurvey.message(surveyID ?? "", in: store.path, has: known))
            throw ExitStatus.noInput
        }
        try StandardOutput.write(StatusTable(counts).render())
    }

    /// The id `argument` names: itself, unless it is a survey file, whose id is read from it.
    static func surveyID(_ argument: String) throws -> String {
        isSurveyFile(argument) ? try SurveyLoader.load(argument).id : argument
    }

    /// Whether `argument` names a survey file rather than a survey id: it has a slash, ends in
    /// `.xml`, or is an existing file.
    static func isSurveyFile(_ argument: String) -> Bool {
        var isDirectory: ObjCBool = false
        return argument.contains("/") || argument.hasSuffix(".xml")
            || (FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && !isDirectory.boolValue)
    }
}
