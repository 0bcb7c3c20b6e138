extension PublishedShare {
    /// z for a two-sided 95% interval.
    static let z = 1.959963984540054

    /// The share `count / total` with its Wilson score interval, shown in a band when it is 0% or
    /// 100% of a group smaller than `smallGroup`; `nil` when `total` is 0.
    ///
    /// Wilson's interval stays within 0 and 1 and behaves at 0% and 100%, where the textbook
    /// normal interval collapses to a point.
    init?(count: Int, total: Int, smallGroup: Int) {
        guard total > 0, count >= 0, count <= total else { return nil }
        let n = Double(total)
        let p = Double(count) / n
        let z2 = Self.z * Self.z
        let denominator = 1 + z2 / n
        let center = (p + z2 / (2 * n)) / denominator
        let half = Self.z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        let display: Display
        if total < smallGroup, count == 0 {
            display = .below(0.1)
        } else if total < smallGroup, count == total {
            display = .above(0.9)
        } else {
            display = .exact
        }
        // At 0% and 100% the bound is exactly 0 or 1; rounding would leave it a hair inside.
        self.init(
            count: count, total: total, proportion: p, lower: count == 0 ? 0 : max(0, center - half),
            upper: count == total ? 1 : min(1, center + half), display: display)
    }
}
