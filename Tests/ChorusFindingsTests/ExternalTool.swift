import Foundation

/// Runs a program the tests check the release with (Chromium, the Frictionless validator).
enum ExternalTool {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `executable` and waits for it on a thread of its own, not on one of the few threads
    /// every test shares: held while Chromium or pip ran, those starved other suites' servers.
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try runWaiting(executable, arguments, in: directory) }) }
                .start()
        }
    }

    private static func runWaiting(_ executable: String, _ arguments: [String], in directory: URL?) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Files rather than pipes: Chromium's output is large and neither stream may block the other.
        let output = folder.appendingPathComponent("out")
        let error = folder.appendingPathComponent("err")
        try Data().write(to: output)
        try Data().write(to: error)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: error)
        try process.run()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            error: (try? String(contentsOf: error, encoding: .utf8)) ?? "")
    }

    /// The first of `names` found on the PATH.
    static func which(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":")
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// A fresh folder for one test.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "chorus-findings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
