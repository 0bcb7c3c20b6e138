import ArgumentParser
import Foundation

/// The database option shared by every command that keeps responses.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The database; CHORUS_DB, or chorus.sqlite in the working directory, by default.", valueName: "path"))
    var database: String?

    /// The database to use: `--db`, else `CHORUS_DB`, else `chorus.sqlite` in the working directory.
    var path: String {
        if let database { return database }
        if let variable = ProcessInfo.processInfo.environment["CHORUS_DB"], !variable.isEmpty { return variable }
        return "chorus.sqlite"
    }
}
