import ArgumentParser
import ChorusStore

/// Reports the store's errors as chorus(1) documents them: one line on standard error, then the
/// sysexits status for what went wrong.
enum StoreFailure {
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            StandardError.write("chorus: error: \(error)")
            throw status(error.kind)
        }
    }

    static func status(_ kind: StoreError.Kind) -> ExitCode {
        switch kind {
        case .notFound, .cannotOpen: ExitStatus.noInput
        case .cannotCreate: ExitStatus.cannotCreate
        case .notChorus, .conflict: ExitStatus.dataError
        case .sameDatabase: ExitStatus.usage
        case .io: ExitStatus.ioError
        }
    }
}
