import PropertyBased
import Testing

@testable import ChorusCore

struct ExpressionPropertyTests {
    /// Fragments that combine into valid and invalid expressions alike.
    private static let fragments = [
        "a", "safe-at-night", "${q}", ".", "..", "/data/", "/", "q", "1", "2.5", ".5", "'x'", "\"y z\"", "'", "(", ")",
        "[", "]", ",", "+", "-", " - ", "*", " div ", " mod ", " and ", " or ", "=", "!=", "<", "<=", ">", ">=", "|",
        "selected(", "not(", "if(", "concat(", "today()", "count-selected(", "round(", "é", "👍", " ", "\t", "#",
    ]

    private static let sources = Gen<String?>.element(of: fragments).map { $0! }.array(of: 0...14).map { $0.joined() }

    @Test func anyInputParsesOrFailsWithAnOffsetInsideIt() async {
        await propertyCheck(count: 2000, input: Self.sources) { source in
            guard let error = parseError(source) else { return }
            #expect((0...source.unicodeScalars.count).contains(error.offset), "\(source): \(error)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test func normalizedSourceParsesBackToItself() async {
        await propertyCheck(count: 2000, input: Self.sources) { source in
            guard let expression = try? Expression(parsing: source) else { return }
            let normalized = expression.normalizedSource
            let reparsed = try #require(try? Expression(parsing: normalized), "\(source) → \(normalized)")
            #expect(reparsed.normalizedSource == normalized, "\(source)")
            #expect(reparsed.referencedQuestionIDs == expression.referencedQuestionIDs, "\(source)")
        }
    }

    @Test func evaluationNeverTraps() async {
        let answers = ["a": "1", "q": "x y", "safe-at-night": "3"]
        let context = EvaluationContext(answers: answers, currentValue: "2", today: 0)
        await propertyCheck(count: 2000, input: Self.sources) { source in
            guard let expression = try? Expression(parsing: source) else { return }
            _ = try? expression.evaluate(in: context)
        }
    }

    @Test func civilDatesRoundTripThroughDayCounts() async {
        await propertyCheck(count: 2000, input: Gen.int(in: -800_000...2_900_000)) { days in
            let date = CivilDate(daysSince1970: days)
            #expect(date.isValid)
            #expect(date.daysSince1970 == days)
            // Four-digit years are what ODK writes and reads.
            if (0...9999).contains(date.year) {
                #expect(CivilDate.days(from: date.formatted) == Double(days), "\(date.formatted)")
            }
        }
    }
}
