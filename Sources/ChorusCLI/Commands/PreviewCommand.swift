import ArgumentParser
import ChorusCore
import ChorusXML

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Print a survey as readable text, with its logic, to review it with a partner."
    )

    @ArgumentParser.Option(help: "The language to show; the survey's first language by default.")
    var lang: String?

    @Flag(help: "Show how many text messages each step is sent as, and why when they are short.")
    var sms = false

    @Argument(help: "The survey file.")
    var file: String

    func run() throws {
        let survey = try SurveyLoader.load(file)
        let language = try survey.language(asked: lang)
        try StandardOutput.write(SurveyPreview(survey: survey, language: language, showsTexts: sms).render() + "\n")
    }
}
