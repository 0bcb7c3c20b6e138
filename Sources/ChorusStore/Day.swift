public import Foundation

/// A calendar day, `YYYY-MM-DD`: the finest period a response is ever stored with.
///
/// A day has no time of day by construction, so no code path can store one by accident.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The day as `YYYY-MM-DD`.
    public let description: String

    /// The day `date` falls on in `timeZone`; the kiosk passes the machine's zone, tests a fixed one.
    public init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        description = Self.format(year: parts.year!, month: parts.month!, day: parts.day!)
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
