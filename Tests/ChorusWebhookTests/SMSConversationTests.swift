import ChorusCore
import ChorusStore
import Testing

@testable import ChorusWebhook

@Suite struct SMSConversationTests {
    static let consentEnglish = """
        Neighborhood safety
        Tell us what matters to you.
        Your answers are anonymous.
        Reply YES to agree and start, or NO if you'd rather not.
        Reply STOP at any time to stop.
        Para español, responda ES.
        """

    static let consentSpanish = """
        Seguridad del barrio
        Díganos qué le importa.
        Sus respuestas son anónimas.
        Responda SI para aceptar y empezar, o NO si prefiere no participar.
        Responda STOP en cualquier momento para terminar.
        For English, reply EN.
        """

    static let areaEnglish = """
        Question 1 of 8
        Which part of town do you live in?
        1) North side
        2) South side
        3) East side
        4) West side
        Reply with the number of your answer.
        Reply BACK to go back.
        """

    static let areaSpanish = """
        Pregunta 1 de 8
        ¿En qué parte de la ciudad vive?
        1) Lado norte
        2) Lado sur
        3) Lado este
        4) Lado oeste
        Responda con el número de su respuesta.
        Responda ATRAS para volver.
        """

    static let concernsEnglish = """
        Question 2 of 8
        What worries you most?
        1) Traffic
        2) Theft
        3) Violence
        4) Lighting
        Reply with 2 numbers, most important first.
        Reply BACK to go back.
        """

    @Test func aFirstMessageStartsTheIntroAndConsent() {
        var texter = Texter()
        #expect(texter.send("Hi") == Self.consentEnglish)
        #expect(texter.state.conversations["safety-priorities"] != nil)
    }

    @Test(arguments: [
        "español", "Espanol", "spanish", "ES", "es.", "Hola", "¡hola!", "comenzar", "Sí", "si", "Hola, buenas tardes",
        "buenos días", "Buenas noches",
    ])
    func aFirstMessageNamingALanguageOrGreetingInItStartsInIt(_ message: String) {
        var texter = Texter()
        #expect(texter.send(message) == Self.consentSpanish)
    }

    @Test(arguments: ["yes", "YES", " Yes. ", "y", "Sí", "si", "SI!"])
    func agreeingInEitherLanguageShowsTheFirstQuestion(_ message: String) {
        var texter = Texter()
        texter.send("hello")
        #expect(texter.send(message) == Self.areaEnglish)
    }

    @Test func agreeingInSpanishKeepsSpanish() {
        var texter = Texter()
        #expect(texter.send(["hola", "español", "SÍ"]) == Self.areaSpanish)
    }

    static let consentAgainEnglish = """
        Reply YES to agree and start, or NO if you'd rather not.
        Reply STOP at any time to stop.
        """

    @Test func anUnreadableConsentReplyIsAskedAgainWithoutTheIntro() {
        var texter = Texter()
        texter.send("hello")
        #expect(texter.send("maybe") == "Sorry, I didn't understand that.\n" + Self.consentAgainEnglish)
        #expect(texter.send("yes") == Self.areaEnglish)
    }

