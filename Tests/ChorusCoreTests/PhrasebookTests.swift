import Testing

@testable import ChorusCore

@Suite struct PhrasebookTests {
    let phrasebook = Phrasebook(survey: SampleSurvey.survey)

    @Test(arguments: Phrase.allCases)
    func everyPhraseHasTextInEveryBuiltInLanguage(_ phrase: Phrase) throws {
        for language in Phrasebook.builtInLanguages {
            let text = try #require(Phrasebook.builtIn(phrase, in: language))
            #expect(!text.isEmpty)
            #expect(text == Self.trimmedOf(text), "no stray spaces in \(phrase) (\(language))")
        }
    }

    @Test func spanishIsATranslationNotACopy() {
        let same = Phrase.allCases.filter { Phrasebook.builtIn($0, in: "en") == Phrasebook.builtIn($0, in: "es") }
        // Words that happen to be spelled the same in both.
        #expect(same == [.no, .smsWordNo, .smsWordStop])
    }

    @Test func phraseKeysAreUnique() {
        #expect(Set(Phrase.allCases.map(\.rawValue)).count == Phrase.allCases.count)
    }

    @Test func placeholdersAreFilled() {
        #expect(phrasebook.text(.progress, in: "en", ["n": "2", "total": "7"]) == "Question 2 of 7")
        #expect(phrasebook.text(.progress, in: "es", ["n": "2", "total": "7"]) == "Pregunta 2 de 7")
    }

    @Test func kioskCountdownsAreFilledWithTheirSeconds() {
        #expect(phrasebook.text(.idleCountdown, in: "en", ["seconds": "15"]).hasSuffix("start over. Seconds left: 15"))
        #expect(
            phrasebook.text(.pinWrong, in: "es", ["seconds": "2"])
                == "Ese PIN no es correcto. Segundos hasta el próximo intento: 2")
    }

    @Test func placeholdersNamingAPhraseAreFilledWithIt() {
        #expect(phrasebook.text(.smsBackOrSkip, in: "en") == "Reply BACK to go back or SKIP to skip.")
        #expect(phrasebook.text(.smsBackOrSkip, in: "es") == "Responda ATRAS para volver o SALTAR para saltar.")
    }

    @Test func textMessagePhrasesFillTitlesKeywordsAndReplyWords() {
        #expect(
            phrasebook.text(.smsChooseSurvey, in: "es", ["title": "Parques", "keyword": "PARQUES"])
                == "Responda PARQUES para: Parques")
        let help = phrasebook.text(.smsHelp, in: "en", ["title": "Safety"])
        #expect(help.hasPrefix("Anonymous survey by text message: Safety\n"))
        #expect(help.hasSuffix("Msg & data rates may apply. Reply STOP to stop."))
        #expect(phrasebook.text(.smsHelp, in: "es", ["title": "Seguridad"]).hasSuffix("Responda STOP para terminar."))
    }

    @Test func unknownOrUnclosedPlaceholdersAreLeftAsWritten() {
        var survey = SampleSurvey.survey
        survey.phrases = ["thanks": LocalizedText(["en": "Thanks {who} and {n} {unclosed"])]
        let text = Phrasebook(survey: survey).text(.thanks, in: "en", ["n": "3"])
        #expect(text == "Thanks {who} and 3 {unclosed")
    }

    @Test func aSurveysOwnPhrasesComeFirst() {
        var survey = SampleSurvey.survey
        survey.phrases = [
            "thanks": LocalizedText(["en": "Thanks, neighbor!"]),
            "sms-word-back": LocalizedText(["es": "VOLVER"]),
        ]
        let phrasebook = Phrasebook(survey: survey)
        #expect(phrasebook.text(.thanks, in: "en") == "Thanks, neighbor!")
        #expect(phrasebook.text(.thanks, in: "es") == Phrasebook.builtIn(.thanks, in: "es"))
        #expect(phrasebook.text(.smsBack, in: "es") == "Responda VOLVER para volver.")
    }

    @Test func theEngineRefusesWithTheSurveysOwnWords() {
        var survey = SampleSurvey.survey
        survey.phrases = ["required": LocalizedText(["en": "We need this one.", "es": "Necesitamos esta."])]
        var respondent = Respondent(engine: InterviewEngine(survey: survey, today: 0), language: "es")
        #expect(respondent.skip() == "Necesitamos esta.")
    }

    @Test func builtInLanguagesLackNothing() {
        #expect(Phrasebook.builtInLanguages == ["en", "es"])
        #expect(Phrasebook.missingPhrases(in: SampleSurvey.survey).isEmpty)
    }

    @Test func aLanguageWithoutBuiltInTextsMustSupplyEveryPhrase() {
        var survey = SampleSurvey.survey
        survey.languages = ["en", "vi", "so"]
        survey.phrases = ["thanks": LocalizedText(["vi": "Cảm ơn"]), "agree": LocalizedText(["so": "Haa"])]
        let missing = Phrasebook.missingPhrases(in: survey)
        #expect(Set(missing.keys) == ["vi", "so"])
        #expect(missing["vi"] == Phrase.allCases.filter { $0 != .thanks })
        #expect(missing["so"] == Phrase.allCases.filter { $0 != .agree })
    }

    @Test func aLanguageSupplyingEveryPhraseLacksNothing() {
        var survey = SampleSurvey.survey
        survey.languages = ["vi"]
        survey.phrases = Dictionary(
            uniqueKeysWithValues: Phrase.allCases.map { ($0.rawValue, LocalizedText(["vi": "x"])) })
        #expect(Phrasebook.missingPhrases(in: survey).isEmpty)
        #expect(Phrasebook(survey: survey).text(.back, in: "vi") == "x")
    }

    @Test func aLanguageWithNoTextAtAllFallsBackToEnglish() {
        #expect(phrasebook.text(.back, in: "fr") == "Back")
    }

    static func trimmedOf(_ text: String) -> String { InterviewEngine.trimmed(text) }
}
