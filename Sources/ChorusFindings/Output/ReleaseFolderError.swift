/// Why a release folder could not be written; nothing of the release is left behind.
public struct ReleaseFolderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, so a caller can choose an exit status without reading the message.
    public enum Kind: Sendable, Hashable {
        /// The folder already holds something other than this release.
        case occupied
        /// The folder, or a file in it, could not be created.
        case cannotCreate
        /// Reading or writing failed part-way.
        case io
    }

    /// What went wrong.
    public let kind: Kind
    /// The message, lowercase, naming the path concerned.
    public let description: String

    init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
