import ArgumentParser

@main
struct Chorus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chorus",
        abstract: "Collect what residents say about public safety, anonymously."
    )
}
