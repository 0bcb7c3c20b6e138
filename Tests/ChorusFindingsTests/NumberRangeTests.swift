import ChorusCore
import Testing

@testable import ChorusFindings

/// The ranges a number question's answers are counted in: round, at the question's precision,
/// each holding both its ends, so that a reader can tell which range any answer is in.
@Suite struct NumberRangeTests {
    func codes(_ minimum: Double, _ maximum: Double, decimals: Int = 0) -> [String] {
        let question = Question(
            id: "n", kind: .number(minimum: minimum, maximum: maximum, decimals: decimals),
            prompt: LocalizedText(["en": "How many?"]))
        let slot = QuestionSlot(question, yes: LocalizedText(["en": "Yes"]), no: LocalizedText(["en": "No"]))
        return slot?.values.map(\.code) ?? []
    }

    @Test func aFewWholeNumbersAreEachTheirOwn() {
        #expect(codes(1, 5) == ["1", "2", "3", "4", "5"])
        #expect(codes(0, 9) == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
    }

    @Test func moreAreCountedInRoundRangesThatDoNotOverlap() {
        #expect(codes(1, 60) == ["1-10", "11-20", "21-30", "31-40", "41-50", "51-60"])
        #expect(codes(0, 120) == ["0-24", "25-49", "50-74", "75-99", "100-120"])
        // A last range of a single value is taken into the one before.
        #expect(codes(0, 20) == ["0-4", "5-9", "10-14", "15-20"])
    }

    @Test func decimalsGiveRangesAtTheirPrecisionWithoutBinaryResidue() {
        #expect(codes(0, 24, decimals: 1) == ["0-4.9", "5-9.9", "10-14.9", "15-19.9", "20-24"])
        #expect(codes(0, 1, decimals: 1) == ["0-0.1", "0.2-0.3", "0.4-0.5", "0.6-0.7", "0.8-0.9", "1"])
        #expect(codes(0.5, 3.7, decimals: 0) == ["1", "2", "3"])
    }

    @Test func everyAnswerFallsInTheRangeItsCodeNames() throws {
        let question = Question(
            id: "n", kind: .number(minimum: 0, maximum: 24, decimals: 1), prompt: LocalizedText(["en": "Hours?"]))
        let slot = try #require(
            QuestionSlot(question, yes: LocalizedText(["en": "Yes"]), no: LocalizedText(["en": "No"])))
        for tenths in 0...240 {
            let answer = Double(tenths) / 10
            let index = try #require(slot.index(ofNumber: answer))
            let ends = slot.values[index].code.split(separator: "-").compactMap { Double($0) }
            #expect(ends.first! <= answer && answer <= ends.last!, "\(answer) in \(slot.values[index].code)")
        }
    }
}
