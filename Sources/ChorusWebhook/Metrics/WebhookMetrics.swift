import Prometheus

/// What `GET /metrics` shows: counts of messages by gateway and outcome, request latency, and
/// the outbox's sends, retries and failures. Only counts and durations, never anything that
/// tells one resident from another.
///
/// Metrics live in a ``PrometheusCollectorRegistry`` passed in, not a global metrics system, so
/// several webhooks (in tests, say) each keep their own.
struct WebhookMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    private let messages: [String: Counter]
    private let latency: [String: DurationHistogram]
    private let outbox: [String: Counter]
    private let discarded: Counter

    /// What can happen to an outbox row or one of its sends.
    enum OutboxEvent: String, CaseIterable {
        /// Every text of a reply was accepted by the gateway.
        case sent
        /// A send failed for a reason that may pass and will be tried again.
        case retried
        /// A reply was given up on: refused by the gateway, or out of tries.
        case failed
    }

    /// Registers every series at zero, so a scrape shows them before anything happens.
    init(registry: PrometheusCollectorRegistry, gateways: [String]) {
        self.registry = registry
        var messages: [String: Counter] = [:]
        var latency: [String: DurationHistogram] = [:]
        var outbox: [String: Counter] = [:]
        let messagesName = MetricNameDescriptor(
            namespace: "chorus", subsystem: "sms", metricName: "messages", unitName: "total",
            helpText: "Webhook requests by gateway and how they ended.")
        let latencyName = MetricNameDescriptor(
            namespace: "chorus", subsystem: "sms", metricName: "request_duration", unitName: "seconds",
            helpText: "Time from a webhook request's arrival to its response.")
        let outboxName = MetricNameDescriptor(
            namespace: "chorus", subsystem: "sms", metricName: "outbox", unitName: "total",
            helpText: "Replies sent through a gateway's API: sent, tries that failed and are retried, given up.")
        let buckets: [Duration] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500].map { .milliseconds($0) }
        for gateway in gateways {
            for outcome in RequestOutcome.allCases {
                messages[Self.key(gateway, outcome.rawValue)] = registry.makeCounter(
                    descriptor: messagesName, labels: [("gateway", gateway), ("outcome", outcome.rawValue)])
            }
            latency[gateway] = registry.makeDurationHistogram(
                descriptor: latencyName, labels: [("gateway", gateway)], buckets: buckets)
            // The others reply inline and never use the outbox.
            for event in OutboxEvent.allCases where WebhookConfiguration.sendingGatewayNames.contains(gateway) {
                outbox[Self.key(gateway, event.rawValue)] = registry.makeCounter(
                    descriptor: outboxName, labels: [("gateway", gateway), ("event", event.rawValue)])
            }
        }
        self.messages = messages
        self.latency = latency
        self.outbox = outbox
        discarded = registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "chorus", subsystem: "sms", metricName: "outbox_discarded", unitName: "total",
                helpText: "Replies sealed before a restart, deleted unsent as their key is gone."))
    }

    /// Counts a webhook request and how long it took.
    func request(gateway: String, outcome: RequestOutcome, duration: Duration) {
        messages[Self.key(gateway, outcome.rawValue)]?.increment()
        latency[gateway]?.record(duration)
    }

    /// Counts `event` in the outbox.
    func outbox(_ event: OutboxEvent, gateway: String) {
        outbox[Self.key(gateway, event.rawValue)]?.increment()
    }

    /// Counts replies deleted unsent at start, whose gateway is sealed with them.
    func outboxDiscarded(_ count: Int) {
        discarded.increment(by: Int64(count))
    }

    /// The metrics in Prometheus's text format.
    func scrape() -> String {
        registry.emitToString()
    }

    private static func key(_ gateway: String, _ label: String) -> String {
        gateway + " " + label
    }
}
