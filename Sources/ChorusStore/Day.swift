import ChorusCore
public import Foundation

/// A calendar day, `YYYY-MM-DD`: the finest period a response is ever stored with.
///
/// A day has no time of day by construction, so no code path can store one by accident.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The day as `YYYY-MM-DD`.
    public let description: String

    /// The day `date` falls on in `timeZone`; the kiosk passes the machine's zone, tests a fixed one.
    public init(_ date: Date, in timeZone: TimeZone) {
        self.init(daysSince1970: Self.localSeconds(date, in: timeZone).days)
    }

    /// The day so many days after 1970-01-01.
    init(daysSince1970 days: Int) {
        let date = CivilDate(daysSince1970: days)
        description = Self.format(year: date.year, month: date.month, day: date.day)
    }

    /// Whole days since 1970-01-01 and seconds into the day of `date` in `timeZone`: plain
    /// arithmetic, as every text message needs it and a calendar is slow to ask.
    static func localSeconds(_ date: Date, in timeZone: TimeZone) -> (days: Int, seconds: Int) {
        let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = (local >= 0 ? local : local - 86_399) / 86_400
        return (days, local - days * 86_400)
    }

    /// Reads `YYYY-MM-DD`; `nil` for anything else, including an impossible date such as `2026-02-30`.
    public init?(_ text: String) {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
            fields.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
            (1...12).contains(month), (1...Self.length(month: month, year: year)).contains(day)
        else { return nil }
        description = Self.format(year: year, month: month, day: day)
    }

    /// Orders days in time; the text sorts the same way.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        lhs.description < rhs.description
    }

    private static func format(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private static func length(month: Int, year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
