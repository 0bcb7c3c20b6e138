public import ChorusStore
public import Foundation
import HTTPTypes
public import Hummingbird
public import Logging
import NIOCore
public import Prometheus

/// Builds the SMS webhook server: `POST /sms/<gateway>` for each gateway with a secret (or all,
/// with ``WebhookConfiguration/allowUnsigned``), `GET /healthz`, and `GET /metrics` in
/// Prometheus's text format, each answering another method with 405; with it, in the
/// application's service group, the outbox's sender and the store's upkeep.
///
/// ```swift
/// let app = try buildWebhookApplication(
///     configuration: configuration, store: database, key: try SenderKey.loadOrCreate(at: keyPath), logger: logger)
/// try await app.runService()
/// ```
///
/// Every survey served must be registered in the store, as responses are saved against it.
///
/// - Parameters:
///   - configuration: The surveys, address, public URL, secrets and limits.
///   - store: Where conversations, opt-outs, replies and responses are kept.
///   - key: Turns a sender's number into the pseudonym the store sees.
///   - logger: Gets one line per request: gateway, outcome, status and latency, nothing personal;
///     at `debug` for a message handled as it should be, at `notice` for a refused request.
///   - metrics: Where the webhook's metrics are registered and `/metrics` reads them from.
///   - now: The time, injected so tests can move it; it sets the response's day, `today()`,
///     when conversations expire, the rate limit, and the window of timestamped signatures.
///   - sleep: Waits between the outbox's tries, injected so tests need not wait.
/// - Returns: The application, to run with `runService()` or to test.
/// - Throws: ``WebhookError`` for a configuration it cannot run with.
public func buildWebhookApplication(
    configuration: WebhookConfiguration,
    store: some SMSStore,
    key: SenderKey,
    logger: Logger,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    now: @escaping @Sendable () -> Date = { Date() },
    sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
) throws(WebhookError) -> some ApplicationProtocol {
    try configuration.validate()
    // HEAD as well as GET, which HTTP asks of every server; monitors often check with it.
    let router = Router(options: .autoGenerateHeadEndpoints)
    let metrics = WebhookMetrics(registry: metrics, gateways: configuration.servedGatewayNames)
    let outbox = Outbox()
    // Without the senders stored, every sender's first message reads the store, as it would anyway.
    let states = SenderStates(stored: try? store.smsSenders())
    let upkeep = StoreUpkeep(
        writer: SMSWriter(store: store), states: states, interval: configuration.upkeepInterval, now: now,
        logger: logger)
    SMSController(
        configuration: configuration, conversation: SMSConversation(surveys: configuration.surveys), store: store,
        upkeep: upkeep, key: key, now: now, metrics: metrics, outbox: outbox,
        rateLimit: configuration.rateLimit.map(SenderRateLimit.init)
    ).addRoutes(to: router)
    router.get("/healthz") { _, _ in "ok\n" }
    router.get("/metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.scrape())))
    }
    for path in ["/healthz", "/metrics"] { router.refuseOtherMethods(on: RouterPath(path), allowing: [.get, .head]) }
    var apis: [String: GatewayAPI] = [:]
    for case let gateway as any SendingGateway in Gateways.all {
        guard let key = configuration.apiKeys[gateway.name] else { continue }
        apis[gateway.name] = GatewayAPI(baseURL: configuration.apiURLs[gateway.name] ?? gateway.defaultAPIURL, key: key)
    }
    let sender = OutboxSender(
        store: store, outbox: outbox, apis: apis, retry: configuration.outboxRetry, metrics: metrics, logger: logger,
        sleep: sleep)
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
        services: [sender, upkeep],
        logger: logger)
}
