import ChorusCore
import Testing

@testable import ChorusWebhook

/// The list of surveys a first message without keyword gets when several are served.
@Suite struct SMSSurveyMenuTests {
    static func survey(_ keyword: String, _ english: String, _ spanish: String) -> Survey {
        var survey = WebhookSample.parks
        survey.id = keyword.lowercased()
        survey.smsKeyword = keyword
        survey.title = WebhookSample.text(english, spanish)
        return survey
    }

    /// Titles ending in each way a title may: a question, an exclamation, a sentence, a name.
    static let surveys = [
        survey("LISTEN", "How was today's listening session?", "¿Qué le pareció la sesión de hoy?"),
        survey("FEST", "Plan the street festival!", "¡Planee la fiesta de la calle!"),
        survey("PARKS", "Tell us about our parks.", "Cuéntenos de los parques."),
        survey("SAFE", "Neighborhood safety", "Seguridad del barrio"),
    ]

    @Test func eachSurveysTitleComesAfterItsKeywordWhateverItEndsWith() {
        var texter = Texter(Self.surveys)
        #expect(
            texter.send("hi") == """
                Reply LISTEN for: How was today's listening session?
                Reply FEST for: Plan the street festival!
                Reply PARKS for: Tell us about our parks.
                Reply SAFE for: Neighborhood safety
                """)
        #expect(
            texter.send("hola") == """
                Responda LISTEN para: ¿Qué le pareció la sesión de hoy?
                Responda FEST para: ¡Planee la fiesta de la calle!
                Responda PARKS para: Cuéntenos de los parques.
                Responda SAFE para: Seguridad del barrio
                """)
        // Chosen from the list in Spanish, the survey starts in Spanish.
        #expect(texter.send("listen").hasPrefix("¿Qué le pareció la sesión de hoy?\nAnónima."))
    }
}
