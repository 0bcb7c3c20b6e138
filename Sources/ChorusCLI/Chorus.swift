import ArgumentParser

@main
struct Chorus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chorus",
        abstract: "Hear from residents anonymously and turn what they say into community priorities.",
        discussion: "See chorus(1) and chorus-survey(5).",
        subcommands: [
            ValidateCommand.self, PreviewCommand.self, KioskCommand.self, ServeCommand.self, StatusCommand.self,
            MergeCommand.self, ExportCommand.self,
        ]
    )
}
