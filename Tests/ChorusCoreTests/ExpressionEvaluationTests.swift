import Testing

@testable import ChorusCore

struct ExpressionEvaluationTests {
    @Test(arguments: [
        ("1 + 2 * 3", ExpressionValue.number(7)),
        ("(1 + 2) * 3", .number(9)),
        ("10 - 4 - 3", .number(3)),
        ("7 div 2", .number(3.5)),
        ("5 mod 3", .number(2)),
        ("-5 mod 3", .number(-2)),
        ("5 mod -3", .number(2)),
        ("5.5 mod 2", .number(1.5)),
        ("- 3 + 1", .number(-2)),
        ("1 div 0", .number(.infinity)),
        ("-1 div 0", .number(-.infinity)),
        ("2 > 1", .boolean(true)),
        ("2 >= 2", .boolean(true)),
        ("2 < 1", .boolean(false)),
        ("1 <= 1", .boolean(true)),
        ("1 = 1 and 2 = 3 or true()", .boolean(true)),
        ("1 = 1 and (2 = 3 or false())", .boolean(false)),
        ("1 != 2", .boolean(true)),
    ])
    func operatorsComputeAsXPathSays(source: String, expected: ExpressionValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test(arguments: [
        // = and != between a string and a number compare numbers, between two strings compare strings.
        ("'1' = 1", true),
        ("'1.0' = 1", true),
        ("'1.0' = '1'", false),
        ("' 1 ' = 1", true),
        // A boolean on either side makes both booleans.
        ("true() = 'x'", true),
        ("false() = ''", true),
        ("true() = 0", false),
        // Relational operators always compare numbers, so strings that are not numbers are never ordered.
        ("'10' > '9'", true),
        ("'abd' > 'abc'", false),
        ("'abd' < 'abc'", false),
        // Code points, not canonical equivalence: precomposed é differs from e + combining accent.
        ("'\u{E9}' = 'e\u{301}'", false),
    ])
    func comparisonsConvertAsXPathSays(source: String, expected: Bool) throws {
        #expect(try evaluate(source) == .boolean(expected))
    }

    @Test func answersAreReadByNameIdAndPath() throws {
        let answers = ["area": "north", "safe-at-night": "2"]
        for source in ["area", "${area}", "/data/area", "/data/group/area", "../area", "./area"] {
            #expect(try evaluate(source, answers: answers) == .string("north"), "\(source)")
        }
        #expect(try evaluate("safe-at-night <= 2", answers: answers) == .boolean(true))
        #expect(try evaluate("${safe-at-night} + 1", answers: answers) == .number(3))
    }

    @Test func anUnansweredQuestionIsTheEmptyString() throws {
        #expect(try evaluate("q") == .string(""))
        #expect(try evaluate("q = ''") == .boolean(true))
        // number('') is NaN, so every numeric comparison with it is false, and != is true.
        #expect(try evaluate("q = 1") == .boolean(false))
        #expect(try evaluate("q < 1 or q >= 1") == .boolean(false))
        #expect(try evaluate("q != 1") == .boolean(true))
        guard case .number(let sum) = try evaluate("q + 1") else {
            Issue.record("q + 1 is not a number")
            return
        }
        #expect(sum.isNaN)
    }

    @Test func dotIsTheAnswerBeingChecked() throws {
        #expect(try evaluate(".", current: "17") == .string("17"))
        #expect(try evaluate(". >= 18", current: "17") == .boolean(false))
        #expect(try evaluate(".") == .string(""))
        #expect(try evaluate("string-length(.) + string-length(string())", current: "abc") == .number(6))
    }

    @Test func aStoredFalseIsTrueAsXPathSays() throws {
        let context = EvaluationContext(answers: ["flag": "false"], today: 0)
        #expect(try Expression(parsing: "flag").isTrue(in: context))
        #expect(try !Expression(parsing: "boolean-from-string(flag)").isTrue(in: context))
        #expect(try !Expression(parsing: "missing").isTrue(in: context))
    }

    @Test(arguments: [
        ("'2024-01-02' > '2024-01-01'", ExpressionValue.boolean(true)),
        ("'2024-01-02' < '2023-12-31'", .boolean(false)),
        ("number('1970-01-02') = 1", .boolean(true)),
        ("number('1970-01-01')", .number(0)),
        ("number('1969-12-31')", .number(-1)),
        ("'2024-03-01' - '2024-02-01'", .number(29)),
        ("'2023-03-01' - '2023-02-01'", .number(28)),
        ("number('2000-01-01')", .number(10957)),
        ("number('1970-01-02T12:00:00Z')", .number(1.5)),
        ("number('1970-01-02T12:00:00.000+12:00')", .number(1)),
        ("number('1970-01-01T06:00')", .number(0.25)),
        ("'2024-01-02' = 19724", .boolean(true)),
        ("date('2024-01-31')", .string("2024-01-31")),
        ("date(0)", .string("1970-01-01")),
        ("date(19723.9)", .string("2024-01-01")),
        ("date('2024-01-31') + 1", .number(19754)),
        ("date('not a date')", .string("")),
        ("date('2023-02-29')", .string("")),
    ])
    func datesAreDaysSince1970AsInODK(source: String, expected: ExpressionValue) throws {
        #expect(try evaluate(source) == expected)
    }

    @Test(arguments: ["2023-02-29", "2024-13-01", "2024-00-10", "2024-1-02", "24-01-02", "2024-01-02T25:00"])
    func malformedDatesAreNaN(text: String) throws {
        guard case .number(let value) = try evaluate("number('\(text)')") else {
            Issue.record("number() did not return a number")
            return
        }
        #expect(value.isNaN)
    }

    @Test func todayIsInjectedAndIsADate() throws {
        #expect(try evaluate("today()") == .string("2024-05-17"))
        #expect(try evaluate("number(today())") == .number(Double(testToday)))
        #expect(try evaluate("today() = '2024-05-17'") == .boolean(true))
        #expect(try evaluate("concat('on ', today())") == .string("on 2024-05-17"))
        #expect(try evaluate(". <= today()", current: "2024-05-17") == .boolean(true))
        #expect(try evaluate(". <= today()", current: "2024-05-18") == .boolean(false))
        #expect(try evaluate("today() - 1", today: 0) == .number(-1))
    }

    @Test func pathsWithNothingToReadAreRefusedAtTheirOffset() throws {
        #expect(
            try evaluationError("..") == ExpressionError(offset: 0, "'..' cannot be evaluated here: name a question"))
        #expect(try evaluationError("1 + /data/..")?.offset == 10)
        #expect(
            try evaluationError("/") == ExpressionError(offset: 0, "'/' alone cannot be evaluated: name a question"))
        #expect(try evaluationError("/data/*")?.offset == 6)
        #expect(
            try evaluationError("/data/rep[1]/q")
                == ExpressionError(offset: 9, "predicates ('[…]') cannot be evaluated")
        )
        #expect(try evaluationError("(a)[1]")?.offset == 3)
        #expect(
            try evaluationError("a | b")
                == ExpressionError(offset: 2, "'|' cannot be evaluated: chorus has no node sets"))
        #expect(try evaluationError("(a)/b")?.offset == 0)
    }

    @Test func andAndOrStopAtTheFirstDecidingOperand() throws {
        #expect(try evaluate("true() or ..") == .boolean(true))
        #expect(try evaluate("false() and ..") == .boolean(false))
        #expect(try evaluationError("false() or ..") != nil)
    }
}
