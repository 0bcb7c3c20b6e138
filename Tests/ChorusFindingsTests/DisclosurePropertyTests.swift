import ChorusCore
import ChorusStore
import PropertyBased
import Testing

@testable import ChorusFindings

/// Random response sets and random thresholds, attacked by an enumerating attacker that shares no
/// code with the audit.
@Suite struct DisclosurePropertyTests {
    /// A small population: how many respondents fall in each (area, answer, channel) cell.
    struct Population: Sendable, CustomStringConvertible {
        var areas: [String]
        var answers: [String]
        var channels: [String]
        var joint: [Int]
        var k: Int

        var description: String { "k=\(k) areas=\(areas.count) answers=\(answers.count) \(channels) joint=\(joint)" }

        static func random(maximum: Int, channels: [String], using rng: inout some RandomNumberGenerator) -> Population
        {
            let areas = Array(["north", "south", "east"].prefix(Int.random(in: 2...3, using: &rng)))
            let answers = Array(
                ["yes", "no", "unsure"].prefix(
                    areas.count == 3 || channels.count > 1 ? 2 : Int.random(in: 2...3, using: &rng)))
            let cells = areas.count * answers.count * channels.count
            // Skewed weights so that empty, small and large cells all turn up.
            let weights = (0..<cells).map { _ in [0, 1, 1, 4, 9][Int.random(in: 0...4, using: &rng)] }
            var joint = [Int](repeating: 0, count: cells)
            let total = Int.random(in: 0...maximum, using: &rng)
            if weights.reduce(0, +) > 0 {
                for _ in 0..<total {
                    var pick = Int.random(in: 0..<weights.reduce(0, +), using: &rng)
                    let cell = weights.firstIndex { weight in
                        defer { pick -= weight }
                        return pick < weight
                    }!
                    joint[cell] += 1
                }
            }
            return Population(
                areas: areas, answers: answers, channels: channels, joint: joint, k: Int.random(in: 5...11, using: &rng)
            )
        }

        var survey: Survey {
            FindingsFixtures.survey([
                FindingsFixtures.single("area", areas, quasiIdentifier: true), FindingsFixtures.single("q", answers),
            ])
        }

        var attacker: JointAttacker { JointAttacker(areas: areas, answers: answers, channels: channels) }

        /// The entries of `joint`, grown by `extra`.
        func entries(_ joint: [Int]) -> [FindingsFixtures.Entry] {
            var entries: [FindingsFixtures.Entry] = []
            for area in areas.indices {
                for answer in answers.indices {
                    for channel in channels.indices {
                        let count = joint[attacker.cell(area: area, answer: answer, channel: channel)]
                        let isKiosk = channels[channel] == "kiosk"
                        entries += Array(
                            repeating: FindingsFixtures.Entry(
                                answers: ["area": .choice(areas[area]), "q": .choice(answers[answer])],
                                channel: isKiosk ? .kiosk : .sms, site: isKiosk ? "Library" : nil),
                            count: count)
                    }
                }
            }
            return entries
        }
    }

    /// Cases with more completions than this are left out. Where nearly every count is withheld,
    /// two channels' dozen cells can have millions, each case then costing a debug build a minute
    /// or more and half a gigabyte; those are also the releases that publish least.
    static let mostCompletions = 1_000_000

    static let oneChannel = Generator { rng in Population.random(maximum: 30, channels: ["kiosk"], using: &rng) }
    static let twoChannels = Generator { rng in Population.random(maximum: 14, channels: ["kiosk", "sms"], using: &rng)
    }

    /// Builds the release of `population` and checks it against the attacker. Each case is called
    /// after a `Task.yield()`: without it a property holds one of the few threads every test shares
    /// from its first case to its last, and other suites' in-process servers wait for it.
    static func check(_ population: Population) throws {
        let survey = population.survey
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)
        let release = try FindingsFixtures.build(survey, database, k: population.k, showingSparseTables: true)

        for count in release.publishedCounts { #expect(count == 0 || count >= population.k, "\(population)") }
        guard let completions = population.attacker.completions(of: release, most: mostCompletions) else { return }
        #expect(completions.contains(population.joint), "the attacker must find the truth among its completions")
        for cell in population.attacker.cells(of: release) where cell.count == .suppressed {
            let range = JointAttacker.range(cell, over: completions)
            #expect(
                !(range.lowerBound >= 1 && range.upperBound < population.k),
                "\(cell.table) \(cell.coordinates) narrowed to \(range) in \(population)")
        }
        // With two channels, a reader may put a small group inside a group of k or more whose 0 the
        // threshold lets be published ("no one from the north came to a kiosk", "no text message
        // said no"); the audit sees tables, not the joint counts, so there only published zeros
        // are held to this.
        let attributes = population.attacker.attributeDisclosures(
            in: release, k: population.k, truth: population.joint,
            completions: population.channels.count == 1 ? completions : nil)
        #expect(attributes == [], "\(population)")
    }

    /// Found by the property below: 7 from the north came to the kiosk and 8 from the north said
    /// no, so at least 1 from the north texted; 8 said no at the kiosk's one site, so at most 6
    /// texted. The audit did not know that only a kiosk records a site.
    @Test func aSitesBreakdownAndAChannelsDoNotPinDownTheFewWhoTexted() throws {
        try Self.check(
            Population(
                areas: ["north", "south"], answers: ["yes", "no"], channels: ["kiosk", "sms"],
                joint: [0, 1, 7, 1, 1, 1, 1, 2], k: 7))
    }

    @Test func noWithheldCountOfOneBreakdownCanBeNarrowedIntoTheSmallRange() async {
        await propertyCheck(count: 60, input: Self.oneChannel) { population in
            await Task.yield()
            try Self.check(population)
        }
    }

    @Test func noWithheldCountOfTwoBreakdownsSharingMarginsCanBeNarrowedIntoTheSmallRange() async {
        await propertyCheck(count: 40, input: Self.twoChannels) { population in
            await Task.yield()
            try Self.check(population)
        }
    }
}
