import Crypto
import Foundation
import Glibc
import Testing

/// `chorus serve` as a gateway meets it: the real binary on 127.0.0.1, real HTTP requests, then
/// the database read back with `chorus status` and scanned for the sender's number.
@Suite(.serialized) struct ServeEndToEndTests {
    static let number = "+15550102030"

    /// Starts the server with its output in files, waits until it answers, and returns it.
    func start(_ directory: URL, port: Int, _ arguments: [String], environment: [String: String] = [:])
        async throws -> Process
    {
        let server = Process()
        server.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        server.executableURL = ChorusProcess.binary
        server.arguments =
            ["serve", "--db", directory.path + "/sms.sqlite", "--listen", "127.0.0.1:\(port)"] + arguments
        server.currentDirectoryURL = ChorusProcess.packageRoot
        server.standardInput = FileHandle.nullDevice
        let log = directory.appendingPathComponent("server.log")
        try Data().write(to: log)
        server.standardOutput = try FileHandle(forWritingTo: log)
        server.standardError = server.standardOutput
        try ChorusProcess.launch(server)
        for _ in 0..<200 {
            if (try? await curl(port, "/healthz")) == "ok\n" { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return server
    }

    func curl(_ port: Int, _ path: String, json: String? = nil) async throws -> String {
        var arguments = ["-s", "--max-time", "10", "http://127.0.0.1:\(port)\(path)"]
        if let json { arguments += ["-H", "Content-Type: application/json", "--data-binary", json] }
        return try await ChorusProcess.run(executable: URL(fileURLWithPath: "/usr/bin/curl"), arguments).standardOutput
    }

    func text(_ port: Int, id: String, _ text: String) async throws -> String {
        let body = #"{"id": "\#(id)", "from": "\#(Self.number)", "to": "+15550100", "text": "\#(text)"}"#
        return try await curl(port, "/sms/json", json: body)
    }

    @Test func residentCompletesBySMSAndTheNumberIsNowhereOnDisk() async throws {
        let directory = try Scratch.folder()
        let port = LoopbackHTTP.freePort()
        let server = try await start(
            directory, port: port, ["--allow-unsigned", "--log-level", "trace", "Surveys/listening-session.xml"])
        defer { if server.isRunning { server.terminate() } }

        // Given a resident texting in Spanish, logged at every level
        #expect(try await text(port, id: "1", "hola").contains("Responda SI"))
        #expect(try await text(port, id: "2", "ES").contains("SI"))
        var replies: [String] = []
        for (offset, reply) in ["SI", "1", "4", "SI", "1", "SALTAR"].enumerated() {
            replies.append(try await text(port, id: "\(offset + 3)", reply))
        }
        // Then the survey ends with thanks, in Spanish
        #expect(replies.last?.contains("Gracias") == true, "\(replies)")

        server.terminate()
        try await exited(server)
        #expect(server.terminationStatus == 0)
        let log = try String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)
        #expect(log.contains("warning chorus.serve:") && log.contains("Unsigned requests accepted"), "\(log)")
        #expect(log.components(separatedBy: "sms.outcome=replied").count == 9, "\(log)")
        // Request ids are drawn at random: two requests' ids do not tell how many came between.
        var ids: [UInt64] = []
        for field in log.components(separatedBy: "hb.request.id=").dropFirst() {
            let id = try #require(UInt64(String(field.prefix { $0.isHexDigit }.suffix(16)), radix: 16))
            if ids.last != id { ids.append(id) }
        }
        #expect(ids.count >= 8, "\(log)")
        #expect(zip(ids, ids.dropFirst()).allSatisfy { min($1 &- $0, $0 &- $1) > 1 << 32 }, "\(ids)")
        let status = try await ChorusProcess.run(["status", "--db", directory.path + "/sms.sqlite"]).standardOutput
        #expect(status.contains("sms") && status.hasSuffix("1\n"), "\(status)")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(bytes.range(of: Data("5550102030".utf8)) == nil, "the number is in \(file)")
        }
    }

