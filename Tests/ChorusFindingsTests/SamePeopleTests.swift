import ChorusCore
import ChorusStore
import Testing

@testable import ChorusFindings

/// A count of the same people is one count wherever a table shows it: a group's own count and
/// the group's total of a question all of it answered, withheld in one table, is withheld in all.
@Suite struct SamePeopleTests {
    static let areas = ["north", "south", "east"]
    static let survey = FindingsFixtures.survey([
        FindingsFixtures.single("area", areas, quasiIdentifier: true),
        FindingsFixtures.single("q", ["yes", "no"], required: false),
        FindingsFixtures.single("r", ["yes", "no"], required: false),
    ])

    struct Person {
        var area: String?
        var channel: Channel
        var q: String?
        var r: String?
    }

    /// People written `area/channel/q/r:count`, channel `k` (kiosk) or `s` (text message), `-`
    /// for a question not answered.
    static func people(_ text: String) -> [Person] {
        text.split(separator: " ").flatMap { item in
            let parts = item.split(separator: ":")
            let fields = parts[0].split(separator: "/").map { $0 == "-" ? nil : String($0) }
            let person = Person(
                area: fields[0], channel: fields[1] == "k" ? .kiosk : .sms, q: fields[2], r: fields[3])
            return Array(repeating: person, count: Int(parts[1])!)
        }
    }

    static func entries(_ people: [Person]) -> [FindingsFixtures.Entry] {
        people.map { person in
            var answers: [String: Answer] = [:]
            if let area = person.area { answers["area"] = .choice(area) }
            if let q = person.q { answers["q"] = .choice(q) }
            if let r = person.r { answers["r"] = .choice(r) }
            return FindingsFixtures.Entry(
                answers: answers, channel: person.channel, site: person.channel == .kiosk ? "Library" : nil)
        }
    }

    /// Where a group's own count and a question's total for the group count the same people, as
    /// all of the group answered it, what the two cells show; empty when every pair agrees.
    static func disagreements(in release: FindingsRelease, _ people: [Person]) -> [String] {
        var found: [String] = []
        for question in ["q", "r"] {
            func answered(_ person: Person) -> Bool { (question == "q" ? person.q : person.r) != nil }
            var pairs: [(String, FindingsCell?, FindingsCell?)] = []
            for area in areas where people.filter({ $0.area == area }).allSatisfy(answered) {
                pairs.append((area, release.cell("area", area), release.cell("\(question).by.area", area, "total")))
            }
            for (channel, code) in [(Channel.kiosk, "kiosk"), (.sms, "sms")]
            where people.filter({ $0.channel == channel }).allSatisfy(answered) {
                pairs.append(
                    (code, release.cell("reach.channel", code), release.cell("\(question).by-channel", code, "total")))
            }
            if people.allSatisfy(answered) {
                pairs.append(("everyone", release.cell("reach.channel", "total"), release.cell(question, "total")))
            }
            for (group, own, total) in pairs where own != nil && total != nil && own?.count != total?.count {
                found.append("\(question) \(group): \(own!.count) beside \(total!.count)")
            }
        }
        return found
    }

    /// Releases `first`, records it, then releases `first` and `more` together.
    static func releases(_ first: [Person], then more: [Person]) throws -> (FindingsRelease, FindingsRelease) {
        let database = try FindingsFixtures.database(for: survey)
        try FindingsFixtures.save(entries(first), to: database, survey: survey)
        let earlier = try FindingsFixtures.build(survey, database, month: "2026-10", showingSparseTables: true)
        try database.recordRelease(earlier)
        try FindingsFixtures.save(entries(more), to: database, survey: survey)
        return (earlier, try FindingsFixtures.build(survey, database, showingSparseTables: true))
    }

