public import ChorusStore
public import Foundation
public import Hummingbird
public import Logging

/// Builds the SMS webhook server: `POST /sms/<gateway>` for each gateway with a secret (or all,
/// with ``WebhookConfiguration/allowUnsigned``), and `GET /healthz`.
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
///   - logger: Gets one line per request: gateway, outcome, status and latency, nothing personal.
///   - now: The time, injected so tests can move it; it sets the response's day, `today()`,
///     and when conversations expire.
/// - Returns: The application, to run with `runService()` or to test.
/// - Throws: ``WebhookError`` for a configuration it cannot run with.
public func buildWebhookApplication(
    configuration: WebhookConfiguration,
    store: some SMSStore,
    key: SenderKey,
    logger: Logger,
    now: @escaping @Sendable () -> Date = { Date() }
) throws(WebhookError) -> some ApplicationProtocol {
    try configuration.validate()
    let router = Router()
    SMSController(
        configuration: configuration, conversation: SMSConversation(surveys: configuration.surveys), store: store,
        key: key, now: now
    ).addRoutes(to: router)
    router.get("/healthz") { _, _ in "ok\n" }
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
        logger: logger)
}
