import AsyncHTTPClient
import ChorusStore
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle
import Synchronization

/// Sends the outbox's rows through their gateways' APIs: a service in the webhook application's
/// service group, woken by the webhook after each commit that queued a reply.
///
/// Each row is sent by a child task of its own, its texts in order, retrying a connection error,
/// a 5xx or a 429 with doubling waits (``OutboxRetry``) and honoring `Retry-After`; it is deleted
/// once every text is accepted, or once given up on. On a graceful shutdown, sends in progress
/// finish but no retry waits; rows left unsent are deleted at the next start, as their key is gone.
struct OutboxSender<Store: SMSStore>: Service {
    let store: Store
    let outbox: Outbox
    /// Each sending gateway's API, by gateway name; a gateway without one cannot send.
    let apis: [String: GatewayAPI]
    let retry: OutboxRetry
    let metrics: WebhookMetrics
    let logger: Logger
    /// Waits between tries, injected so tests need not wait.
    let sleep: @Sendable (Duration) async throws -> Void
    /// Rows being sent, so a wake does not start a second send of one.
    private let claimed = Claims()

    private final class Claims: Sendable {
        let ids = Mutex<Set<String>>([])
    }

    init(
        store: Store, outbox: Outbox, apis: [String: GatewayAPI], retry: OutboxRetry, metrics: WebhookMetrics,
        logger: Logger, sleep: @escaping @Sendable (Duration) async throws -> Void
    ) {
        self.store = store
        self.outbox = outbox
        self.apis = apis
        self.retry = retry
        self.metrics = metrics
        self.logger = logger
        self.sleep = sleep
    }

    func run() async throws {
        discardUnopenable()
        var configuration = HTTPClient.Configuration()
        // An API key must never follow a redirect to another host.
        configuration.redirectConfiguration = .disallow
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        await withDiscardingTaskGroup { group in
            for await _ in outbox.wakes.cancelOnGracefulShutdown() {
                let rows: [OutboxMessage]
                do {
                    rows = try store.outboxMessages(keyID: outbox.seal.keyID)
                } catch {
                    logger.error("Outbox unreadable", metadata: ["error": "\(Self.describe(error))"])
                    continue
                }
                for row in rows where claim(row.id) {
                    group.addTask { await send(row, client: client) }
                }
            }
        }
        try await client.shutdown()
    }

    /// Deletes rows sealed before this start: their key died with the process that made it.
    private func discardUnopenable() {
        do {
            let count = try store.deleteOutboxMessages(notSealedUnder: outbox.seal.keyID)
            guard count > 0 else { return }
            // How many, and nothing else: not even which gateway, which would need opening them.
            logger.warning("Unsent replies from before the restart deleted", metadata: ["count": "\(count)"])
            metrics.outboxDiscarded(count)
        } catch {
            logger.error("Outbox unreadable", metadata: ["error": "\(Self.describe(error))"])
        }
    }

    private func claim(_ id: String) -> Bool {
        claimed.ids.withLock { $0.insert(id).inserted }
    }

    /// Sends a row's texts in order, then deletes it.
    private func send(_ row: OutboxMessage, client: HTTPClient) async {
        guard let message = try? outbox.seal.open(row) else {
            // Only this key's rows are read, so this is a damaged row; it can never be sent.
            logger.error("Outbox row cannot be opened; deleted")
            return finish(row, gateway: nil, outcome: .failed)
        }
        let gatewayName = message.gateway
        guard let gateway = Gateways.all.first(where: { $0.name == gatewayName }) as? any SendingGateway,
            let api = apis[gatewayName]
        else {
            logger.error("No API to send replies with", metadata: ["sms.gateway": "\(gatewayName)"])
            return finish(row, gateway: gatewayName, outcome: .failed)
        }
        for text in message.texts {
            var attempt = 1
            while true {
                let request = gateway.sendRequest(text: text, to: message.to, from: message.from, api: api)
                let result = await post(request, client: client)
                logger.debug(
                    "Outbox send",
                    metadata: ["sms.gateway": "\(gatewayName)", "attempt": "\(attempt)", "result": "\(result)"])
                switch result {
                case .accepted:
                    break
                case .refused(let status):
                    logger.warning(
                        "Gateway refused a reply; given up",
                        metadata: ["sms.gateway": "\(gatewayName)", "http.status": "\(status)"])
                    return finish(row, gateway: gatewayName, outcome: .failed)
                case .failed(let retryAfter):
                    guard attempt < retry.attempts else {
                        logger.warning(
                            "Reply not sent after every try; given up",
                            metadata: ["sms.gateway": "\(gatewayName)", "attempts": "\(attempt)"])
                        return finish(row, gateway: gatewayName, outcome: .failed)
                    }
                    metrics.outbox(.retried, gateway: gatewayName)
                    let delay = retry.delay(afterAttempt: attempt, retryAfter: retryAfter, random: .random(in: 0...1))
                    // Shutting down, before or during the wait: the row stays, and the next start deletes it.
                    guard !Task.isShuttingDownGracefully,
                        (try? await cancelWhenGracefulShutdown { try await sleep(delay) }) != nil,
                        !Task.isShuttingDownGracefully
                    else { return }
                    attempt += 1
                    continue
                }
                break
            }
        }
        finish(row, gateway: gatewayName, outcome: .sent)
    }

    /// Counts and deletes a row that is done with. If the delete fails the row stays claimed, so
    /// it is never sent twice; the next start deletes it.
    private func finish(_ row: OutboxMessage, gateway: String?, outcome: WebhookMetrics.OutboxEvent) {
        if let gateway { metrics.outbox(outcome, gateway: gateway) }
        do {
            try store.deleteOutboxMessage(id: row.id)
            _ = claimed.ids.withLock { $0.remove(row.id) }
        } catch {
            logger.error("Outbox row not deleted", metadata: ["error": "\(Self.describe(error))"])
        }
    }

    enum SendResult: CustomStringConvertible {
        case accepted
        /// Refused for good: a 4xx other than 429, such as a number that opted out with the carrier.
        case refused(status: UInt)
        /// Worth another try, after at least `retryAfter` if the gateway said.
        case failed(retryAfter: Duration?)

        var description: String {
            switch self {
            case .accepted: "accepted"
            case .refused(let status): "refused \(status)"
            case .failed: "failed"
            }
        }
    }

    private func post(_ outgoing: OutgoingRequest, client: HTTPClient) async -> SendResult {
        var request = HTTPClientRequest(url: outgoing.url)
        request.method = .POST
        for header in outgoing.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: outgoing.body))
        do {
            let response = try await client.execute(request, timeout: .seconds(10))
            // The body is read only to free the connection; it may name the number, so it is dropped.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            let status = response.status.code
            switch status {
            case 200..<300: return .accepted
            case 429, 500..<600:
                // Only the delay in seconds is read; for the HTTP-date form the doubling wait stands in.
                let retryAfter = response.headers.first(name: "Retry-After").flatMap { Int($0) }.map {
                    Duration.seconds(max(0, $0))
                }
                return .failed(retryAfter: retryAfter)
            default: return .refused(status: status)
            }
        } catch {
            return .failed(retryAfter: nil)
        }
    }

    /// A store error's message, which names paths and never a sender; any other error's type only.
    private static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.description ?? "\(type(of: error))"
    }
}
