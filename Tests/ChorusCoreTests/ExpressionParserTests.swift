import Testing

@testable import ChorusCore

struct ExpressionParserTests {
    private func path(_ steps: String..., offset: Int = 0) -> ExpressionNode {
        var position = offset
        var parsed: [LocationPath.Step] = []
        for step in steps {
            parsed.append(LocationPath.Step(test: .name(step), predicates: [], offset: position))
            position += step.unicodeScalars.count + 1
        }
        return .path(LocationPath(start: .context, steps: parsed, offset: offset))
    }

    @Test func hyphenatedNameIsOneIdentifier() throws {
        let expression = try Expression(parsing: "safe-at-night <= 2")
        #expect(expression.root == .binary(.lessOrEqual, path("safe-at-night"), .number(2), offset: 14))
        #expect(expression.referencedQuestionIDs == ["safe-at-night"])
    }

    @Test(arguments: ["a - b", "a -b", "a - -b"])
    func minusSeparatedBySpaceIsSubtraction(source: String) throws {
        guard case .binary(.minus, _, _, _) = try Expression(parsing: source).root else {
            Issue.record("\(source) is not a subtraction")
            return
        }
    }

    @Test func minusInsideANameBelongsToTheName() throws {
        // XPath's rule, and ODK's: `x-1` names a question; subtraction needs a space.
        #expect(try Expression(parsing: "x-1").referencedQuestionIDs == ["x-1"])
        #expect(try Expression(parsing: "3-1").root == .binary(.minus, .number(3), .number(1), offset: 1))
    }

