extension Answer {
    /// A number as a resident types it, at a kiosk or in a text message: "3", "2.5", "-1", "+4",
    /// "1 000", a decimal comma ("2,5", as Spanish writes it) and thousands separators ("1,000",
    /// "12,345.50"); `nil` for anything else, which is then asked again.
    ///
    /// A lone comma with three digits after it separates thousands: "1,200" is twelve hundred in
    /// English and in the Spanish of Mexico and the United States, and read as a decimal comma it
    /// would store a thousandth of what was meant. Commas that do not group digits by three, as in
    /// "1.000,5", are refused rather than guessed at.
    package static func typedNumber(_ typed: String) -> Double? {
        var written = typed.filter { !$0.isWhitespace }
        if written.hasPrefix("+") { written.removeFirst() }
        let groups = written.split(separator: ",", omittingEmptySubsequences: false)
        let leading = groups[0].drop { $0 == "-" }
        // "0,125" has no thousands to separate.
        if groups.count == 2, !written.contains("."), groups[1].count != 3 || leading == "0" {
            written = groups.joined(separator: ".")
        } else if groups.count > 1 {
            let wholes = groups.dropFirst().enumerated().map { index, group in
                index == groups.count - 2 ? group.prefix { $0 != "." } : group
            }
            guard (1...3).contains(leading.count), !leading.contains("."), wholes.allSatisfy({ $0.count == 3 })
            else { return nil }
            written = groups.joined()
        }
        guard written.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) else { return nil }
        return Double(written)
    }
}
