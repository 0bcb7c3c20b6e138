import Foundation
import Glibc
import Testing

/// `chorus serve` as a gateway meets it: the real binary on 127.0.0.1, real HTTP requests, then
/// the database read back with `chorus status` and scanned for the sender's number.
@Suite(.serialized) struct ServeEndToEndTests {
    static let number = "+15550102030"

    /// Starts the server with its output in files, waits until it answers, and returns it.
    func start(_ directory: URL, port: Int, _ arguments: [String]) throws -> Process {
        let server = Process()
        server.executableURL = ChorusProcess.binary
        server.arguments =
            ["serve", "--db", directory.path + "/sms.sqlite", "--listen", "127.0.0.1:\(port)"] + arguments
        server.currentDirectoryURL = ChorusProcess.packageRoot
        server.standardInput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: directory.path + "/server.log", contents: nil)
        server.standardOutput = try FileHandle(forWritingTo: directory.appendingPathComponent("server.log"))
        server.standardError = server.standardOutput
        try server.run()
        for _ in 0..<200 where (try? curl(port, "/healthz")) != "ok\n" { usleep(50_000) }
        return server
    }

    func curl(_ port: Int, _ path: String, json: String? = nil) throws -> String {
        var arguments = ["-s", "--max-time", "10", "http://127.0.0.1:\(port)\(path)"]
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        return try ChorusProcess.run(executable: URL(fileURLWithPath: "/usr/bin/curl"), arguments).standardOutput
    }

    func text(_ port: Int, id: String, _ text: String) throws -> String {
        let body = #"{"id": "\#(id)", "from": "\#(Self.number)", "to": "+15550100", "text": "\#(text)"}"#
        return try curl(port, "/sms/json", json: body)
    }

    @Test func residentCompletesBySMSAndTheNumberIsNowhereOnDisk() throws {
        let directory = try Scratch.folder()
        let port = Int.random(in: 20_000..<60_000)
        let server = try start(directory, port: port, ["--allow-unsigned", "Surveys/listening-session.xml"])
        defer { if server.isRunning { server.terminate() } }

        // Given a resident texting in Spanish
        #expect(try text(port, id: "1", "hola").contains("ES"))
        #expect(try text(port, id: "2", "ES").contains("SI"))
        let replies = try ["SI", "1", "4", "SI", "1", "SALTAR"].enumerated().map { offset, reply in
            try text(port, id: "\(offset + 3)", reply)
        }
        // Then the survey ends with thanks, in Spanish
        #expect(replies.last?.contains("Gracias") == true, "\(replies)")

        server.terminate()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
        let status = try ChorusProcess.run(["status", "--db", directory.path + "/sms.sqlite"]).standardOutput
        #expect(status.contains("sms") && status.hasSuffix("1\n"), "\(status)")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(bytes.range(of: Data("5550102030".utf8)) == nil, "the number is in \(file)")
        }
    }

    @Test func withoutAnySecretItRefusesToStart() throws {
        let result = try ChorusProcess.run(
            ["serve", "--db", try Scratch.folder().path + "/s.sqlite", "Surveys/listening-session.xml"],
            environment: ["CHORUS_TWILIO_AUTH_TOKEN": "", "CHORUS_JSON_SECRET": ""])
        #expect(result.status == 64)
        #expect(result.standardError.contains("no gateway has a secret"))
    }
}
