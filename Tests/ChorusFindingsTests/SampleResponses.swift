import ChorusCore
import ChorusXML
import Foundation

/// Made-up responses to a survey, reproducible from a seed, that follow its skip logic and favour
/// some options over others the way real answers do.
struct SampleResponses {
    struct Respondent {
        var channel: String
        var site: String?
        var language: String
        var answers: [String: Answer]
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The coalition's sample survey, as organizers run it.
    static func safetySurvey() throws -> Survey {
        try SurveyReader().read(file: packageRoot.appendingPathComponent("Surveys/safety-priorities.xml").path)
    }

    static let sites = ["Central Library", "Eastside Center", "Southside Branch"]

    var respondents: [Respondent] = []

    init(survey: Survey, count: Int, seed: UInt64 = 7) {
        var random = SplitMix(seed: seed)
        for _ in 0..<count {
            let sms = random.chance(0.35)
            var answers: [String: Answer] = [:]
            for question in survey.questions {
                let context = EvaluationContext(answers: answers.mapValues(\.expressionValue), today: 0)
                if let showIf = question.showIf, (try? showIf.isTrue(in: context)) != true { continue }
                if !question.isRequired, random.chance(0.08) { continue }
                if let answer = Self.answer(question.kind, &random) { answers[question.id] = answer }
            }
            respondents.append(
                Respondent(
                    channel: sms ? "sms" : "kiosk",
                    site: sms ? nil : Self.sites[random.weighted([5, 3, 2])],
                    language: survey.languages[random.chance(0.3) ? survey.languages.count - 1 : 0],
                    answers: answers))
        }
    }

    private static func answer(_ kind: QuestionKind, _ random: inout SplitMix) -> Answer? {
        // Earlier options are favoured, each a little less than the one before.
        func weights(_ count: Int) -> [Double] { (0..<count).map { 1 / Double($0 + 2) } }
        switch kind {
        case .single(let options):
            return .choice(options[random.weighted(weights(options.count))].value)
        case .multiple(let options, let maximum):
            var chosen = options.enumerated().filter { random.chance(0.55 / Double($0.offset + 1) + 0.1) }.map(
                \.element.value)
            if let maximum { chosen = Array(chosen.prefix(maximum)) }
            return chosen.isEmpty ? .choices([options[0].value]) : .choices(chosen)
        case .rank(let options, let picks):
            var remaining = options.map(\.value)
            // Every respondent leans the same way, in an order that is not the survey's.
            var weightsLeft = weights(options.count).enumerated().sorted {
                ($0.offset * 5) % options.count < ($1.offset * 5) % options.count
            }.map(\.element)
            var order: [String] = []
            for _ in 0..<min(picks, remaining.count) {
                let index = random.weighted(weightsLeft)
                order.append(remaining.remove(at: index))
                weightsLeft.remove(at: index)
            }
            return .choices(order)
        case .scale(let minimum, let maximum, _, _):
            return .number(Double(minimum + random.weighted(weights(maximum - minimum + 1).reversed())))
        case .yesNo:
            return .yesNo(random.chance(0.4))
        case .number(let minimum, let maximum, _):
            return .number(((minimum ?? 0) + (maximum ?? 100)) / 2)
        case .text:
            return random.chance(0.3) ? .text("Call 555-0100 about the broken light on Elm") : nil
        case .note:
            return nil
        }
    }
}

/// A small, fast, seeded generator, so a sample is the same on every run.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func weighted(_ weights: [Double]) -> Int {
        var point = Double.random(in: 0..<weights.reduce(0, +), using: &self)
        for (index, weight) in weights.enumerated() {
            point -= weight
            if point < 0 { return index }
        }
        return weights.count - 1
    }
}