    @Test func operatorNamesAreNamesInOperandPosition() throws {
        #expect(
            try Expression(parsing: "div div div").root
                == .binary(.divide, path("div"), path("div", offset: 8), offset: 4))
        #expect(try Expression(parsing: "and and or").referencedQuestionIDs == ["and", "or"])
        #expect(try Expression(parsing: "mod mod 2").normalizedSource == "mod mod 2")
    }

    @Test func starIsMultiplicationAfterAnOperandAndAWildcardElsewhere() throws {
        #expect(try Expression(parsing: "a * b").normalizedSource == "a * b")
        guard case .path(let wildcard) = try Expression(parsing: "/data/*").root else {
            Issue.record("/data/* is not a path")
            return
        }
        #expect(wildcard.steps.map(\.test) == [.name("data"), .wildcard])
    }

    @Test(arguments: [
        ("1 + 2 * 3", "1 + 2 * 3"),
        ("(1 + 2) * 3", "(1 + 2) * 3"),
        ("1 + (2 * 3)", "1 + 2 * 3"),
        ("10 - (4 - 3)", "10 - (4 - 3)"),
        ("(10 - 4) - 3", "10 - 4 - 3"),
        ("a or b and c", "a or b and c"),
        ("(a or b) and c", "(a or b) and c"),
        ("a = b = c", "a = b = c"),
        ("a = (b = c)", "a = (b = c)"),
        ("1 < 2 = true()", "1 < 2 = true()"),
        ("-(1 + 2)", "-(1 + 2)"),
        ("- - 1", "--1"),
        ("a|b", "a | b"),
        ("-a | b", "-a | b"),
        ("6 div 2 mod 4*1", "6 div 2 mod 4 * 1"),
    ])
    func precedenceAndAssociativityFollowXPath(source: String, normalized: String) throws {
        #expect(try Expression(parsing: source).normalizedSource == normalized)
    }

    @Test(arguments: [
        ("selected( /data/q , 'x')", "selected(/data/q, 'x')"),
        ("  \n\tq\r\n=\t'a'  ", "q = 'a'"),
        ("concat( ${a} ,\"it's\" )", "concat(${a}, \"it's\")"),
        ("if(a>1,'x',\"y\")", "if(a > 1, 'x', 'y')"),
        ("jr:choice-name", "jr:choice-name"),
    ])
    func whitespaceMayStandAnywhereBetweenTokens(source: String, normalized: String) throws {
        #expect(try Expression(parsing: source).normalizedSource == normalized)
    }

    @Test(arguments: [
        (".", "."),
        ("..", ".."),
        ("/data/group/q", "/data/group/q"),
        ("q/sub", "q/sub"),
        ("../q", "../q"),
        ("../../q", "../../q"),
        ("/data/rep[2]/q", "/data/rep[2]/q"),
        ("/data/rep[ x = 1 ][y]/q", "/data/rep[x = 1][y]/q"),
        ("(a)[1]", "a[1]"),
        ("(a | b)[1]/c", "(a | b)[1]/c"),
        ("/", "/"),
        ("(/) * 2", "(/) * 2"),
        ("a.b", "a.b"),
    ])
    func pathsParseWithTheirPredicates(source: String, normalized: String) throws {
        #expect(try Expression(parsing: source).normalizedSource == normalized)
    }

    @Test(arguments: [
        ("42", 42.0),
        ("0.5", 0.5),
        (".5", 0.5),
        ("1.", 1.0),
        ("007", 7.0),
        ("12.250", 12.25),
    ])
    func numbersFollowTheXPathNumberProduction(source: String, value: Double) throws {
        #expect(try Expression(parsing: source).root == .number(value))
    }

    @Test func stringLiteralsTakeEitherQuoteAndKeepTheOtherInside() throws {
        #expect(try Expression(parsing: #""it's""#).root == .string("it's", offset: 0))
        #expect(try Expression(parsing: #"'say "hi"'"#).root == .string(#"say "hi""#, offset: 0))
        #expect(try Expression(parsing: "''").root == .string("", offset: 0))
    }

    @Test func functionNamesMayHaveHyphensAndAreCheckedForArity() throws {
        let expression = try Expression(parsing: "count-selected(concerns) > 1 and selected-at(concerns, 0) = 'x'")
        #expect(expression.referencedQuestionIDs == ["concerns"])
    }

    @Test(arguments: [
        // Functions
        ("selectd(a, 'x')", 0, "unknown function 'selectd'"),
        ("selected(a)", 0, "'selected' takes 2 arguments, not 1"),
        ("x and  selected(a)", 7, "'selected' takes 2 arguments, not 1"),
        ("true(1)", 0, "'true' takes no arguments, not 1"),
        ("not(a, b)", 0, "'not' takes 1 argument, not 2"),
        ("round(1, 2, 3)", 0, "'round' takes 1 or 2 arguments, not 3"),
        ("concat()", 0, "'concat' takes at least 1 argument, not 0"),
        ("if(a, b)", 0, "'if' takes 3 arguments, not 2"),
        ("uuid()", 0, "function 'uuid' is not supported"),
        ("a + count(/data/rep)", 4, "function 'count' is not supported"),
        ("jr:choice-name(a, 'b')", 0, "function 'jr:choice-name' is not supported"),
        ("regex(., '[')", 9, "invalid regular expression '['"),
        // Tokens
        ("a = )", 4, "unexpected ')'"),
        ("(a = 1", 6, "expected ')' to close '('"),
        ("selected(a, 'x' 'y')", 16, "expected ')' to close '('"),
        ("q[1", 3, "expected ']' to close '['"),
        ("'abc", 0, "unterminated string"),
        ("a = \"abc", 4, "unterminated string"),
        ("a = ", 4, "unexpected end of expression"),
        ("", 0, "unexpected end of expression"),
        ("   ", 3, "unexpected end of expression"),
        ("a b", 2, "unexpected 'b'"),
        ("a # b", 2, "unexpected '#'"),
        ("a ! b", 2, "unexpected '!'"),
        ("1 2", 2, "unexpected '2'"),
        ("/data/", 6, "unexpected end of expression"),
        ("/data/[1]", 6, "unexpected '['"),
        ("a ,", 2, "unexpected ','"),
        ("a and", 5, "unexpected end of expression"),
        // Constructs outside the subset
        ("//q", 0, "'//' is not supported: name each step of the path"),
        ("../@id", 3, "attribute references ('@') are not supported"),
        ("parent::q", 0, "axis 'parent::' is not supported"),
        ("$x", 0, "unexpected '$': write a question as ${id}"),
        ("${a", 0, "expected a question id and '}' after '${'"),
        ("1 + ${}", 4, "expected a question id and '}' after '${'"),
    ])
    func errorsPointAtTheOffendingToken(source: String, offset: Int, message: String) {
        #expect(parseError(source) == ExpressionError(offset: offset, message))
    }

    @Test func offsetsCountUnicodeScalars() {
        // 👍 is one scalar but two UTF-16 units, é (precomposed) one scalar but two UTF-8 bytes.
        #expect(parseError("'👍é' = nope()")?.offset == 7)
        #expect(parseError("'e\u{301}' = nope()")?.offset == 7)
    }

    @Test func deepNestingIsRefusedInsteadOfExhaustingTheStack() {
        let depth = ExpressionParser.maximumNesting + 1
        let source = String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(parseError(source)?.message == "expression is nested too deeply")
    }

    @Test func longChainsParseUpToTheHeightLimit() throws {
        let terms = (0..<ExpressionParser.maximumHeight / 2).map { "selected(q, 'v\($0)')" }
        let expression = try Expression(parsing: terms.joined(separator: " or "))
        #expect(try expression.isTrue(in: EvaluationContext(answers: ["q": "v3"], today: 0)))

        let tooMany = Array(repeating: "q", count: ExpressionParser.maximumHeight + 1).joined(separator: " or ")
        #expect(parseError(tooMany)?.message.hasPrefix("expression is too long") == true)
    }

    @Test func tokensAreCountedBeforeAnyTreeIsBuilt() {
        // concat( with n literals, n - 1 commas and ) is 2n + 2 tokens; a leading minus is one more.
        let literals = Array(repeating: "'a'", count: (ExpressionParser.maximumTokens - 2) / 2)
        let atTheLimit = "concat(\(literals.joined(separator: ", ")))"
        #expect(parseError(atTheLimit) == nil)
        #expect(parseError("-" + atTheLimit) == ExpressionError(offset: 0, ExpressionParser.tooLong))
        // 100,000 terms overflowed the stack releasing the tree built before its height was checked.
        let chain = Array(repeating: "q", count: 100_000).joined(separator: " or ")
        #expect(parseError(chain) == ExpressionError(offset: 0, ExpressionParser.tooLong))
        let negations = String(repeating: "-", count: 100_000) + "1"
        #expect(parseError(negations) == ExpressionError(offset: 0, ExpressionParser.tooLong))
    }

    @Test func sourceDecidesEquality() throws {
        #expect(try Expression(parsing: "a = 1") == Expression(parsing: "a = 1"))
        #expect(try Expression(parsing: "a = 1") != Expression(parsing: "a=1"))
        #expect(try Expression(parsing: "a=1").description == "a=1")
    }
}
