/// The smallest count a release publishes other than zero (k).
///
/// The default of 11 is the level US public bodies such as CMS use for counts of people. It may be
/// lowered to 5 at the least, and only with a reason, which is logged and printed in the release.
public struct Threshold: Sendable, Hashable {
    /// The default k.
    public static let standard = 11
    /// The lowest k allowed.
    public static let lowest = 5

    /// k: every published count is 0 or at least this.
    public let minimumCount: Int
    /// Why k is below the default; `nil` at the default or above.
    public let reason: String?

    /// The default threshold.
    public static let `default` = Threshold(uncheckedMinimumCount: standard, reason: nil)

    /// Checks and creates a threshold.
    ///
    /// - Throws: ``FindingsError`` when `minimumCount` is below ``lowest``, or below ``standard``
    ///   without a reason that says something.
    public init(minimumCount: Int, reason: String?) throws(FindingsError) {
        let reason = reason.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil }
        guard minimumCount >= Self.lowest else { throw .thresholdTooLow(minimumCount) }
        if minimumCount < Self.standard, reason == nil { throw .thresholdNeedsReason(minimumCount) }
        self.init(uncheckedMinimumCount: minimumCount, reason: minimumCount < Self.standard ? reason : nil)
    }

    private init(uncheckedMinimumCount: Int, reason: String?) {
        self.minimumCount = uncheckedMinimumCount
        self.reason = reason
    }
}