    @Test func namingTheLanguageTheConsentIsInAsksOnlyForConsentAgain() {
        var texter = Texter()
        texter.send("hola")
        #expect(
            texter.send("español") == """
                Responda SI para aceptar y empezar, o NO si prefiere no participar.
                Responda STOP en cualquier momento para terminar.
                """)
        #expect(texter.send("EN") == Self.consentEnglish)
        #expect(texter.send("yes") == Self.areaEnglish)
    }

    @Test func decliningSavesNothingAndThenOnlyYesOrStartBeginsAgain() throws {
        // Given a resident who says no
        var texter = Texter()
        texter.send("hello")
        #expect(
            texter.send("No")
                == "That's okay. We won't keep any of your answers. Thank you for your time, and take care.")

        // Then nothing is saved, and what is kept is a marker holding no answers
        #expect(texter.saved.isEmpty)
        let marker = try #require(texter.state.conversations["safety-priorities"])
        #expect(marker.answers.isEmpty)

        // And a phone answering by itself gets nothing back, however often
        for message in ["I'm driving, I'll text you later", "hello again", "ok", "OK thanks", "vale"] {
            #expect(texter.send(message) == "", "\(message)")
        }
        // But YES, for someone who changed their mind, goes straight to the first question
        #expect(texter.send("yes") == Self.areaEnglish)
        var other = Texter()
        other.send(["hello", "no"])
        #expect(other.send("START") == Self.consentEnglish)
    }

    @Test func theKeywordOrStartAgainAtTheConsentAsksOnlyForTheConsent() {
        var texter = Texter()
        #expect(texter.send("SAFE") == Self.consentEnglish)
        #expect(texter.send("SAFE") == Self.consentAgainEnglish)
        #expect(texter.send("start") == Self.consentAgainEnglish)
    }

    @Test func anInvalidReplyGetsTheReasonAndTheQuestionAgain() {
        var texter = Texter()
        texter.send(["hi", "yes"])
        #expect(texter.send("7") == "Please choose one of the options.\n" + Self.areaEnglish)
        #expect(texter.send("1 2") == "Please choose one of the options.\n" + Self.areaEnglish)
        #expect(texter.send("banana") == "Sorry, I didn't understand that.\n" + Self.areaEnglish)
        texter.send("1")
        #expect(texter.send("3") == "Please choose 2, most important first.\n" + Self.concernsEnglish)
        #expect(texter.send("1 1") == "Please choose each option only once.\n" + Self.concernsEnglish)
        #expect(texter.onQuestion == "concerns")
    }

    @Test func theRefusalIsInTheConversationsLanguage() {
        var texter = Texter()
        texter.send(["hola", "español", "si"])
        #expect(texter.send("9") == "Por favor elija una de las opciones.\n" + Self.areaSpanish)
        #expect(texter.send("qué?") == "Perdón, no entendí su respuesta.\n" + Self.areaSpanish)
    }

    @Test func backReturnsToThePreviousQuestionAndThenToConsent() {
        var texter = Texter()
        texter.send(["hi", "yes", "1"])
        #expect(texter.send("back") == Self.areaEnglish)
        // The consent, read a moment ago, is asked for again without the intro, and again after that.
        #expect(texter.send("BACK") == Self.consentAgainEnglish)
        #expect(texter.send("BACK") == Self.consentAgainEnglish)
        // Agreeing again resumes with the answer kept.
        #expect(texter.send("yes") == Self.areaEnglish)
        #expect(texter.state.conversations["safety-priorities"]?.answers["area"] == .choice("north"))
    }

    @Test func backAndSkipWorkInSpanishAndInEnglish() {
        var texter = Texter()
        texter.send(["hola", "español", "si", "1"])
        #expect(texter.send("atrás") == Self.areaSpanish)
        texter.send(["1", "2 3", "3"])
        #expect(texter.onQuestion == "household")
        texter.send("SALTAR")
        #expect(texter.onQuestion == "hours-outside")
        texter.send("skip")
        #expect(texter.onQuestion == "walk-at-night")
    }

    @Test func skippingARequiredQuestionIsRefused() {
        var texter = Texter()
        texter.send(["hi", "yes"])
        #expect(texter.send("skip") == "This question needs an answer.\n" + Self.areaEnglish)
    }

    @Test func switchingLanguageShowsTheQuestionAgainInIt() {
        var texter = Texter()
        texter.send(["hi", "yes"])
        #expect(texter.send("Español") == Self.areaSpanish)
        #expect(texter.send("inglés") == Self.areaEnglish)
        #expect(texter.send("ES") == Self.areaSpanish)
    }

    @Test func eachQuestionKindBySMS() {
        var texter = Texter()
        texter.send(["hi", "yes", "1", "1 2"])
        #expect(
            texter.send("9") == """
                Please enter a number from 1 to 5.
                Question 3 of 8
                How safe do you feel at night?
                1 = Not at all, 5 = Very safe
                Reply with a number from 1 to 5.
                Reply BACK to go back.
                """)
        // A note travels with the question after it.
        #expect(
            texter.send("not at all") == """
                We hear you.
                Question 4 of 8
                What would help with traffic?
                1) Speed bumps
                2) Crosswalks
                3) Lights
                Reply with the numbers of your answers, like 1 3.
                Choose up to 2.
                Reply BACK to go back or SKIP to skip.
                """)
        #expect(texter.send("1 2 3").hasPrefix("Please choose no more than 2.\nQuestion 4 of 8"))
        #expect(
            texter.send("1,3").hasPrefix("Question 5 of 8\nHow many people live in your home?\nReply with a number."))
        // BACK passes over the note to the question before it.
        #expect(texter.send("back").hasPrefix("Question 4 of 8\nWhat would help"))
        texter.send("3")
        #expect(texter.send("many").hasPrefix("Please enter a number.\nQuestion 5 of 8"))
        #expect(texter.send("2,5").hasPrefix("Please enter a whole number, without decimals.\n"))
        texter.send("4")
        texter.send("2,5")
        #expect(texter.onQuestion == "walk-at-night")
        #expect(texter.send("maybe").hasPrefix("Please answer yes or no.\nQuestion 7 of 8\nDo you walk at night?"))
        #expect(texter.send("Y").hasPrefix("Question 8 of 8\nAny ideas?\nReply with your answer in your own words."))
        #expect(
            texter.send("More lights on every street corner, please")
                .hasPrefix("Please keep it to 40 characters or fewer. This has 42.\n"))
        #expect(
            texter.send("  More lights  ")
                == "Thank you for sharing. Your answers will be counted together with your neighbors' answers.\nResults in June."
        )
        #expect(
            texter.saved == [
                Response(
                    surveyID: "safety-priorities", surveyVersion: 3, language: "en",
                    answers: [
                        "area": .choice("north"), "concerns": .choices(["traffic", "theft"]),
                        "safe-at-night": .number(1), "traffic-fixes": .choices(["lights"]), "household": .number(4),
                        "hours-outside": .number(2.5), "walk-at-night": .yesNo(true), "ideas": .text("More lights"),
                    ])
            ])
        #expect(texter.state.conversations.isEmpty)
    }

    @Test(arguments: ["en", "es"])
    func aHintThatStatesTheLimitIsNotFollowedByTheSameWords(_ language: String) throws {
        let survey = WebhookSample.survey
        var question = try #require(survey.questions.first { $0.id == "traffic-fixes" })
        question.hint = WebhookSample.text("Choose up to 2.", "Elija hasta 2.")
        let lines = SMSConversation.questionLines(question, Phrasebook(survey: survey), in: language, place: nil)
        #expect(lines.filter { $0 == question.hint?.text(in: language) }.count == 1)
        // A hint in other words leaves the limit said as well.
        question.hint = WebhookSample.text("Think of your street.", "Piense en su calle.")
        let other = SMSConversation.questionLines(question, Phrasebook(survey: survey), in: language, place: nil)
        #expect(other.count == lines.count + 1)
    }

    @Test func aSpanishSenderCompletesInSpanish() {
        var texter = Texter()
        texter.send(["Hola", "español", "sí", "2", "2 3", "5", "1", "0,5", "no", "Más luces"])
        #expect(
            texter.last?.messages == [
                "Gracias por compartir. Sus respuestas se contarán junto con las de sus vecinos.\nResultados en junio."
            ])
        #expect(texter.saved.first?.language == "es")
        #expect(texter.saved.first?.answers["hours-outside"] == .number(0.5))
    }

    @Test func aCompletedSenderIsToldOnceThenLeftInPeace() {
        var texter = Texter()
        texter.send(["hi", "yes", "2", "2 3", "5", "skip", "skip", "no", "skip"])
        #expect(texter.saved.count == 1)
        #expect(texter.send("hi") == "You've already answered this survey. Thank you!")
        #expect(texter.send("hi again") == "")
        #expect(texter.send("SAFE") == "")
        // A marker keeps it quiet, holding no answers.
        #expect(texter.state.conversations["safety-priorities"]?.answers == [:])
        // Once the marker has expired, the sender is told once more.
        texter.state.conversations = [:]
        #expect(texter.send("hello?") == "You've already answered this survey. Thank you!")
        #expect(texter.saved.count == 1)
    }

    @Test func afterTheHelpTextInSpanishAYesStartsInSpanish() {
        var texter = Texter()
        texter.send("AYUDA")
        #expect(texter.send("si") == SMSConversationTests.consentSpanish)
    }

    @Test func helpGetsTheHelpTextThenTheQuestionAgain() {
        var texter = Texter()
        texter.send(["hi", "yes"])
        let help =
            "Anonymous survey by text message: Neighborhood safety\nWe only ever answer messages you send. "
            + "Msg & data rates may apply. Reply STOP to stop."
        #expect(texter.send("HELP") == help + "\n\n" + Self.areaEnglish)
        #expect(texter.last?.messages.count == 2)
        var fresh = Texter()
        #expect(fresh.send("info") == help)
        #expect(fresh.state.conversations.isEmpty)
        // At the consent, the intro just sent is not sent again.
        fresh.send("hi")
        #expect(fresh.send("help") == help + "\n\n" + Self.consentAgainEnglish)
    }

    @Test func withSeveralSurveysAMessageAfterNoIsAboutTheSurveyDeclined() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send(["parks", "no"])
        #expect(texter.send("hi") == "", "no menu for a phone answering by itself")
        #expect(texter.send("yes").hasPrefix("Question 1 of 1\nDo you visit a park?"))
        var other = Texter([WebhookSample.survey, WebhookSample.parks])
        other.send(["parks", "no"])
        #expect(other.send("SAFE") == Self.consentEnglish, "another survey's keyword starts it")
    }

    @Test func aSurveyChosenFromAListSentInSpanishStartsInSpanish() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        let list = "Responda SAFE para: Seguridad del barrio\nResponda PARKS para: Nuestros parques"
        #expect(texter.send("hola") == list)
        #expect(texter.state.menuLanguage == "es")
        // A reply that chooses nothing gets nothing, so that a phone answering by itself cannot
        // draw the list again and again; HELP sends it again, still in Spanish.
        #expect(texter.send("que") == "")
        #expect(texter.state.menuLanguage == "es")
        #expect(texter.send("ayuda").hasSuffix("\n\n" + list))
        #expect(texter.send("PARKS").hasPrefix("Nuestros parques\nAnónima.\nResponda SI"))
        #expect(texter.state.menuLanguage == nil)
        #expect(texter.send("si").hasPrefix("Pregunta 1 de 1\n¿Visita un parque?"))
        // STOP after the list is confirmed in the list's language.
        var stopping = Texter([WebhookSample.survey, WebhookSample.parks])
        stopping.send("hola")
        #expect(stopping.send("STOP").hasPrefix("No recibirá más mensajes"))
        #expect(stopping.state.menuLanguage == nil)
        // A language named with the keyword's reply still wins.
        var english = Texter([WebhookSample.survey, WebhookSample.parks])
        english.send("hola")
        #expect(english.send("english") == "Reply SAFE for: Neighborhood safety\nReply PARKS for: Our parks")
        #expect(english.send("parks").hasPrefix("Our parks\nAnonymous.\nReply YES"))
    }

    @Test func helpBeforeASurveyIsChosenSaysHowToStartEach() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        #expect(
            texter.send("HELP").hasSuffix(
                "Reply STOP to stop.\n\nReply SAFE for: Neighborhood safety\nReply PARKS for: Our parks"))
        #expect(texter.send("parks").hasPrefix("Our parks\nAnonymous."))
    }

    @Test func anotherSurveysKeywordAtTheConsentBeginsThatSurveyInsteadInTheSameLanguage() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send("parks")
        // Not PARKS's consent again, which YES would then have agreed to.
        #expect(texter.send("SAFE") == Self.consentEnglish)
        #expect(texter.last?.abandoned == "parks")
        #expect(texter.state.conversations["parks"] == nil)
        #expect(texter.send("yes").hasPrefix("Question 1 of"))
        #expect(texter.onQuestion == "area")
        var spanish = Texter([WebhookSample.survey, WebhookSample.parks])
        spanish.send(["hola", "parks"])
        #expect(spanish.send("safe").hasPrefix("Seguridad del barrio\n"))
    }

    @Test func aSurveyAnsweredBeforeNamedAtAnotherConsentIsSaidToBeAnsweredAndTheConsentStays() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send(["parks", "yes", "yes"])
        #expect(texter.saved.map(\.surveyID) == ["parks"])
        texter.send("SAFE")
        #expect(
            texter.send("parks") == "You've already answered this survey. Thank you!\n\n" + Self.consentAgainEnglish)
        #expect(texter.last?.abandoned == nil)
        #expect(texter.send("yes").hasPrefix("Question 1 of"))
        #expect(texter.onQuestion == "area")
    }

    @Test(arguments: ["2", "two", "Reply PARKS", "parks please", "\"Parks\""])
    func aReplyToTheListThatIsNotJustAKeywordStillChooses(_ choice: String) {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send("hi")
        #expect(texter.send(choice).hasPrefix("Our parks\nAnonymous."))
    }

    @Test func aReplyThatNamesTwoSurveysOrIsALongSentenceChoosesNone() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send("hi")
        #expect(texter.send("safe or parks") == "")
        #expect(texter.send("3") == "", "the list has two")
        // Without the list just sent, a number is no choice.
        var fresh = Texter([WebhookSample.survey, WebhookSample.parks])
        #expect(fresh.send("2").hasPrefix("Reply SAFE for"))
    }

    @Test func theListLeavesOutWhatWasAnsweredAndIsNotSentOnceAllWere() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        texter.send(["parks", "yes", "yes"])
        #expect(texter.saved.map(\.surveyID) == ["parks"])
        #expect(texter.send("ok") == "Reply SAFE for: Neighborhood safety")
        #expect(texter.send("1") == Self.consentEnglish)
        var done = Texter([WebhookSample.survey, WebhookSample.parks])
        done.state.completed = ["parks", "safety-priorities"]
        #expect(done.send("ok") == "")
        #expect(done.send("thanks!") == "")
        #expect(!done.send("help").contains("Reply SAFE for"))
    }

    @Test func severalSurveysNeedAKeyword() {
        var texter = Texter([WebhookSample.survey, WebhookSample.parks])
        #expect(texter.send("hi") == "Reply SAFE for: Neighborhood safety\nReply PARKS for: Our parks")
        #expect(texter.state.conversations.isEmpty)
        #expect(texter.send("parks").hasPrefix("Our parks\nAnonymous.\nReply YES"))
        texter.send("yes")
        // Another survey's keyword while one is in progress shows the question on hand.
        #expect(texter.send("SAFE").hasPrefix("Question 1 of 1\nDo you visit a park?"))
        texter.send("yes")
        #expect(texter.saved.map(\.surveyID) == ["parks"])
        #expect(texter.send("SAFE") == Self.consentEnglish)
        #expect(texter.last?.surveyID == "safety-priorities")
    }
}
