import ChorusStore
import Foundation
import Glibc
import Synchronization
import Testing

/// `kill -9` under load loses no acknowledged answer: clients text the real `chorus serve` side by
/// side and note every message answered 200, the server is killed while they do, and the
/// database, opened again, holds each of those messages with the very reply that was given.
@Suite(.serialized) struct ServeDurabilityTests {
    static let clients = 8
    /// Acknowledgements before the kill: enough for commits to be under way together.
    static let killAfter = 300
    /// One resident's way through Surveys/listening-session.xml.
    static let texts = ["hello", "yes", "1", "4", "yes", "1", "skip"]

    /// What the clients saw answered, kept as they go.
    final class Acknowledged: Sendable {
        struct Seen {
            /// By message id: the sender's number and the reply.
            var replies: [String: (from: String, messages: [String])] = [:]
            var completed = 0
            var killed = false
        }
        let seen = Mutex(Seen())
    }

    @Test func killedUnderLoadItKeepsEveryAcknowledgedMessage() async throws {
        let directory = try Scratch.folder()
        let database = directory.appendingPathComponent("sms.sqlite").path
        let port = LoopbackHTTP.freePort()
        let server = Process()
        server.executableURL = ChorusProcess.binary
        server.arguments = [
            "serve", "--db", database, "--listen", "127.0.0.1:\(port)", "--allow-unsigned",
            "Surveys/listening-session.xml",
        ]
        server.currentDirectoryURL = ChorusProcess.packageRoot
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try ChorusProcess.launch(server)
        defer { if server.isRunning { kill(server.processIdentifier, SIGKILL) } }
        for _ in 0..<200 where LoopbackHTTP.request(port: port, "/healthz")?.status != 200 {
            try await Task.sleep(for: .milliseconds(50))
        }

        // Given clients texting side by side as residents going through the survey, one after
        // another, until the server is killed under them
        let acknowledged = Acknowledged()
        let pid = server.processIdentifier
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<Self.clients {
                group.addTask {
                    try await offThePool {
                        Self.text(as: client, port: port, noting: acknowledged) { kill(pid, SIGKILL) }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await exited(server)
        #expect(server.terminationReason == .uncaughtSignal)

        // Then every acknowledged message is in the database, with the reply it got
        let reopened = try ChorusDatabase(path: database)
        let key = try SenderKey.loadOrCreate(at: directory.appendingPathComponent("chorus-sender.key").path)
        let (replies, completed) = acknowledged.seen.withLock { ($0.replies, $0.completed) }
        #expect(replies.count >= Self.killAfter)
        var missing = 0
        for (id, (from, messages)) in replies {
            let sender = key.pseudonym(forE164: from)
            let stored = try reopened.processedReply(gateway: "json", sender: sender, messageID: id)
            if stored != messages.joined(separator: "\u{1E}") { missing += 1 }
        }
        #expect(missing == 0, "\(missing) of \(replies.count) acknowledged messages are not in the database")
        // And every survey whose last answer was acknowledged is saved
        #expect(try reopened.status().reduce(0) { $0 + $1.count } >= completed)
    }

    /// Texts as one resident after another until the server stops answering, noting each
    /// acknowledged message; calls `kill` on reaching ``killAfter`` acknowledgements in all.
    static func text(as client: Int, port: Int, noting acknowledged: Acknowledged, kill: () -> Void) {
        for resident in 1... {
            for (step, text) in texts.enumerated() {
                let id = "c\(client)-r\(resident)-m\(step)"
                let from = "+1555\(client)\(resident + 100_000)"
                let body = #"{"id": "\#(id)", "from": "\#(from)", "text": "\#(text)"}"#
                guard let response = LoopbackHTTP.request(port: port, "/sms/json", json: body), response.status == 200,
                    let reply = try? JSONDecoder().decode([String: [String]].self, from: Data(response.body.utf8)),
                    let messages = reply["messages"]
                else { return }
                let killNow = acknowledged.seen.withLock { seen in
                    seen.replies[id] = (from, messages)
                    if step == texts.count - 1 { seen.completed += 1 }
                    guard seen.replies.count >= killAfter, !seen.killed else { return false }
                    seen.killed = true
                    return true
                }
                if killNow { kill() }
            }
        }
    }
}
