public import ChorusStore

extension ChorusDatabase {
    /// Records a release's published counts, so that later releases of the same survey version
    /// are checked against them; call it only after every file of the release is written.
    /// Recording the same release twice records it once.
    ///
    /// - Returns: Whether it was recorded now; `false` when the latest release recorded is the same.
    /// - Throws: ``FindingsError`` if the release was not made by ``FindingsBuilder`` or the
    ///   database cannot be written.
    @discardableResult
    public func recordRelease(_ release: FindingsRelease) throws(FindingsError) -> Bool {
        guard let ledger = release.ledger else {
            throw FindingsError(.usage, "only a release made by FindingsBuilder can be recorded")
        }
        do {
            return try record(ledger)
        } catch {
            throw FindingsError(.io, "\(error)")
        }
    }
}
