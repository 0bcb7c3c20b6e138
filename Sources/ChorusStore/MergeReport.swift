/// What merging another database brought in.
public struct MergeReport: Sendable, Hashable {
    /// Responses that were not here before.
    public var addedResponses: Int
    /// Responses this database already had, for example from an earlier merge of the same file.
    public var alreadyPresent: Int
}
