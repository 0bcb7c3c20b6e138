public import ChorusCore
public import ChorusStore

/// Builds a release of one survey version's findings from the response store: one pass over the
/// responses, then disclosure control against this release and every earlier one, then an audit.
///
/// Nothing is written: the caller renders the release, and only once every file is written calls
/// ``ChorusStore/ChorusDatabase/recordRelease(_:)`` so later releases are protected against it.
///
/// ```swift
/// let builder = FindingsBuilder(survey: survey, database: database, threshold: .default, month: month)
/// let release = try builder.build { done, total in bar.update(done, of: total) }
/// try writeFiles(release)
/// try database.recordRelease(release)
/// ```
public struct FindingsBuilder: Sendable {
    /// The survey version whose responses are counted.
    public var survey: Survey
    /// The store the responses, and earlier releases, are read from.
    public var database: ChorusDatabase
    /// The smallest count published.
    public var threshold: Threshold
    /// The month the release is made for.
    public var month: Month

    /// Prepares a build; nothing is read until ``build(progress:)``.
    public init(survey: Survey, database: ChorusDatabase, threshold: Threshold, month: Month) {
        self.survey = survey
        self.database = database
        self.threshold = threshold
        self.month = month
    }

    /// Reads every response once and returns the release, checked by the audit.
    ///
    /// - Parameter progress: Called now and then with the responses read so far and how many there are.
    /// - Returns: The release, every count in it 0 or at least the threshold.
    /// - Throws: ``FindingsError``: the database cannot be read, or the audit finds a suppressed
    ///   count that could be worked out (the message names its table and cell).
    public func build(progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws(FindingsError)
        -> FindingsRelease
    {
        throw FindingsError(.data, "findings are not built yet")
    }
}

extension ChorusDatabase {
    /// Records a release's published counts, so that later releases of the same survey version
    /// are checked against them; call it only after every file of the release is written.
    ///
    /// - Throws: ``FindingsError`` if the database cannot be written.
    public func recordRelease(_ release: FindingsRelease) throws(FindingsError) {
        throw FindingsError(.io, "releases are not recorded yet")
    }
}
