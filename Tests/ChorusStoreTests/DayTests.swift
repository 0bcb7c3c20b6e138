import Foundation
import Testing

@testable import ChorusStore

@Suite struct DayTests {
    /// 2026-11-21T23:30:00Z: still the 21st in Los Angeles, already the 22nd in Madrid.
    static let lateEvening = Date(timeIntervalSince1970: 1_795_303_800)

    @Test func dayIsTakenInTheGivenTimeZone() throws {
        #expect(
            Day(Self.lateEvening, in: try #require(TimeZone(identifier: "America/Los_Angeles"))).description
                == "2026-11-21")
        #expect(
            Day(Self.lateEvening, in: try #require(TimeZone(identifier: "Europe/Madrid"))).description == "2026-11-22")
        #expect(Day(Self.lateEvening, in: try #require(TimeZone(identifier: "UTC"))).description == "2026-11-21")
    }

    @Test(arguments: ["2026-11-21", "2024-02-29", "0999-01-01"])
    func validDaysRoundTrip(_ text: String) {
        #expect(Day(text)?.description == text)
    }

    @Test(arguments: [
        "2026-11-21T10:00", "2026-02-29", "2026-13-01", "2026-1-01", "26-11-21", "+026-11-21", "", "２０２６-11-21",
    ])
    func anythingButADayIsRejected(_ text: String) {
        #expect(Day(text) == nil)
    }

    @Test func daysOrderInTime() {
        #expect(Day("2026-11-21")! < Day("2026-12-01")!)
    }
}
