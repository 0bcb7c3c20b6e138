/// A table a release leaves out, named so the report can say what is missing and why.
public struct WithheldTable: Sendable, Hashable {
    /// Why a table is left out.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// More than a quarter of its counts above 0 are below the threshold.
        case sparse
        /// No pattern of withheld counts kept one of its counts from being worked out.
        case unprotectable
    }

    /// The id the table would have had (see ``FindingsTable/id``).
    public var id: String
    /// Why it is left out.
    public var reason: Reason

    /// Creates a withheld table.
    public init(id: String, reason: Reason) {
        self.id = id
        self.reason = reason
    }
}
