/// A published count as a proportion of a published total, with its Wilson score 95% interval.
///
/// Both numbers are published counts, so the share adds nothing a reader could not compute. The
/// interval describes the uncertainty of a proportion among these respondents, who chose to take
/// part; it is not a margin of error for the whole population.
public struct PublishedShare: Sendable, Hashable {
    /// How a writer must show the proportion.
    public enum Display: Sendable, Hashable {
        /// As computed.
        case exact
        /// As "under `bound`": a 0% in a group smaller than twice the threshold, which would say
        /// that nobody in a small group gave this answer.
        case below(Double)
        /// As "over `bound`": a 100% in such a group.
        case above(Double)
    }

    /// The published count.
    public var count: Int
    /// The published total it is a share of; never 0.
    public var total: Int
    /// `count / total`, from 0 to 1.
    public var proportion: Double
    /// The lower end of the Wilson score 95% interval, from 0 to 1.
    public var lower: Double
    /// The upper end of the Wilson score 95% interval, from 0 to 1.
    public var upper: Double
    /// How to show it.
    public var display: Display

    /// Creates a share from its parts.
    public init(count: Int, total: Int, proportion: Double, lower: Double, upper: Double, display: Display) {
        self.count = count
        self.total = total
        self.proportion = proportion
        self.lower = lower
        self.upper = upper
        self.display = display
    }
}
