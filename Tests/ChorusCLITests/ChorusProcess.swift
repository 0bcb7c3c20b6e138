import Foundation
import Glibc

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

    /// Runs the binary; with `outputFile`, its standard output goes to that file (`/dev/full`) and
    /// the result's ``Result/standardOutput`` is empty.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        outputFile: String? = nil
    ) async throws -> Result {
        try await run(executable: binary, arguments, in: directory, environment: environment, outputFile: outputFile)
    }

    /// Runs `executable`; `environment` adds to or replaces variables of the test's own environment.
    static func run(
        executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        outputFile: String? = nil
    ) async throws -> Result {
        await slots.acquire()
        do {
            let result = try await offThePool {
                try runWaiting(
                    executable: executable, arguments, in: directory, environment: environment, outputFile: outputFile)
            }
            await slots.release()
            return result
        } catch {
            await slots.release()
            throw error
        }
    }

    /// Children running at once. Tests no longer hold a thread while they wait, so nothing else
    /// would keep dozens of them from starting together on two cores.
    private static let slots = Slots(4)

    /// Held while any child of these tests starts. tmux is started by hand (see TmuxSession) and
    /// closes only what is open when it looks, so a pipe or the exit-watching socket Foundation
    /// sets up for another child meanwhile would leak into the tmux server and be held as long as
    /// it lives.
    static let spawning = NSLock()

    /// Starts `process` under ``spawning``.
    static func launch(_ process: Process) throws {
        try spawning.withLock { try process.run() }
    }

    /// A child still running after this long is killed, so that a hung one fails its test instead of
    /// keeping the whole run from ending.
    static let limit: DispatchTimeInterval = .seconds(300)

    private static func runWaiting(
        executable: URL, _ arguments: [String], in directory: URL?, environment: [String: String], outputFile: String?
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
        let (output, error) = (Pipe(), Pipe())
        let file = try outputFile.map { path in
            try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        }
        process.standardOutput = file ?? output
        process.standardError = error
        // Once `run` returns, this process holds only the pipes' read ends.
        try launch(process)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        // Drain standard output on another thread while reading standard error here, so that
        // neither pipe can fill up and block the child.
        let collected = OutputBox()
        if file == nil {
            let reader = Thread { collected.data = (try? output.fileHandleForReading.readToEnd()) ?? Data() }
            reader.start()
        } else {
            // Standard output went to the file, so the pipe has no writer but this process: nothing to drain.
            collected.data = Data()
        }
        let errorData = (try? error.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        watchdog.cancel()
        while !collected.isDone { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: collected.data, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}

/// Waits for blocking work done on a thread of its own.
///
/// Swift Testing runs every test on Swift concurrency's threads, two on a 2-core machine. Tests
/// that blocked them while a child process ran starved the in-process servers of other suites
/// until their clients timed out, and one left waiting on such a server kept CI from ever ending.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result(catching: work)) }.start()
    }
}

/// Waits until `process` has exited.
func exited(_ process: Process) async throws {
    try await offThePool { process.waitUntilExit() }
}

/// A counting semaphore that suspends instead of blocking.
actor Slots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        guard free == 0 else {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
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
