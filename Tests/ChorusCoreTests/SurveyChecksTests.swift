import Testing

@testable import ChorusCore

/// The logic checks every reader shares: each problem found, located, and worded with its value.
@Suite struct SurveyChecksTests {
    /// The sample survey with `change` applied to its questions.
    func survey(_ change: (inout [Question]) throws -> Void) rethrows -> Survey {
        var survey = SampleSurvey.survey
        try change(&survey.questions)
        return survey
    }

    func index(_ id: String) -> Int { SampleSurvey.order.firstIndex(of: id)! }

    @Test func sampleSurveyHasNoProblems() {
        #expect(SampleSurvey.survey.problems().isEmpty)
    }

    @Test(arguments: [
        ("ideas", "nowhere = 'x'", "show-if of 'ideas' refers to unknown question 'nowhere'"),
        ("ideas", "aera = 'x'", "show-if of 'ideas' refers to unknown question 'aera'; did you mean 'area'?"),
        ("ideas", "ideas = 'yes'", "show-if of 'ideas' refers to 'ideas' itself"),
        (
            "children", "ideas != ''",
            "show-if of 'children' refers to 'ideas', which comes later; a question can depend only on earlier answers"
        ),
        ("ideas", "night-note = 'x'", "show-if of 'ideas' refers to note 'night-note', which has no answer"),
        (
            "ideas", "selected(concerns, 'trafic')",
            "'trafic' is not an option of 'concerns' (its options are 'traffic', 'theft', 'violence', 'drugs', 'lighting')"
        ),
        (
            "ideas", "walk-at-night = 'maybe'",
            "'maybe' is not an option of 'walk-at-night' (its options are 'yes', 'no')"
        ),
        (
            "ideas", ". = 'yes'",
            "show-if cannot use '.': it stands for the answer being checked, which only constraints have"
        ),
        ("ideas", "1 > 2", "show-if is always false, so 'ideas' would never be asked"),
        (
            "ideas", "area = 'north' or 'south'",
            "'south' on its own is always true, so it does not compare anything; to compare, write area = 'south'"
        ),
        (
            "ideas", "'' and walk-at-night = 'yes'",
            "'' on its own is always false, so it does not compare anything; to compare, write walk-at-night = ''"
        ),
        (
            "ideas", "safe-at-night > 10",
            "show-if 'safe-at-night > 10' can never hold, whatever the answer to 'safe-at-night' (a scale from 1 to 5), "
                + "so 'ideas' would never be asked"
        ),
        (
            "ideas", "area = 'north' and household > 30",
            "show-if 'area = 'north' and household > 30' can never hold, whatever the answer to 'area' "
                + "(any of its options) and 'household' (a whole number from 1 to 30), so 'ideas' would never be asked"
        ),
    ])
    func showIfProblemsNameTheValue(id: String, source: String, message: String) throws {
        let checked = try survey { $0[index(id)].showIf = try Expression(parsing: source) }
        let problems = checked.problems()
        #expect(problems.map(\.message) == [message])
        #expect(problems.first?.location == .question(index: index(id), attribute: "show-if"))
    }

    @Test func comparingWithEmptyTextAsksWhetherAnswered() throws {
        let checked = try survey { $0[index("ideas")].showIf = try Expression(parsing: "walk-at-night != ''") }
        #expect(checked.problems().isEmpty)
    }

    @Test(arguments: [
        "household = ''", "not(safe-at-night >= 1)", "household > 29", "selected(traffic-fixes, 'lights')",
        "children > 100", "hours-outside > 23.5 and walk-at-night = 'yes'",
    ])
    func aShowIfThatSomeAnswerOrNoAnswerMeetsIsNotReported(_ source: String) throws {
        // Unanswered counts, and kinds with too many answers to try are left to the author.
        let checked = try survey { $0[index("ideas")].showIf = try Expression(parsing: source) }
        #expect(checked.problems().isEmpty, "\(checked.problems().map(\.message))")
    }

    @Test func optionProblemPointsAtTheLiteral() throws {
        let checked = try survey { $0[index("ideas")].showIf = try Expression(parsing: "selected(concerns, 'trafic')") }
        #expect(checked.problems().first?.offset == 19)
    }

    @Test(arguments: [
        (". > 7", "safe-at-night", "constraint '. > 7' can never hold for a scale from 1 to 5"),
        ("selected(., 'mars')", "area", "constraint 'selected(., 'mars')' can never hold for any of its options"),
        (". = 'maybe'", "walk-at-night", "constraint '. = 'maybe'' can never hold for yes or no"),
        (". > 40", "household", "constraint '. > 40' can never hold for a whole number from 1 to 30"),
    ])
    func constraintThatCanNeverHoldIsReported(source: String, id: String, message: String) throws {
        let checked = try survey {
            $0[index(id)].constraints = [
                Constraint(test: try Expression(parsing: source), message: LocalizedText(["en": "x", "es": "x"]))
            ]
        }
        #expect(checked.problems().map(\.message).contains(message))
    }

    @Test func constraintThatCanHoldIsAccepted() throws {
        let checked = try survey {
            $0[index("safe-at-night")].constraints = [
                Constraint(test: try Expression(parsing: ". >= 5"), message: LocalizedText(["en": "x", "es": "x"]))
            ]
        }
        #expect(checked.problems().isEmpty)
    }

    @Test func constraintReferringToItsOwnQuestionSuggestsDot() throws {
        let checked = try survey {
            $0[index("area")].constraints = [
                Constraint(
                    test: try Expression(parsing: "area != 'north'"), message: LocalizedText(["en": "x", "es": "x"]))
            ]
        }
        #expect(
            checked.problems().map(\.message) == [
                "constraint of 'area' refers to 'area' itself; use '.' for the answer being checked"
            ])
    }

    @Test func unknownPhraseKeySuggestsTheNearest() {
        var checked = SampleSurvey.survey
        checked.phrases["agre"] = LocalizedText(["en": "OK"])
        #expect(checked.problems().map(\.message) == ["unknown phrase key 'agre'; did you mean 'agree'?"])
    }

    @Test func languageWithoutBuiltInWordingMustSupplyEveryPhrase() {
        var checked = SampleSurvey.survey
        checked.languages.append("ht")
        #expect(
            checked.problems().map(\.message) == [
                "Chorus has no built-in wording in 'ht' (only en, es); to survey in 'ht', add a <phrase "
                    + "xml:lang=\"ht\"> for each of the \(Phrase.allCases.count) phrases chorus-survey(5) lists"
            ])
        // Some given: those missing are named.
        checked.phrases["agree"] = LocalizedText(["en": "I agree", "es": "Acepto", "ht": "Mwen dakò"])
        let messages = checked.problems().map(\.message)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasPrefix(
                "Chorus has no built-in wording in 'ht' (only en, es); add a <phrase xml:lang=\"ht\"> for each of: decline"
            ) == true)
    }

    @Test(arguments: [("sp", "es"), ("eng", "en"), ("EN", "en"), ("Spanish", "es")])
    func aLanguageThatLooksLikeOneChorusHasIsProbablyThatOne(_ written: String, _ meant: String) {
        var checked = SampleSurvey.survey
        checked.languages = [meant == "en" ? "es" : "en", written]
        let message = checked.problems().map(\.message).first { $0.contains("'\(written)'") }
        #expect(
            message?.contains("; did you mean '\(meant)'? To survey in '\(written)'") == true,
            "\(String(describing: message))")
    }
}
