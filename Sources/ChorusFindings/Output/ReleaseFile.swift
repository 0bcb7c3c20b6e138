/// One file of a release: where it goes in the release folder, and its bytes.
public struct ReleaseFile: Sendable, Hashable {
    /// The path inside the release folder, `/`-separated, such as `tables/concerns.csv`.
    public var path: String
    /// The file's contents.
    public var bytes: [UInt8]

    /// Creates a file.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
