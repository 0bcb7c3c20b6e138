import ChorusCore
import Testing

@testable import ChorusFindings

/// The small writers every file is made with.
@Suite struct FormatTests {
    @Test func csvQuotesOnlyWhatRFC4180Requires() {
        var csv = CSVText(header: ["a", "b"])
        csv.append(["plain, with comma", #"say "hi""#])
        csv.append(["two\nlines", "ünïcödé"])
        #expect(
            String(decoding: csv.bytes, as: UTF8.self)
                == "a,b\r\n\"plain, with comma\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",ünïcödé\r\n")
    }

    @Test func jsonKeepsKeyOrderAndEscapesControlCharacters() {
        let value = JSONValue.object([
            ("z", .string("tab\there \"quoted\" \u{1} back\\slash")), ("a", .array([.integer(1), .null, .bool(true)])),
            ("empty", .object([])),
        ])
        #expect(
            String(decoding: value.encoded(), as: UTF8.self) == """
                {
                  "z": "tab\\there \\"quoted\\" \\u0001 back\\\\slash",
                  "a": [1, null, true],
                  "empty": {}
                }

                """)
    }

    @Test(arguments: [
        (42.125, 2, "42.13"), (0.0, 2, "0.00"), (99.999, 2, "100.00"), (7.0, 0, "7"), (0.05, 1, "0.1"),
        (-1.25, 1, "-1.3"), (-0.001, 2, "0.00"), (1234.5, 0, "1235"),
    ])
    func fixedPointRoundsHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
        #expect(FixedPoint.format(value, decimals: decimals) == expected)
    }

    @Test func htmlEscapesEveryCharacterThatCouldEndTextOrAnAttribute() {
        #expect(
            HTMLText.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func wordsWriteCountsAndSharesInBothLanguages() {
        let english = ReleaseWords(language: "en")
        let spanish = ReleaseWords(language: "es-MX")
        #expect(english.count(1_234_567) == "1,234,567")
        #expect(english.percent(0.004) == "0.4%")
        #expect(english.percent(0.426) == "43%")
        let share = PublishedShare(count: 0, total: 15, proportion: 0, lower: 0, upper: 0.2, display: .below(0.05))
        #expect(english.share(share) == "under 5%")
        #expect(spanish.share(share) == "menos de 5%")
        #expect(english.interval(share) == nil)
        let exact = PublishedShare(count: 40, total: 100, proportion: 0.4, lower: 0.309, upper: 0.498, display: .exact)
        #expect(english.interval(exact) == "31–50%")
        let narrow = PublishedShare(
            count: 47, total: 100, proportion: 0.47, lower: 0.467, upper: 0.473, display: .exact)
        #expect(english.interval(narrow) == "46.7–47.3%")
        #expect(ReleaseWords(language: "vi").sectionHeadings == english.sectionHeadings)
    }

    /// An option with a withheld score may belong above every place shown, and an option no one
    /// named is no one's priority; the report's summary line must not read as if either were settled.
    @Test func aPrioritySummaryNeverPutsAnOptionNoOneNamedFirst() {
        func priority(_ options: [(String, Int?)]) -> PriorityResult {
            let best = options.compactMap(\.1).max()
            let standings = options.map { label, score in
                PriorityOption(
                    value: label.lowercased(), label: LocalizedText(["en": label, "es": label]),
                    place: score.map { $0 == best ? 1 : 2 }, score: score, firstChoices: nil,
                    named: score.map(PublishedCount.count) ?? .suppressed, topShare: nil)
            }
            return PriorityResult(
                questionID: "q", title: LocalizedText(["en": "Where?"]), method: .approval, topN: 1,
                ballots: .count(140), options: standings, ties: [], sourceTableID: "q")
        }
        let english = ReleaseWords(language: "en")
        let spanish = ReleaseWords(language: "es")
        // Ranked, options no one named come after the withheld ones, so none is first.
        let nobody = PriorityRanking(
            questionID: "q", title: LocalizedText(["en": "Where?"]), method: .approval, topN: 1, ballots: .count(14),
            standings: [("Parks", 0), ("Crossings", 0), ("Schools", nil)].map { label, named in
                PriorityRanking.Standing(
                    value: label.lowercased(), label: LocalizedText(["en": label, "es": label]), positions: [],
                    named: named.map(PublishedCount.count) ?? .suppressed)
            }, sourceTableID: "q", smallGroup: 22
        ).result
        #expect(english.prioritySummary(nobody) == "No option can be ranked from the published numbers.")
        #expect(
            spanish.prioritySummary(priority([("Parks", 0), ("Crossings", 0)]))
                == "Nadie nombró “Parks” ni “Crossings”.")
        #expect(english.prioritySummary(priority([("Parks", 0)])) == "No one named “Parks”.")
        #expect(
            english.prioritySummary(priority([("Parks", 30), ("Crossings", 30), ("Schools", nil)]))
                == "“Parks” and “Crossings” share first place among the options with published numbers.")
        #expect(
            english.prioritySummary(priority([("Parks", 30), ("Schools", nil)]))
                == "Named most among the options with published numbers: “Parks”.")
        #expect(english.prioritySummary(priority([("Parks", 30), ("Schools", 12)])) == "Named most: “Parks”.")
    }

    @Test func aWithheldNumberOfRespondentsIsNotSaidToBeSmall() {
        // It may be withheld to keep an earlier release from being subtracted, with hundreds
        // answering; and telling a small count from a protective one would narrow it down.
        let english = ReleaseWords(language: "en")
        let spanish = ReleaseWords(language: "es")
        let channels: [(String, PublishedCount)] = [("sms", .suppressed), ("kiosk", .count(0))]
        #expect(
            english.reachSentence(respondents: .suppressed, byChannel: channels)
                == "How many residents answered is withheld, so that no one can be singled out.")
        #expect(
            spanish.reachSentence(respondents: .suppressed, byChannel: channels)
                == "No se publica cuántas personas respondieron, para que nadie pueda ser identificado.")
        #expect(
            english.reachSentence(respondents: .count(342), byChannel: [("sms", .count(342))])
                == "342 residents answered.")
    }
}
