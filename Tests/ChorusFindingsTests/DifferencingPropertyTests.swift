import ChorusCore
import ChorusStore
import PropertyBased
import Testing

@testable import ChorusFindings

/// A second release after more responses: the attacker holds both and knows counts only grow.
@Suite struct DifferencingPropertyTests {
    struct TwoReleases: Sendable, CustomStringConvertible {
        var population: DisclosurePropertyTests.Population
        var added: [Int]

        var description: String { "\(population) added=\(added)" }
    }

    static let populations = Generator { rng in
        let population = DisclosurePropertyTests.Population.random(maximum: 24, channels: ["kiosk"], using: &rng)
        var added = [Int](repeating: 0, count: population.joint.count)
        for _ in 0..<Int.random(in: 1...12, using: &rng) { added[Int.random(in: 0..<added.count, using: &rng)] += 1 }
        return TwoReleases(population: population, added: added)
    }

    /// Pairing every completion of one release with every one of the other is quadratic. Most
    /// populations give well under a million pairs, but now and then one gives tens of millions or
    /// more, which took hours in a debug build and kept CI from ever finishing; those few are left
    /// out.
    static let mostPairs = 1_000_000

    @Test func neitherReleaseNorWhatChangedBetweenThemCanBeNarrowedIntoTheSmallRange() async {
        await propertyCheck(count: 40, input: Self.populations) { input in
            await Task.yield()  // between cases, for the other tests (see DisclosurePropertyTests.check)
            let population = input.population
            let k = population.k
            let survey = population.survey
            let database = try FindingsFixtures.database(for: survey)
            try FindingsFixtures.save(population.entries(population.joint), to: database, survey: survey)
            let first = try FindingsFixtures.build(survey, database, k: k, month: "2026-10", showingSparseTables: true)
            try database.recordRelease(first)
            try FindingsFixtures.save(population.entries(input.added), to: database, survey: survey)
            let second = try FindingsFixtures.build(survey, database, k: k, showingSparseTables: true)

            for count in second.publishedCounts { #expect(count == 0 || count >= k, "\(input)") }
            let attacker = population.attacker
            // Neither enumeration is finished when it alone would exceed the pairs allowed.
            guard let before = attacker.completions(of: first, most: Self.mostPairs),
                let after = attacker.completions(of: second, most: Self.mostPairs),
                before.count * after.count <= Self.mostPairs
            else { return }
            let found = attacker.disclosures(first: first, second: second, k: k, before: before, after: after)
            #expect(found == [], "\(input)")
        }
    }
}
