import Testing

@testable import ChorusCore

struct ExpressionAnalysisTests {
    @Test func referencedQuestionsAreUniqueInOrderOfAppearance() throws {
        let expression = try Expression(parsing: "${b} + a + /data/g/b + ../c + . + string-length(..) + b")
        #expect(expression.referencedQuestionIDs == ["b", "a", "c"])
    }

    @Test func namesInPredicatesComeBeforeTheLastStepTheyFilter() throws {
        #expect(try Expression(parsing: "/data/rep[x = 1]/q").referencedQuestionIDs == ["x", "q"])
    }

    @Test func functionNamesAreNotQuestions() throws {
        #expect(try Expression(parsing: "not(today() > date(d))").referencedQuestionIDs == ["d"])
        #expect(try Expression(parsing: "true()").referencedQuestionIDs.isEmpty)
    }

    @Test func optionReferencesFindLiteralsComparedWithQuestions() throws {
        let source =
            "selected(concerns, 'trafic') or area = 'north' or 'south' != ${area} or selected(., 'x') "
            + "or q = 1 or selected(concerns, other) or 'a' = 'b' or selected( /data/concerns , \"noise\")"
        let references = try Expression(parsing: source).optionReferences
        #expect(
            references == [
                OptionReference(questionID: "concerns", value: "trafic", offset: 19),
                OptionReference(questionID: "area", value: "north", offset: 39),
                OptionReference(questionID: "area", value: "south", offset: 50),
                OptionReference(questionID: "concerns", value: "noise", offset: 170),
            ]
        )
    }

    @Test(arguments: [
        ("1 + 2", true),
        ("concat('a', 'b')", true),
        ("round(1.5) = 2 or true()", true),
        ("today()", false),
        ("q", false),
        ("${q}", false),
        (".", false),
        ("string()", false),
        ("normalize-space()", false),
        ("string('x')", true),
        ("/data/q", false),
    ])
    func constantExpressionsReadNoAnswerAndNoDate(source: String, constant: Bool) throws {
        #expect(try Expression(parsing: source).isConstant == constant)
    }
}
