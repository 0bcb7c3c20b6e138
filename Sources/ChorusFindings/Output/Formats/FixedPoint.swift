/// Writes numbers with a fixed number of decimals, the same digits on every machine, without
/// Foundation's locale-dependent formatters.
enum FixedPoint {
    /// `value` rounded half away from zero to `decimals` places: `format(42.125, decimals: 2)` is `42.13`.
    static func format(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite && (0...9).contains(decimals), "a finite number and at most 9 decimals")
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let whole = String(scaled / scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + whole }
        let fraction = String(scaled % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A proportion from 0 to 1 as a percentage with two decimals, as the data files publish it.
    static func percent(_ proportion: Double) -> String {
        format(proportion * 100, decimals: 2)
    }
}