    @Test func aChannelThatGrewByAFewIsWithheldInTheBreakdownOfAQuestionAllOfItAnswered() throws {
        // Both releases showed kiosk's 19; then 5 more came by kiosk, all answering q. The second
        // withheld kiosk's 24 in reach.channel but showed it as kiosk's total in q.by-channel.
        let first = Self.people(
            "east/k/no/no:2 east/k/no/yes:1 east/k/yes/no:2 east/k/yes/yes:1 north/k/no/no:2 north/k/no/yes:3 "
                + "north/k/yes/no:1 north/k/yes/yes:1 north/s/no/no:3 north/s/no/yes:2 north/s/yes/no:1 "
                + "north/s/yes/yes:2 south/k/no/no:1 south/k/no/yes:4 south/k/yes/no:1 south/s/no/no:1 "
                + "south/s/no/yes:1 south/s/yes/yes:1")
        let more = Self.people(
            "east/k/no/yes:1 north/k/no/yes:1 north/k/yes/no:2 north/s/-/no:1 south/k/yes/no:1")

        let (earlier, release) = try Self.releases(first, then: more)

        #expect(earlier.cell("reach.channel", "kiosk")?.count == .count(19))
        #expect(release.cell("reach.channel", "kiosk")?.count == .suppressed)
        #expect(Self.disagreements(in: release, first + more) == [])
    }

    @Test func aGroupWithheldBesideAnotherIsWithheldInTheBreakdownOfAQuestionAllOfItAnswered() throws {
        // All 20 in the east answered q; the second release withheld the east in area.csv, but
        // q.by.area showed east's total of 20.
        let first = Self.people(
            "-/k/yes/no:1 -/s/no/yes:1 -/s/yes/no:1 east/k/no/no:3 east/k/no/yes:5 east/k/yes/no:3 "
                + "east/k/yes/yes:3 east/s/no/yes:2 east/s/yes/no:1 east/s/yes/yes:3 north/k/no/no:1 "
                + "north/k/no/yes:5 north/k/yes/no:1 north/k/yes/yes:2 north/s/no/no:5 north/s/no/yes:4 "
                + "north/s/yes/no:1 north/s/yes/yes:3 south/k/no/no:1 south/k/no/yes:8 south/k/yes/no:2 "
                + "south/k/yes/yes:1 south/s/no/no:2 south/s/no/yes:2 south/s/yes/yes:2")
        let more = Self.people("north/s/no/no:1 south/s/-/no:1")

        let (earlier, release) = try Self.releases(first, then: more)

        #expect(Self.disagreements(in: earlier, first) == [])
        #expect(Self.disagreements(in: release, first + more) == [])
    }

    @Test func aQuestionsTotalForAGroupAllOfWhichAnsweredIsShownAsTheGroupIs() throws {
        // Everyone by kiosk answered q: the first release showed kiosk's 26 in reach.channel and
        // withheld the same 26 people as kiosk's total in q.by-channel.
        let first = Self.people(
            "east/k/no/no:4 east/k/no/yes:7 east/k/yes/no:1 east/k/yes/yes:3 east/s/no/no:1 north/k/no/no:2 "
                + "north/k/no/yes:3 north/k/yes/no:2 north/k/yes/yes:1 north/s/-/no:1 north/s/-/yes:1 "
                + "north/s/no/no:3 north/s/no/yes:3 north/s/yes/yes:1 south/k/no/yes:1 south/k/yes/no:2 "
                + "south/s/no/yes:1 south/s/yes/yes:1")
        let database = try FindingsFixtures.database(for: Self.survey)
        try FindingsFixtures.save(Self.entries(first), to: database, survey: Self.survey)

        let release = try FindingsFixtures.build(Self.survey, database, showingSparseTables: true)

        #expect(Self.disagreements(in: release, first) == [])
    }

    @Test(arguments: 0..<40)
    func everyGroupAllOfWhichAnsweredAQuestionIsShownAlikeInItsTables(seed: Int) throws {
        var rng = SplitMix64(seed: seed)
        func people(_ count: Int, skipping: Double) -> [Person] {
            (0..<count).map { _ in
                let area = Double.random(in: 0..<1, using: &rng) < 0.05 ? nil : Self.areas.randomElement(using: &rng)
                let channel: Channel = Bool.random(using: &rng) ? .kiosk : .sms
                let skips = channel == .sms && Double.random(in: 0..<1, using: &rng) < skipping
                let q = skips ? nil : ["yes", "no"].randomElement(using: &rng)
                return Person(area: area, channel: channel, q: q, r: ["yes", "no"].randomElement(using: &rng))
            }
        }
        let first = people(Int.random(in: 20...80, using: &rng), skipping: seed % 2 == 0 ? 0 : 0.2)
        let more = people(Int.random(in: 1...8, using: &rng), skipping: 0.3)

        let (earlier, release) = try Self.releases(first, then: more)

        #expect(Self.disagreements(in: earlier, first) == [])
        #expect(Self.disagreements(in: release, first + more) == [])
    }
}
