import ChorusFindings
import Foundation
import Testing

/// Writing a release folder all at once, and never over a different release.
@Suite struct ReleaseFolderTests {
    static let files = [
        ReleaseFile(path: "datapackage.json", bytes: Array("{}\n".utf8)),
        ReleaseFile(path: "tables/area.csv", bytes: Array("answer,count\r\n".utf8)),
    ]

    static func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".partial-") }
    }

    @Test func writesEveryFileThenRenamesTheFolderIntoPlace() throws {
        let parent = try ExternalTool.folder()
        let folder = parent.appendingPathComponent("Exports/safety-2026-11")
        #expect(try ReleaseFolder(path: folder.path).write(Self.files) == .written)
        for file in Self.files {
            let data = try #require(FileManager.default.contents(atPath: folder.appendingPathComponent(file.path).path))
            #expect([UInt8](data) == file.bytes)
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o755)
        #expect(try Self.leftovers(in: folder.deletingLastPathComponent()).isEmpty)
    }

    @Test func anEmptyFolderMadeReadyKeepsItsModeAndOwnerWithTheReleaseInIt() throws {
        let folder = try ExternalTool.folder().appendingPathComponent("private")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: folder.path)
        // Only root may hand a folder to another user, as an organizer's admin would have.
        let owner = geteuid() == 0 ? 65534 : Int(geteuid())
        if geteuid() == 0 { try FileManager.default.setAttributes([.ownerAccountID: owner], ofItemAtPath: folder.path) }

        #expect(try ReleaseFolder(path: folder.path).write(Self.files) == .written)

        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o750)
        #expect((attributes[.ownerAccountID] as? Int) == owner)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tables/area.csv").path))
    }

    @Test func writingTheSameReleaseAgainChangesNothing() throws {
        let folder = try ExternalTool.folder().appendingPathComponent("release")
        #expect(try ReleaseFolder(path: folder.path).write(Self.files) == .written)
        #expect(try ReleaseFolder(path: folder.path).write(Self.files) == .unchanged)
    }

    @Test func refusesToOverwriteADifferentRelease() throws {
        let folder = try ExternalTool.folder().appendingPathComponent("release")
        _ = try ReleaseFolder(path: folder.path).write(Self.files)
        var changed = Self.files
        changed[1].bytes += Array("north,12\r\n".utf8)
        #expect(throws: ReleaseFolderError.self) { try ReleaseFolder(path: folder.path).write(changed) }
        do {
            _ = try ReleaseFolder(path: folder.path).write(Array(Self.files.prefix(1)))
            Issue.record("a folder with an extra file was taken for the same release")
        } catch {
            #expect(error.kind == .occupied)
            #expect(error.description.contains(folder.path))
        }
        let kept = try #require(
            FileManager.default.contents(atPath: folder.appendingPathComponent("tables/area.csv").path))
        #expect([UInt8](kept) == Self.files[1].bytes)
    }

    @Test func aFolderOfOtherFilesIsRefusedAsSuch() throws {
        let folder = try ExternalTool.folder().appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("hi".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        do {
            _ = try ReleaseFolder(path: folder.path).write(Self.files)
            Issue.record("a folder of other files was written into")
        } catch {
            #expect(error.kind == .occupied)
            #expect(
                error.description
                    == "\(folder.path) holds other files; a release needs a new or empty folder: choose another --out")
        }
    }

    @Test func refusesAFileInThePlaceOfTheFolder() throws {
        let path = try ExternalTool.folder().appendingPathComponent("release").path
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ReleaseFolderError.self) { try ReleaseFolder(path: path).checkUsable() }
    }

    @Test func aFailurePartWayLeavesNothingBehind() throws {
        let parent = try ExternalTool.folder()
        let folder = parent.appendingPathComponent("release")
        // "tables" is a file, so tables/area.csv cannot be created after it.
        let clashing = [ReleaseFile(path: "tables", bytes: [1]), ReleaseFile(path: "tables/area.csv", bytes: [2])]
        do {
            _ = try ReleaseFolder(path: folder.path).write(clashing)
            Issue.record("a clashing release was written")
        } catch {
            #expect(error.kind == .cannotCreate)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(try Self.leftovers(in: parent).isEmpty)
    }
}
