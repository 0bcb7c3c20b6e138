/// How disclosure control was applied to a release: what its disclosure log says.
///
/// It holds settings and totals only, never anything derived from a single respondent, and it
/// does not say which suppressed cells were small and which were hidden to protect them: that
/// would point at the small ones.
public struct DisclosureSummary: Sendable, Hashable {
    /// The name of the method, for the log and the report.
    public var method: String
    /// The threshold applied.
    public var threshold: Threshold
    /// How many distinct counts were suppressed; a count shown in several tables counts once.
    public var suppressedCounts: Int
    /// How many distinct counts were published.
    public var publishedCounts: Int
    /// How many earlier releases of the same survey version were taken into account.
    public var earlierReleases: Int
    /// How many more respondents this release counts than the last one, when both numbers are
    /// published: the people a number that grew by fewer than the threshold would count a few of.
    public var respondentsSinceLastRelease: Int?
    /// The tables left out whole, because most of their counts would be withheld or because no
    /// pattern of withheld counts protected them.
    public var withheldTables: [WithheldTable]
    /// The version of Chorus that made the release.
    public var toolVersion: String

    /// Creates a summary.
    public init(
        method: String,
        threshold: Threshold,
        suppressedCounts: Int,
        publishedCounts: Int,
        earlierReleases: Int,
        respondentsSinceLastRelease: Int? = nil,
        withheldTables: [WithheldTable] = [],
        toolVersion: String
    ) {
        self.method = method
        self.threshold = threshold
        self.suppressedCounts = suppressedCounts
        self.publishedCounts = publishedCounts
        self.earlierReleases = earlierReleases
        self.respondentsSinceLastRelease = respondentsSinceLastRelease
        self.withheldTables = withheldTables
        self.toolVersion = toolVersion
    }
}
