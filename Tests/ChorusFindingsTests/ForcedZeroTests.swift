import ChorusCore
import Testing

@testable import ChorusFindings

/// Counts the survey itself makes 0: no one from elsewhere is asked how long they have lived
/// here, so "elsewhere" among those who answered it is 0 in every release, whatever anyone said.
@Suite struct ForcedZeroTests {
    static func survey() throws -> Survey {
        FindingsFixtures.survey([
            FindingsFixtures.single("area", ["north", "south", "elsewhere"], quasiIdentifier: true),
            Question(
                id: "years", kind: .single(options: FindingsFixtures.options(["under-1", "longer"])),
                prompt: FindingsFixtures.text("How long here?"), isRequired: true,
                showIf: try Expression(parsing: "area != 'elsewhere'")),
            Question(id: "join", kind: .yesNo, prompt: FindingsFixtures.text("Join a meeting?")),
        ])
    }

    @Test func aGroupNeverShownAQuestionHasNoAnswersToItAndItsAnswerersNoneOfThatGroup() throws {
        let survey = try Self.survey()
        let (yes, no) = (FindingsFixtures.text("Yes"), FindingsFixtures.text("No"))
        let slots = survey.questions.compactMap { QuestionSlot($0, yes: yes, no: no) }
        let keys = [
            "q.years=under-1|by.area=elsewhere", "q.years|by.area=elsewhere", "q.years|by.area!",
            "q.area=elsewhere|by.years=longer", "q.years=under-1|by.area=north", "q.area=north|by.years=longer",
            "q.area=elsewhere", "q.years=under-1", "q.join=yes|by.area=elsewhere", "q.area=elsewhere|by.years!",
        ]

        let zeros = SurveyRules.forcedZeros(slots, keys: keys)

        #expect(
            Set(zeros) == [
                "q.years=under-1|by.area=elsewhere", "q.years|by.area=elsewhere", "q.years|by.area!",
                "q.area=elsewhere|by.years=longer",
            ])
    }

    @Test func aKeysPartsAreSplitOnlyWhereABarIsNotEscaped() {
        let key = StatisticKey.within(StatisticKey.answer("area", "a|b"), "site=Main")
        #expect(StatisticKey.parts(of: key) == [#"q.area=a\|b"#, "site=Main"])
        #expect(StatisticKey.isAbout("q.years@2=x", question: "years"))
        #expect(!StatisticKey.isAbout("q.years-here", question: "years"))
    }

    /// Twelve from elsewhere are a small group, so a 0 among them is withheld, as it would say
    /// what all of them answered; but these zeros the survey makes say nothing of them.
    @Test func aZeroTheSurveyMakesIsPublishedInASmallGroup() throws {
        let survey = try Self.survey()
        let database = try FindingsFixtures.database(for: survey)
        var entries: [FindingsFixtures.Entry] = []
        for index in 0..<60 {
            let area = index < 12 ? "elsewhere" : index % 2 == 0 ? "north" : "south"
            var answers: [String: Answer] = ["area": .choice(area), "join": .yesNo(index % 2 == 0)]
            if area != "elsewhere" { answers["years"] = .choice(index < 27 ? "under-1" : "longer") }
            entries.append(FindingsFixtures.Entry(answers: answers))
        }
        try FindingsFixtures.save(entries, to: database, survey: survey)

        let release = try FindingsFixtures.build(survey, database, showingSparseTables: true)

        #expect(release.cell("years", "under-1")?.count == .count(15))
        #expect(release.cell("years.by.area", "elsewhere", "under-1")?.count == .count(0))
        #expect(release.cell("years.by.area", "elsewhere", "total")?.count == .count(0))
    }
}
