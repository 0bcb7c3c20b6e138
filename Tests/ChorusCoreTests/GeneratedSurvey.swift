@testable import ChorusCore

/// A small deterministic random number generator, so an action's seed always gives the same answer.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: Int) { state = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random survey: random kinds and limits, and show-if conditions that look only backwards.
struct GeneratedSurvey: Sendable, CustomStringConvertible {
    var survey: Survey
    /// Conditions that did not parse; a generator bug, checked by the tests.
    var unparsed: [String]

    var description: String {
        survey.questions.map { question in
            let condition = question.showIf.map { " if \($0.source)" } ?? ""
            return "\(question.id): \(question.kind.formatName)\(question.isRequired ? "*" : "")\(condition)"
        }.joined(separator: "; ")
    }

    static func make(using rng: inout some RandomNumberGenerator) -> GeneratedSurvey {
        var questions: [Question] = []
        var unparsed: [String] = []
        for index in 0..<Int.random(in: 1...8, using: &rng) {
            let kind = randomKind(using: &rng)
            var showIf: Expression?
            if Bool.random(using: &rng), let source = randomCondition(on: questions, using: &rng) {
                do { showIf = try Expression(parsing: source) } catch { unparsed.append(source) }
            }
            questions.append(
                Question(
                    id: "q\(index)", kind: kind, prompt: text("Q\(index)"),
                    isRequired: kind != .note && Bool.random(using: &rng), showIf: showIf))
        }
        let survey = Survey(
            id: "generated", version: 1, languages: ["en", "es"], title: text("Generated"),
            consent: text("Consent"), questions: questions)
        return GeneratedSurvey(survey: survey, unparsed: unparsed)
    }

    static func text(_ english: String) -> LocalizedText {
        LocalizedText(["en": english, "es": english + " (es)"])
    }

    static func options(_ count: Int) -> [Option] {
        (0..<count).map { Option(value: "o\($0)", label: text("Option \($0)")) }
    }

    static func randomKind(using rng: inout some RandomNumberGenerator) -> QuestionKind {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            return .single(options: options(Int.random(in: 1...4, using: &rng)))
        case 1:
            let count = Int.random(in: 1...4, using: &rng)
            let maximum = Bool.random(using: &rng) ? Int.random(in: 1...count, using: &rng) : nil
            return .multiple(options: options(count), maximum: maximum)
        case 2:
            return .rank(
                options: options(Int.random(in: 1...5, using: &rng)), picks: Int.random(in: 1...4, using: &rng))
        case 3:
            let minimum = Int.random(in: 0...2, using: &rng)
            return .scale(
                minimum: minimum, maximum: minimum + Int.random(in: 0...4, using: &rng), minimumLabel: text("low"),
                maximumLabel: text("high"))
        case 4:
            let minimum = Bool.random(using: &rng) ? Double(Int.random(in: -5...5, using: &rng)) : nil
            let maximum = Bool.random(using: &rng) ? (minimum ?? 0) + Double(Int.random(in: 0...10, using: &rng)) : nil
            return .number(minimum: minimum, maximum: maximum, decimals: Int.random(in: 0...2, using: &rng))
        case 5:
            return .yesNo
        case 6:
            return .text(maximumLength: Int.random(in: 1...10, using: &rng))
        default:
            return .note
        }
    }

    /// A condition on one or two earlier questions, or `nil` when there is none to look at.
    static func randomCondition(on earlier: [Question], using rng: inout some RandomNumberGenerator) -> String? {
        let answerable = earlier.filter { $0.kind != .note }
        guard let first = answerable.randomElement(using: &rng) else { return nil }
        var condition = test(of: first, using: &rng)
        if Bool.random(using: &rng) { condition = "not(\(condition))" }
        if Int.random(in: 0..<4, using: &rng) == 0, let second = answerable.randomElement(using: &rng) {
            condition = "\(condition) \(Bool.random(using: &rng) ? "and" : "or") \(test(of: second, using: &rng))"
        }
        return condition
    }

    static func test(of question: Question, using rng: inout some RandomNumberGenerator) -> String {
        let id = "${\(question.id)}"
        let option = "o\(Int.random(in: 0..<max(question.kind.options.count, 1), using: &rng))"
        switch question.kind {
        case .single: return "\(id) = '\(option)'"
        case .multiple, .rank: return "selected(\(id), '\(option)')"
        case .scale(let minimum, let maximum, _, _): return "\(id) >= \(Int.random(in: minimum...maximum, using: &rng))"
        case .number: return "\(id) < \(Int.random(in: -5...5, using: &rng))"
        case .yesNo: return "\(id) = '\(Bool.random(using: &rng) ? "yes" : "no")'"
        case .text: return "string-length(\(id)) > 2"
        case .note: return "true()"
        }
    }
}

