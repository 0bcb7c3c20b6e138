import ChorusStore
import Testing

@testable import ChorusCLI

/// The status table is a pure function of the counts, so its text is checked directly.
@Suite struct StatusTableTests {
    static func count(_ survey: String, _ version: Int, _ channel: Channel, _ site: String?, _ day: String, _ n: Int)
        -> ResponseCount
    {
        ResponseCount(surveyID: survey, surveyVersion: version, channel: channel, site: site, day: Day(day)!, count: n)
    }

    @Test func noCountsSaySo() {
        #expect(StatusTable([]).render() == "no responses yet\n")
    }

    @Test func eachSurveyVersionHasItsOwnTableAndOneChannelOrSiteNoSubtotals() {
        let counts = [
            Self.count("safety", 2, .kiosk, "Biblioteca Este", "2026-11-20", 12),
            Self.count("listening", 1, .sms, nil, "2026-11-19", 3),
            Self.count("safety", 1, .kiosk, "Biblioteca Este", "2026-11-18", 1),
            Self.count("safety", 2, .kiosk, "Biblioteca Este", "2026-11-19", 4),
        ]
        #expect(
            StatusTable(counts).render() == """
                survey listening, version 1

                day         channel  site  responses
                2026-11-19  sms                    3

                total                              3

                survey safety, version 1

                day         channel  site             responses
                2026-11-18  kiosk    Biblioteca Este          1

                total                                         1

                survey safety, version 2

                day         channel  site             responses
                2026-11-19  kiosk    Biblioteca Este          4
                2026-11-20  kiosk    Biblioteca Este         12

                total                                        16

                """)
    }
}
