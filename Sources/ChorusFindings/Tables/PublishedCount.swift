/// A count of respondents as a release shows it: the number, or that it is withheld.
public enum PublishedCount: Sendable, Hashable {
    /// Published: 0 or at least the release's threshold.
    case count(Int)
    /// Withheld, because it is small or because it would let a small count be worked out.
    case suppressed

    /// The count when published.
    public var value: Int? {
        if case .count(let value) = self { value } else { nil }
    }
}
