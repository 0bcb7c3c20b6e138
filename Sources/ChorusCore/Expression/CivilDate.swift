/// Conversions between days since 1970-01-01 and proleptic Gregorian dates, as ODK's date arithmetic needs.
///
/// The day arithmetic is Howard Hinnant's `days_from_civil` and `civil_from_days`
/// (https://howardhinnant.github.io/date_algorithms.html), exact for every `Int` year in range.
/// Package-wide, as the store dates what it keeps with the same arithmetic.
package struct CivilDate: Sendable, Equatable {
    package var year: Int
    package var month: Int
    package var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    package init(daysSince1970 days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    var daysSince1970: Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private var isLeapYear: Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// `YYYY-MM-DD`, as ODK stores a date.
    var formatted: String {
        let sign = year < 0 ? "-" : ""
        return "\(sign)\(Self.pad(Swift.abs(year), 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    /// Reads an ODK `date` (`2024-01-31`) or `dateTime` (`2024-01-31T14:30:00.000+02:00`) as days since
    /// 1970-01-01 in UTC, with the time as a fraction of a day; `nil` for anything else.
    ///
    /// A dateTime without a zone is read as UTC, since evaluation has no time zone to consult.
    static func days(from text: String) -> Double? {
        var scanner = DigitScanner(Array(text.unicodeScalars))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else { return nil }
        let days = Double(date.daysSince1970)
        if scanner.isAtEnd { return days }
        guard scanner.skip("T"), let seconds = scanner.timeOfDay(), let zone = scanner.zoneOffsetSeconds(),
            scanner.isAtEnd
        else { return nil }
        return days + (seconds - zone) / 86_400
    }
}

/// Reads the fixed-width digit fields of ISO 8601 dates and times.
private struct DigitScanner {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    var isAtEnd: Bool { position == scalars.count }

    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        guard position < scalars.count, scalars[position] == scalar else { return false }
        position += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= scalars.count else { return nil }
        var value = 0
        for scalar in scalars[position..<position + digits] {
            guard scalar.isASCIIDigit else { return nil }
            value = value * 10 + Int(scalar.value - 48)
        }
        position += digits
        return value
    }

    /// `hh:mm[:ss[.fff]]` as seconds since midnight.
    mutating func timeOfDay() -> Double? {
        guard let hours = number(digits: 2), hours < 24, skip(":"), let minutes = number(digits: 2), minutes < 60
        else { return nil }
        var seconds = Double(hours * 3600 + minutes * 60)
        guard skip(":") else { return seconds }
        guard let wholeSeconds = number(digits: 2), wholeSeconds < 61 else { return nil }
        seconds += Double(wholeSeconds)
        if skip(".") {
            var scale = 0.1
            var sawDigit = false
            while position < scalars.count, scalars[position].isASCIIDigit {
                seconds += Double(scalars[position].value - 48) * scale
                scale /= 10
                position += 1
                sawDigit = true
            }
            guard sawDigit else { return nil }
        }
        return seconds
    }

    /// `Z`, `±hh:mm` or nothing, as seconds east of UTC.
    mutating func zoneOffsetSeconds() -> Double? {
        if isAtEnd || skip("Z") { return 0 }
        let sign: Double
        if skip("+") {
            sign = 1
        } else if skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let hours = number(digits: 2) else { return nil }
        _ = skip(":")
        guard let minutes = number(digits: 2) else { return nil }
        return sign * Double(hours * 3600 + minutes * 60)
    }
}
