import Foundation

/// Writes a release into its folder all at once: the files go into a hidden folder beside it,
/// each flushed to disk, which is then renamed into place. A failure part-way, or a crash,
/// leaves no half-written release under the folder's name.
public struct ReleaseFolder: Sendable {
    /// What writing did.
    public enum Outcome: Sendable, Hashable {
        /// The folder was created with the release in it.
        case written
        /// The folder already held exactly these files, byte for byte; nothing was touched.
        case unchanged
    }

    /// The release folder.
    public let path: String

    /// Names the folder; nothing is touched until ``write(_:)``.
    public init(path: String) {
        self.path = path
    }

    /// Refuses early a folder that cannot be a release: a file in its place.
    public func checkUsable() throws(ReleaseFolderError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ReleaseFolderError(.occupied, "\(path) is a file, not a release folder; choose another --out")
        }
    }

    /// Writes `files` as the folder's whole content.
    ///
    /// - Returns: ``Outcome/unchanged`` when the folder already holds exactly these files.
    /// - Throws: ``ReleaseFolderError``: ``ReleaseFolderError/Kind/occupied`` when the folder holds
    ///   anything else, such as a release made from other data, which is never overwritten.
    public func write(_ files: [ReleaseFile]) throws(ReleaseFolderError) -> Outcome {
        try checkUsable()
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: path), !existing.isEmpty {
            if try holds(exactly: files) { return .unchanged }
            // Every release has findings.json; other files mean a folder that was never a release.
            throw ReleaseFolderError(
                .occupied,
                existing.contains("findings.json")
                    ? "\(path) already holds a different release; choose another --out, or move it away first"
                    : "\(path) holds other files; a release needs a new or empty folder: choose another --out")
        }
        let folder = URL(fileURLWithPath: path)
        let parent = folder.deletingLastPathComponent()
        try Self.makeFolders(parent.path)
        var template = Array(
            parent.appendingPathComponent(".\(folder.lastPathComponent).partial-XXXXXX").path.utf8CString)
        guard
            let temporary = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({
                String(cString: $0)
            })
        else {
            throw ReleaseFolderError(.cannotCreate, "cannot create a folder in \(parent.path): \(Self.errnoReason())")
        }
        // An empty folder made ready for the release is replaced by it: the release keeps its
        // mode and, where this user may give it, its owner, such as a folder kept private.
        var made = stat()
        let wasMade = stat(path, &made) == 0
        do throws(ReleaseFolderError) {
            try fill(temporary, with: files)
            // mkdtemp makes the folder private; a release is meant to be shared.
            guard chmod(temporary, wasMade ? made.st_mode & 0o7777 : 0o755) == 0 else {
                throw ReleaseFolderError(.io, "cannot set the mode of \(temporary)")
            }
            if wasMade, made.st_uid != geteuid() || made.st_gid != getegid() {
                _ = chown(temporary, made.st_uid, made.st_gid)
            }
            // rename(2) replaces only an empty folder, so a release that appeared meanwhile is never lost.
            guard rename(temporary, path) == 0 else {
                throw ReleaseFolderError(.cannotCreate, "cannot create \(path): \(Self.errnoReason())")
            }
            try Self.sync(parent.path)
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
        return .written
    }

    /// Whether the folder holds exactly `files`: the same paths, the same bytes, nothing else.
    private func holds(exactly files: [ReleaseFile]) throws(ReleaseFolderError) -> Bool {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw ReleaseFolderError(.io, "cannot read the folder \(path)")
        }
        var present: Set<String> = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path + "/" + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { present.insert(relative) }
        }
        guard present == Set(files.map(\.path)) else { return false }
        return files.allSatisfy { file in
            FileManager.default.contents(atPath: path + "/" + file.path).map { [UInt8]($0) } == file.bytes
        }
    }

    private func fill(_ folder: String, with files: [ReleaseFile]) throws(ReleaseFolderError) {
        var folders: Set<String> = [folder]
        for file in files {
            precondition(
                !file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."), "a relative path")
            let target = folder + "/" + file.path
            let directory = String(target[..<target.lastIndex(of: "/")!])
            if folders.insert(directory).inserted, mkdir(directory, 0o755) != 0, errno != EEXIST {
                throw ReleaseFolderError(.cannotCreate, "cannot create the folder \(directory): \(Self.errnoReason())")
            }
            try Self.writeDurably(file.bytes, to: target)
        }
        for directory in folders { try Self.sync(directory) }
    }

    private static func writeDurably(_ bytes: [UInt8], to target: String) throws(ReleaseFolderError) {
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ReleaseFolderError(.cannotCreate, "cannot create \(target): \(errnoReason())")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw ReleaseFolderError(.io, "cannot write \(target): \(errnoReason())") }
            offset += written
        }
        guard fsync(descriptor) == 0 else { throw ReleaseFolderError(.io, "cannot write \(target): \(errnoReason())") }
    }

    /// Creates `folder` and any missing parents, as `mkdir -p` does.
    private static func makeFolders(_ folder: String) throws(ReleaseFolderError) {
        var prefix = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw ReleaseFolderError(.cannotCreate, "cannot create the folder \(prefix): \(errnoReason())")
            }
        }
    }

    /// Flushes a folder's entries, so the names of what was written in it survive a power cut.
    private static func sync(_ directory: String) throws(ReleaseFolderError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReleaseFolderError(.io, "cannot open \(directory): \(errnoReason())") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw ReleaseFolderError(.io, "cannot flush \(directory): \(errnoReason())")
        }
    }

    private static func errnoReason() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}
