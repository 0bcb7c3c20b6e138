import ChorusCore

/// How one counted question's answers become indexes of its category values.
struct QuestionSlot: Sendable {
    /// The shapes of answer a question has, for counting.
    enum Shape: Sendable, Equatable {
        /// Exactly one category value per answer: single choice, scale, yes-no, number in ranges.
        case one
        /// Any number of options (multiple choice), at most `maximum` when given.
        case several(maximum: Int?)
        /// Options in order, `picks` places.
        case ranked(picks: Int)
        /// A number with no ranges to count it in: only whether it was answered.
        case answeredOnly
        /// Free text: counted, never published.
        case text
    }

    let question: Question
    let shape: Shape
    /// The category values, in the order the table shows them.
    let values: [FindingsDimensionValue]
    /// The options' values as bytes, for matching stored answers without making strings.
    let optionBytes: [[UInt8]]
    /// For a number asked in ranges: the ranges' lower ends; the last range includes its upper end.
    let numberRanges: [Double]
    /// For a scale: its minimum.
    let scaleMinimum: Int

    /// The slot of `question`, or `nil` for a note.
    init?(_ question: Question, yes: LocalizedText, no: LocalizedText) {
        self.question = question
        var ranges: [Double] = []
        var scaleMinimum = 0
        switch question.kind {
        case .note:
            return nil
        case .single(let options):
            shape = .one
            values = Self.values(of: options)
        case .multiple(let options, let maximum):
            shape = .several(maximum: maximum)
            values = Self.values(of: options)
        case .rank(let options, let picks):
            shape = .ranked(picks: InterviewEngine.neededPicks(options: options, picks: picks))
            values = Self.values(of: options)
        case .scale(let minimum, let maximum, let minimumLabel, let maximumLabel):
            shape = .one
            scaleMinimum = minimum
            values = (minimum...max(minimum, maximum)).map { point in
                let label = point == minimum ? minimumLabel : point == maximum ? maximumLabel : nil
                return FindingsDimensionValue(code: String(point), label: label, role: .category)
            }
        case .yesNo:
            shape = .one
            values = [
                FindingsDimensionValue(code: "yes", label: yes, role: .category),
                FindingsDimensionValue(code: "no", label: no, role: .category),
            ]
        case .number(let minimum?, let maximum?, let decimals) where maximum > minimum:
            shape = .one
            ranges = Self.ranges(minimum: minimum, maximum: maximum, decimals: decimals)
            values = ranges.indices.map { index in
                let upper = index + 1 < ranges.count ? ranges[index + 1] : maximum
                let code =
                    ranges.count == Int(maximum - minimum) + 1 && decimals == 0
                    ? Answer.format(ranges[index]) : "\(Answer.format(ranges[index]))-\(Answer.format(upper))"
                return FindingsDimensionValue(code: code, label: nil, role: .category)
            }
        case .number:
            shape = .answeredOnly
            values = []
        case .text:
            shape = .text
            values = []
        }
        optionBytes = question.kind.options.map { Array($0.value.utf8) }
        numberRanges = ranges
        self.scaleMinimum = scaleMinimum
    }

    private static func values(of options: [Option]) -> [FindingsDimensionValue] {
        options.map { FindingsDimensionValue(code: $0.value, label: $0.label, role: .category) }
    }

    /// Whole numbers one by one when there are at most ten of them, else five equal ranges:
    /// ranges fixed by the survey, never by the data, so their ends reveal nothing.
    private static func ranges(minimum: Double, maximum: Double, decimals: Int) -> [Double] {
        if decimals == 0, minimum == minimum.rounded(), maximum == maximum.rounded(), maximum - minimum < 10 {
            return Array(stride(from: minimum, through: maximum, by: 1))
        }
        let width = (maximum - minimum) / 5
        return (0..<5).map { minimum + Double($0) * width }
    }

    /// The category index of a number or scale answer, or `nil` if it is none of them.
    func index(ofNumber number: Double) -> Int? {
        switch question.kind {
        case .scale:
            guard number == number.rounded() else { return nil }
            let index = Int(number) - scaleMinimum
            return values.indices.contains(index) ? index : nil
        case .number(let minimum?, let maximum?, _):
            guard number >= minimum, number <= maximum else { return nil }
            return numberRanges.lastIndex { $0 <= number }
        default:
            return nil
        }
    }

    /// The option index of a value given as UTF-8 bytes, or `nil` if it is not an option.
    func index(ofOption bytes: UnsafeRawBufferPointer) -> Int? {
        optionBytes.firstIndex { option in
            option.count == bytes.count && option.withUnsafeBytes { $0.elementsEqual(bytes) }
        }
    }
}
