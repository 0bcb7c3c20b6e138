import ChorusStore
import Glibc

/// Today in the machine's time zone, from the C library.
///
/// Foundation's TimeZone would load ICU's time-zone data, several megabytes a kiosk on an old
/// library PC does not need for one date.
struct LocalDay {
    /// Days since 1970-01-01, for survey expressions.
    let daysSinceEpoch: Int
    /// The day as the store keeps it: YYYY-MM-DD, never a time.
    let day: Day

    static func now() -> LocalDay {
        var seconds = time(nil)
        var parts = tm()
        localtime_r(&seconds, &parts)
        let local = Int(seconds) + Int(parts.tm_gmtoff)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let text = "\(padded(parts.tm_year + 1900, 4))-\(padded(parts.tm_mon + 1, 2))-\(padded(parts.tm_mday, 2))"
        return LocalDay(daysSinceEpoch: days, day: Day(text)!)
    }
}
