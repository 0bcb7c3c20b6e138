import Testing

@testable import ChorusCore

/// Numbers as residents type them, read alike at a kiosk and in a text message.
@Suite struct TypedNumberTests {
    @Test(arguments: [
        ("3", 3.0), ("2.5", 2.5), ("-1", -1), ("+4", 4), ("1 000", 1000), ("2,5", 2.5), ("12,75", 12.75),
        (",5", 0.5), ("1,200", 1200), ("1,234.50", 1234.5), ("12,345,678", 12_345_678), ("-1,500", -1500),
        ("0,125", 0.125), ("-0,250", -0.25),
    ])
    func readsWhatPeopleWrite(_ typed: String, _ value: Double) {
        #expect(Answer.typedNumber(typed) == value)
    }

    @Test(arguments: ["", "three", "1.000,5", "1,2,3", "1,23.4", "1234,567", "1.5,000", "2,5,", "1e3", "٣"])
    func refusesWhatItWouldHaveToGuess(_ typed: String) {
        #expect(Answer.typedNumber(typed) == nil)
    }
}
