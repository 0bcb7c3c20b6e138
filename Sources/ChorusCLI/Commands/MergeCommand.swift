import ArgumentParser
import ChorusStore

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge a kiosk's database into this one; merging it again adds nothing."
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "The kiosk's database file.")
    var database: String

    func run() throws {
        let report = try StoreFailure.reporting {
            // The kiosk's database is opened first so that a wrong path creates nothing here.
            let kiosk = try ChorusDatabase(path: database, readOnly: true)
            return try ChorusDatabase(path: store.path).merge(from: kiosk)
        }
        let added = report.addedResponses
        try StandardOutput.write(
            "added \(added) \(added == 1 ? "response" : "responses"), \(report.alreadyPresent) already present\n")
    }
}
