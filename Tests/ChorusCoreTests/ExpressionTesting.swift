@testable import ChorusCore

/// 2024-05-17, the day tests run "today".
let testToday = CivilDate(year: 2024, month: 5, day: 17).daysSince1970

/// Parses and evaluates `source` the way the interview engine does.
func evaluate(
    _ source: String,
    answers: [String: String] = [:],
    current: String? = nil,
    today: Int = testToday
) throws -> ExpressionValue {
    let context = EvaluationContext(answers: answers, currentValue: current, today: today)
    return try Expression(parsing: source).evaluate(in: context)
}

/// The error `source` fails to parse with, or `nil` if it parses.
func parseError(_ source: String) -> ExpressionError? {
    do {
        _ = try Expression(parsing: source)
        return nil
    } catch {
        return error
    }
}

/// The error evaluating `source` throws, or `nil` if it evaluates.
func evaluationError(_ source: String, answers: [String: String] = [:]) throws -> ExpressionError? {
    let expression = try Expression(parsing: source)
    do {
        _ = try expression.evaluate(in: EvaluationContext(answers: answers, today: testToday))
        return nil
    } catch {
        return error
    }
}
