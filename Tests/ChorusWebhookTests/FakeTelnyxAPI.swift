import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// Telnyx's send API played on 127.0.0.1: answers the first requests with the failures it is
/// given, then accepts, keeping what it accepted. While held, it keeps every request waiting.
final class FakeTelnyxAPI: Sendable {
    struct Received: Sendable, Hashable {
        var authorization: String?
        var fields: [String: String]
    }

    private struct State {
        var failures: [(HTTPResponse.Status, retryAfter: String?)]
        /// Requests that arrived, held or not.
        var arrived = 0
        /// Requests answered.
        var requests = 0
        var accepted: [Received] = []
        var held: Bool
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let state: Mutex<State>

    init(failures: [(HTTPResponse.Status, retryAfter: String?)] = [], held: Bool = false) {
        state = Mutex(State(failures: failures, held: held))
    }

    var arrived: Int { state.withLock { $0.arrived } }
    var requests: Int { state.withLock { $0.requests } }
    var accepted: [Received] { state.withLock { $0.accepted } }

    /// Lets waiting and later requests through.
    func release() {
        let waiting = state.withLock { state in
            state.held = false
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("/v2/messages") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 64 * 1024)
            await withCheckedContinuation { continuation in
                let wait = self.state.withLock { state in
                    state.arrived += 1
                    if state.held { state.waiting.append(continuation) }
                    return state.held
                }
                if !wait { continuation.resume() }
            }
            let received = Received(
                authorization: request.headers[.authorization],
                fields: (try? JSONDecoder().decode([String: String].self, from: Data(body.readableBytesView))) ?? [:])
            let failure: (HTTPResponse.Status, retryAfter: String?)? = self.state.withLock { state in
                state.requests += 1
                guard !state.failures.isEmpty else {
                    state.accepted.append(received)
                    return nil
                }
                return state.failures.removeFirst()
            }
            guard let failure else {
                return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: #"{"data":{"id":"x"}}"#)))
            }
            var headers = HTTPFields()
            if let retryAfter = failure.retryAfter { headers[.retryAfter] = retryAfter }
            return Response(status: failure.0, headers: headers)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// Waits, up to ten seconds, until `condition` holds; the caller then checks what it needs.
    static func eventually(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<1000 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}
