import Logging

/// Standard error's log lines, as `StreamLogHandler` writes them, except that each request's id is
/// drawn at random.
///
/// Hummingbird numbers requests one after another, so the ids of two lines would tell how many
/// messages came in between, even those that log nothing, and the log is to be no timeline of when
/// residents texted. A random id still ties together the lines of one request.
struct ServerLogHandler: LogHandler {
    private static let requestIDKey = "hb.request.id"
    private var stream: StreamLogHandler

    init(label: String) {
        stream = .standardError(label: label)
    }

    var logLevel: Logger.Level {
        get { stream.logLevel }
        set { stream.logLevel = newValue }
    }

    var metadata: Logger.Metadata {
        get { stream.metadata }
        set {
            var metadata = newValue
            if metadata[Self.requestIDKey] != nil { metadata[Self.requestIDKey] = Self.randomID() }
            stream.metadata = metadata
        }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { stream[metadataKey: key] }
        set { stream[metadataKey: key] = key == Self.requestIDKey && newValue != nil ? Self.randomID() : newValue }
    }

    func log(event: LogEvent) {
        stream.log(event: event)
    }

    private static func randomID() -> Logger.Metadata.Value {
        .string(String(UInt64.random(in: .min ... .max), radix: 16))
    }
}
