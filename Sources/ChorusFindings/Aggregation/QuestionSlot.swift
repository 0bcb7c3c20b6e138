import ChorusCore
import Foundation

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

    /// The slot of `question`, or `nil` for a note. `earlierRanges` are a number question's range
    /// codes as an earlier release of the survey version published them, which are kept.
    init?(_ question: Question, yes: LocalizedText, no: LocalizedText, earlierRanges: [String] = []) {
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
            let spans = Self.ranges(minimum: minimum, maximum: maximum, decimals: decimals)
            var codes = spans.map { span in
                span.lower == span.upper
                    ? Answer.format(span.lower) : "\(Answer.format(span.lower))-\(Answer.format(span.upper))"
            }
            ranges = spans.map(\.lower)
            // Ranges drawn otherwise than before would let two releases' counts differ by the few
            // answers between their edges, which neither release shows; so the first ones stay.
            let earlier = earlierRanges.compactMap { code in Self.lowerEnd(of: code).map { (code, $0) } }
            if !earlier.isEmpty, earlier.count == earlierRanges.count {
                let sorted = earlier.sorted { $0.1 < $1.1 }
                (codes, ranges) = (sorted.map(\.0), sorted.map(\.1))
            }
            values = codes.map { FindingsDimensionValue(code: $0, label: nil, role: .category) }
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

    /// The ranges a number's answers are counted in, each holding both its ends, at the question's
    /// precision so that no answer falls between two: every value where there are at most 10,
    /// else at most 6 ranges of a round width (1, 2, 2.5 or 5 times a power of ten) from the
    /// lowest answer up, the last taking in a remainder of less than half a width. They follow
    /// from the survey, never from the data, so their ends reveal nothing.
    private static func ranges(minimum: Double, maximum: Double, decimals: Int) -> [(lower: Double, upper: Double)] {
        let step = pow(10, -Double(min(decimals, 6)))
        // In steps, so that edges are whole numbers of them and print without binary residue.
        let low = (minimum / step).rounded(.up)
        let high = max(low, (maximum / step).rounded(.down))
        let value = { (steps: Double) in (steps * step * 1e6).rounded() / 1e6 }
        let count = high - low + 1
        guard count > 10 else { return stride(from: low, through: high, by: 1).map { (value($0), value($0)) } }
        var width = 1.0
        search: for power in 0...15 {
            // 2.5 steps would put edges between two answers.
            for mantissa in [1, 2, 2.5, 5] where power > 0 || mantissa != 2.5 {
                width = mantissa * pow(10, Double(power))
                if (count / width).rounded(.up) <= 6 { break search }
            }
        }
        var lowers: [Double] = Array(stride(from: low, through: high, by: width))
        if lowers.count > 1, high - lowers[lowers.count - 1] + 1 < width / 2 { lowers.removeLast() }
        return lowers.indices.map { index in
            let upper = index + 1 < lowers.count ? lowers[index + 1] - 1 : high
            return (value(lowers[index]), value(upper))
        }
    }

    /// The lowest answer a range's code (`12` or `1-10`, or from older releases `1-12.8`) holds.
    private static func lowerEnd(of code: String) -> Double? {
        if let single = Double(code) { return single }
        // After the first character, which may be a minus sign.
        for index in code.indices.dropFirst() where code[index] == "-" {
            if let lower = Double(code[..<index]), Double(code[code.index(after: index)...]) != nil { return lower }
        }
        return nil
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
