import ChorusCore
import Testing

@testable import ChorusStore

@Suite struct StatusTests {
    @Test func emptyDatabaseHasNoCounts() throws {
        #expect(try StoreFixtures.database().status().isEmpty)
    }

    @Test func countsByChannelSiteAndDay() throws {
        // Given responses from two sites and by text message, over two days, to two surveys
        let database = try StoreFixtures.database()
        try database.register(survey: StoreFixtures.survey(id: "other"), source: StoreFixtures.source(id: "other"))
        let monday = Day("2026-11-23")!
        let saves: [(Channel, String?, Day)] = [
            (.kiosk, "Central Library", StoreFixtures.day), (.kiosk, "Central Library", StoreFixtures.day),
            (.kiosk, "Central Library", monday), (.kiosk, "Eastside Center", monday),
            (.sms, nil, StoreFixtures.day), (.sms, nil, monday), (.sms, nil, monday),
        ]
        for (channel, site, day) in saves {
            try database.save(StoreFixtures.response(), channel: channel, site: site, day: day)
        }
        var other = StoreFixtures.response()
        other.surveyID = "other"
        try database.save(other, channel: .kiosk, site: "Central Library", day: monday)

        // When the first survey's counts are asked for
        let counts = try database.status(surveyID: "safety")

        // Then each channel, site and day has its own count, in the documented order
        func count(_ channel: Channel, _ site: String?, _ day: Day, _ count: Int) -> ResponseCount {
            ResponseCount(surveyID: "safety", surveyVersion: 1, channel: channel, site: site, day: day, count: count)
        }
        #expect(
            counts == [
                count(.kiosk, "Central Library", StoreFixtures.day, 2),
                count(.kiosk, "Central Library", monday, 1),
                count(.kiosk, "Eastside Center", monday, 1),
                count(.sms, nil, StoreFixtures.day, 1),
                count(.sms, nil, monday, 2),
            ])
        #expect(try database.status().reduce(0) { $0 + $1.count } == 8)
        #expect(try database.status(surveyID: "unknown").isEmpty)
    }
}