/// Answers a test knows are right, or wrong, for a question, independently of the engine's checks.
enum GeneratedAnswer {
    static func valid(for question: Question, using rng: inout some RandomNumberGenerator) -> Answer {
        switch question.kind {
        case .single(let options):
            return .choice(options.randomElement(using: &rng)!.value)
        case .multiple(let options, let maximum):
            let count = Int.random(in: 1...min(maximum ?? options.count, options.count), using: &rng)
            return .choices(Array(options.shuffled(using: &rng).prefix(count).map(\.value)))
        case .rank(let options, let picks):
            return .choices(Array(options.shuffled(using: &rng).prefix(min(picks, options.count)).map(\.value)))
        case .scale(let minimum, let maximum, _, _):
            return .number(Double(Int.random(in: minimum...maximum, using: &rng)))
        case .number(let minimum, let maximum, let decimals):
            let low = Int(minimum ?? -100)
            let high = Int(maximum ?? 100)
            let whole = Double(Int.random(in: low...high, using: &rng))
            return .number(
                decimals > 0 && whole + 0.5 <= Double(high) && Bool.random(using: &rng) ? whole + 0.5 : whole)
        case .yesNo:
            return .yesNo(Bool.random(using: &rng))
        case .text(let maximumLength):
            let letters = (0..<Int.random(in: 1...maximumLength, using: &rng)).map { _ in
                "abc".randomElement(using: &rng)!
            }
            return .text((Bool.random(using: &rng) ? " " : "") + String(letters))
        case .note:
            return .text("anything")
        }
    }

    static func invalid(for question: Question, using rng: inout some RandomNumberGenerator) -> Answer {
        switch question.kind {
        case .single:
            return Bool.random(using: &rng) ? .choice("nope") : .yesNo(true)
        case .multiple(let options, let maximum):
            if let maximum, maximum < options.count, Bool.random(using: &rng) {
                return .choices(options.map(\.value))
            }
            return Bool.random(using: &rng) ? .choices(["o0", "o0"]) : .choices(["nope"])
        case .rank(let options, let picks):
            let needed = min(picks, options.count)
            if needed < options.count, Bool.random(using: &rng) {
                return .choices(Array(options.prefix(needed + 1).map(\.value)))
            }
            return needed > 1 ? .choices(["o0"]) : .choices(["nope"])
        case .scale(let minimum, let maximum, _, _):
            return .number(
                [Double(minimum - 1), Double(maximum + 1), Double(minimum) + 0.5].randomElement(using: &rng)!)
        case .number(let minimum, let maximum, let decimals):
            if let maximum { return .number(maximum + 1) }
            if let minimum { return .number(minimum - 1) }
            return Bool.random(using: &rng) ? .number(.nan) : .number(decimals == 0 ? 0.5 : 0.125)
        case .yesNo:
            return .choice("yes")
        case .text(let maximumLength):
            return .text(Bool.random(using: &rng) ? String(repeating: "x", count: maximumLength + 1) : "  ")
        case .note:
            return .yesNo(true)
        }
    }
}
