/// A calendar month, `YYYY-MM`: the finest period a release ever shows.
public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, such as 2026.
    public let year: Int
    /// The month of the year, 1 to 12.
    public let month: Int

    /// Creates a month; `nil` unless `year` has four digits and `month` is 1 to 12.
    public init?(year: Int, month: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Reads `YYYY-MM`, or the month of a day written `YYYY-MM-DD`; `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3, fields[0].count == 4, fields[1].count == 2,
            fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let year = Int(fields[0]), let month = Int(fields[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month as `YYYY-MM`.
    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Orders months in time.
    public static func < (lhs: Month, rhs: Month) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// The months from `first` to `last`, both included.
public struct MonthRange: Sendable, Hashable {
    /// The earliest month.
    public var first: Month
    /// The latest month, never before `first`.
    public var last: Month

    /// Creates a range; `last` before `first` is taken as the same range written backwards.
    public init(first: Month, last: Month) {
        self.first = min(first, last)
        self.last = max(first, last)
    }
}
