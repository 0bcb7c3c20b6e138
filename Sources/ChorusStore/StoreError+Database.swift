import GRDB

extension StoreError {
    /// Describes a failure from SQLite or GRDB at `path`.
    ///
    /// Only SQLite's own message is kept: GRDB's description can carry the statement, and with
    /// it, if arguments were ever made public, a respondent's answers.
    init(_ error: any Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .io(path, "\(error)")
            return
        }
        let reason = error.message ?? "sqlite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_NOTADB: self = .notChorus(path)
        case .SQLITE_CORRUPT: self = StoreError(.notChorus, "\(path) is damaged: \(reason)")
        case .SQLITE_READONLY: self = .readOnly(path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: self = .cannotOpen(path, reason)
        case .SQLITE_CONSTRAINT: self = StoreError(.conflict, "cannot save to \(path): \(reason)")
        default: self = .io(path, reason)
        }
    }
}