    /// Telnyx's send API played by Python on 127.0.0.1: the first request gets 503, later ones are
    /// accepted and written to a file, one JSON line each with the Authorization header.
    static let fakeTelnyx = #"""
        import http.server, json, signal, sys
        # The test runner may pass SIGTERM on ignored or blocked; this server must die of it.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
        port, out = int(sys.argv[1]), sys.argv[2]
        seen = 0
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                global seen
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                seen += 1
                if seen == 1 or self.path != "/v2/messages":
                    self.send_response(503); self.send_header("Content-Length", "0"); self.end_headers(); return
                body["authorization"] = self.headers["Authorization"]
                with open(out, "a") as f: f.write(json.dumps(body) + "\n")
                self.send_response(200); self.send_header("Content-Length", "2"); self.end_headers()
                self.wfile.write(b"{}")
            def log_message(self, *args): pass
        http.server.HTTPServer(("127.0.0.1", port), Handler).serve_forever()
        """#

    @Test func telnyxRepliesGoThroughTheOutboxToTheConfiguredAPI() async throws {
        let directory = try Scratch.folder()
        let (apiPort, port) = (LoopbackHTTP.freePort(), LoopbackHTTP.freePort())
        let script = directory.appendingPathComponent("fake-telnyx.py")
        try Self.fakeTelnyx.write(to: script, atomically: true, encoding: .utf8)
        let sent = directory.appendingPathComponent("sent.jsonl")
        let api = Process()
        api.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        api.arguments = ["python3", script.path, "\(apiPort)", sent.path]
        // Not the test's own output: a pipe it held open would keep the test runner waiting.
        api.standardOutput = FileHandle.nullDevice
        api.standardError = FileHandle.nullDevice
        try ChorusProcess.launch(api)
        defer {
            api.terminate()
            api.waitUntilExit()
        }
        let server = try await start(
            directory, port: port,
            ["--allow-unsigned", "--telnyx-api-url", "http://127.0.0.1:\(apiPort)", "Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_TELNYX_API_KEY": "test-api-key"]) { $1 })
        defer { if server.isRunning { server.terminate() } }

        // Given a resident texting through Telnyx
        let event =
            #"{"data": {"event_type": "message.received", "id": "e1", "payload": {"id": "m1", "#
            + #""from": {"phone_number": "\#(Self.number)"}, "to": [{"phone_number": "+15550100"}], "text": "hola"}}}"#
        #expect(try await curl(port, "/sms/telnyx", json: event) == "{}")

        // Then the reply reaches Telnyx's API after one retry, for the resident, from the number texted
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: sent.path) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let line = try String(contentsOf: sent, encoding: .utf8).split(separator: "\n").first ?? ""
        let fields = try JSONDecoder().decode([String: String].self, from: Data(line.utf8))
        #expect(fields["to"] == Self.number)
        #expect(fields["from"] == "+15550100")
        #expect(fields["authorization"] == "Bearer test-api-key")
        #expect(fields["text"]?.isEmpty == false)
        // The fake API writes the line before it answers, so the sender may not have counted it yet.
        let sentCount = #"chorus_sms_outbox_total{gateway="telnyx",event="sent"} 1"#
        var metrics = try await curl(port, "/metrics")
        for _ in 0..<200 where !metrics.contains(sentCount) {
            try await Task.sleep(for: .milliseconds(50))
            metrics = try await curl(port, "/metrics")
        }
        #expect(metrics.contains(#"chorus_sms_outbox_total{gateway="telnyx",event="retried"} 1"#))
        #expect(metrics.contains(sentCount))

        server.terminate()
        try await exited(server)
        // At the default level a message handled as it should be leaves no line.
        let log = try String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)
        #expect(!log.contains("SMS webhook request"), "\(log)")
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where file.hasPrefix("sms.sqlite") || file == "server.log" {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
            #expect(bytes.range(of: Data("5550102030".utf8)) == nil, "the number is in \(file)")
        }
    }

    /// No gateway secret from the developer's shell.
    static let noSecrets = [
        "CHORUS_TWILIO_AUTH_TOKEN": "", "CHORUS_JSON_SECRET": "", "CHORUS_PLIVO_AUTH_TOKEN": "",
        "CHORUS_TELNYX_PUBLIC_KEY": "", "CHORUS_TELNYX_API_KEY": "",
    ]

    @Test func aSecondServerOnTheSameDatabaseRefusesToStartAndTheFirstGoesOn() async throws {
        let directory = try Scratch.folder()
        let port = LoopbackHTTP.freePort()
        let server = try await start(directory, port: port, ["--allow-unsigned", "Surveys/listening-session.xml"])
        defer { if server.isRunning { server.terminate() } }
        // Without the first server up, the second would start and this test wait for it forever.
        try #require(try await text(port, id: "1", "hello").contains("ES"))

        // The first keeps conversations in memory, so a second must not write beside it.
        let otherPort = LoopbackHTTP.freePort()
        let arguments = [
            "serve", "--db", directory.path + "/sms.sqlite", "--listen", "127.0.0.1:\(otherPort)", "--allow-unsigned",
            "Surveys/listening-session.xml",
        ]
        let second = try await ChorusProcess.run(arguments)
        #expect(second.status == 75)
        #expect(second.standardError.contains("another chorus serve is using \(directory.path)/sms.sqlite"))
        // Reading the database beside it is fine, and the first server goes on.
        #expect(try await ChorusProcess.run(["status", "--db", directory.path + "/sms.sqlite"]).status == 0)
        #expect(try await text(port, id: "2", "ES").contains("SI"))

        // Once the first has stopped, a server may start on the database again.
        server.terminate()
        try await exited(server)
        let again = try await start(directory, port: otherPort, Array(arguments.dropFirst(5)))
        defer { if again.isRunning { again.terminate() } }
        #expect(try await curl(otherPort, "/healthz") == "ok\n")
    }

    @Test func aSecretIsReadFromTheFileItsFileVariableNames() async throws {
        // Given the JSON gateway's secret in a file, ending in a line break as an editor leaves it
        let directory = try Scratch.folder()
        let secretFile = directory.appendingPathComponent("json-secret")
        try Data("s3cret-from-a-file\n".utf8).write(to: secretFile)
        let port = LoopbackHTTP.freePort()
        let server = try await start(
            directory, port: port, ["Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_JSON_SECRET_FILE": secretFile.path]) { $1 })
        defer { if server.isRunning { server.terminate() } }

        // Then a message signed with that secret is answered, and an unsigned one refused
        let body = #"{"id": "f1", "from": "\#(Self.number)", "text": "hello"}"#
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(body.utf8), using: SymmetricKey(data: Data("s3cret-from-a-file".utf8)))
        let signature = "sha256=" + code.map { String(format: "%02x", $0) }.joined()
        let signed = try await ChorusProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/curl"),
            [
                "-s", "-w", "%{http_code}", "http://127.0.0.1:\(port)/sms/json", "-H", "Content-Type: application/json",
                "-H", "X-Chorus-Signature: \(signature)", "--data-binary", body,
            ])
        #expect(signed.standardOutput.hasSuffix("200"), "\(signed.standardOutput)")
        #expect(signed.standardOutput.contains("listening session"), "\(signed.standardOutput)")
        let unsigned = try await ChorusProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/curl"),
            [
                "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/sms/json", "-H",
                "Content-Type: application/json", "--data-binary", body,
            ])
        #expect(unsigned.standardOutput == "403")
    }

    @Test func aSecretGivenTwiceOrInAFileThatCannotBeReadIsRefused() async throws {
        let database = try Scratch.folder().path + "/s.sqlite"
        let twice = try await ChorusProcess.run(
            ["serve", "--db", database, "Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_JSON_SECRET": "a", "CHORUS_JSON_SECRET_FILE": "/etc/hostname"])
            { $1 })
        #expect(twice.status == 64)
        #expect(twice.standardError.contains("set CHORUS_JSON_SECRET or CHORUS_JSON_SECRET_FILE, not both"))
        let missing = try await ChorusProcess.run(
            ["serve", "--db", database, "Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_JSON_SECRET_FILE": "/nonexistent/secret"]) { $1 })
        #expect(missing.status == 66)
        #expect(
            missing.standardError.contains("cannot read /nonexistent/secret, named by CHORUS_JSON_SECRET_FILE"),
            "\(missing.standardError)")
    }

    @Test func withoutAnySecretItRefusesToStart() async throws {
        let result = try await ChorusProcess.run(
            ["serve", "--db", try Scratch.folder().path + "/s.sqlite", "Surveys/listening-session.xml"],
            environment: Self.noSecrets)
        #expect(result.status == 64)
        #expect(result.standardError.contains("no gateway has a secret"))
    }

    @Test func anUnknownLogLevelIsRefusedWithTheLevelsNamed() async throws {
        let result = try await ChorusProcess.run(
            [
                "serve", "--db", try Scratch.folder().path + "/s.sqlite", "--log-level", "loud", "--allow-unsigned",
                "Surveys/listening-session.xml",
            ],
            environment: Self.noSecrets)
        #expect(result.status == 64)
        #expect(result.standardError.contains("'loud' is not a log level"), "\(result.standardError)")
        #expect(result.standardError.contains("trace, debug, info, notice, warning, error, critical"))
    }

    @Test func telnyxWithoutAnAPIKeyOrWithABadPublicKeyRefusesToStart() async throws {
        let database = try Scratch.folder().path + "/s.sqlite"
        let key = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg="
        let noAPIKey = try await ChorusProcess.run(
            ["serve", "--db", database, "Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_TELNYX_PUBLIC_KEY": key]) { $1 })
        #expect(noAPIKey.status == 64)
        #expect(noAPIKey.standardError.contains("telnyx sends replies through its API, so it needs an API key"))
        let badKey = try await ChorusProcess.run(
            ["serve", "--db", database, "Surveys/listening-session.xml"],
            environment: Self.noSecrets.merging(["CHORUS_TELNYX_PUBLIC_KEY": "c2hvcnQ=", "CHORUS_TELNYX_API_KEY": "k"])
            {
                $1
            })
        #expect(badKey.status == 64)
        #expect(badKey.standardError.contains("telnyx public key must be 32 bytes"))
    }
}
