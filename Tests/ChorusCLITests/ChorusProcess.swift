import Foundation

/// Runs the real `chorus` binary that `swift test` built next to the test bundle.
struct ChorusProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CHORUS_BINARY"] { return URL(fileURLWithPath: path) }
        return Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("chorus")
    }

    /// The package root, for the sample surveys and man pages the tests check.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        try run(executable: binary, arguments, in: directory, environment: environment)
    }

    /// Runs `executable`; `environment` adds to or replaces variables of the test's own environment.
    static func run(
        executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        // CHORUS_DB from the developer's shell must not point the tests at a real database.
        var inherited = ProcessInfo.processInfo.environment
        inherited["CHORUS_DB"] = nil
        process.environment = inherited.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain standard output on another thread while reading standard error here, so that
        // neither pipe can fill up and block the child.
        let collected = OutputBox()
        let reader = Thread { collected.data = (try? output.fileHandleForReading.readToEnd()) ?? Data() }
        reader.start()
        let errorData = (try? error.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        while !collected.isDone { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: collected.data, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}

private final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?

    var data: Data {
        get { lock.withLock { stored ?? Data() } }
        set { lock.withLock { stored = newValue } }
    }

    var isDone: Bool { lock.withLock { stored != nil } }
}
