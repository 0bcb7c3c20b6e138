import ArgumentParser
import ChorusCore
import ChorusStore
import ChorusWebhook
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the SMS webhook so residents can answer by text message.",
        discussion: """
            Gateway secrets come from the environment (CHORUS_TWILIO_AUTH_TOKEN, CHORUS_JSON_SECRET, \
            CHORUS_PLIVO_AUTH_TOKEN, CHORUS_TELNYX_PUBLIC_KEY with CHORUS_TELNYX_API_KEY), or from the file \
            each one's _FILE variable names (CHORUS_TWILIO_AUTH_TOKEN_FILE), never from the command line. \
            See chorus-serve(1).
            """
    )

    @OptionGroup var store: StoreOptions

    @ArgumentParser.Option(help: ArgumentHelp("Where to listen.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @ArgumentParser.Option(help: "The public scheme and host gateways call, e.g. https://sms.example.org.")
    var publicURL: String?

    @ArgumentParser.Option(
        help: "The key file for sender pseudonyms; chorus-sender.key beside the database by default.")
    var senderKey: String?

    @ArgumentParser.Option(help: "Days without a message before a conversation is deleted.")
    var expireAfter = 3.0

    @ArgumentParser.Option(help: "Messages one sender may send per minute; 0 for no limit.")
    var rateLimit = 20

    @ArgumentParser.Option(
        name: .customLong("telnyx-api-url"),
        help: ArgumentHelp(
            "Telnyx's API base URL, to send replies through; CHORUS_TELNYX_API_URL, else https://api.telnyx.com.",
            valueName: "url"))
    var telnyxAPIURL: String?

    @ArgumentParser.Option(
        help: ArgumentHelp(
            """
            The least severe log lines shown: trace, debug, info (the default), notice, warning, error or \
            critical; debug adds a line per message.
            """,
            valueName: "level"),
        transform: { name in
            guard let level = Logger.Level(rawValue: name) else {
                let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("'\(name)' is not a log level; use one of \(names).")
            }
            return level
        })
    var logLevel: Logger.Level = .info

    @Flag(help: "Accept unsigned requests; for trials on your own machine only.")
    var allowUnsigned = false

    @Argument(help: "The survey files to serve.")
    var files: [String] = []

    /// Each gateway's secret and the variable it is read from.
    static let secretVariables = [
        "twilio": "CHORUS_TWILIO_AUTH_TOKEN", "json": "CHORUS_JSON_SECRET", "plivo": "CHORUS_PLIVO_AUTH_TOKEN",
        "telnyx": "CHORUS_TELNYX_PUBLIC_KEY",
    ]
    /// Each sending gateway's API key and the variable it is read from.
    static let apiKeyVariables = ["telnyx": "CHORUS_TELNYX_API_KEY"]

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please name at least one survey file.") }
        if !(0.01...365).contains(expireAfter) {
            throw ValidationError("Please give --expire-after in days, up to 365.")
        }
        if Self.address(listen) == nil {
            throw ValidationError("Please give --listen as host:port, e.g. 127.0.0.1:8080.")
        }
        if let publicURL { try Self.checkPublicURL(publicURL) }
        if rateLimit < 0 { throw ValidationError("Please give --rate-limit as messages per minute, or 0.") }
        if let telnyxAPIURL, URL(string: telnyxAPIURL)?.scheme == nil {
            throw ValidationError("Please give --telnyx-api-url as a URL such as https://api.telnyx.com.")
        }
    }

    func run() async throws {
        var surveys: [Survey] = []
        var sources: [[UInt8]] = []
        for file in files {
            let (survey, source) = try SurveyLoader.loadWithSource(file)
            surveys.append(survey)
            sources.append(source)
        }
        var configuration = WebhookConfiguration(surveys: surveys)
        let (host, port) = Self.address(listen)!
        configuration.host = host
        configuration.port = port
        configuration.publicURL = publicURL
        configuration.allowUnsigned = allowUnsigned
        configuration.conversationExpiry = .seconds(expireAfter * 86_400)
        let environment = ProcessInfo.processInfo.environment
        for (gateway, variable) in Self.secretVariables {
            configuration.secrets[gateway] = try Secret.read(variable, from: environment)
        }
        for (gateway, variable) in Self.apiKeyVariables {
            configuration.apiKeys[gateway] = try Secret.read(variable, from: environment)
        }
        if let url = telnyxAPIURL ?? environment["CHORUS_TELNYX_API_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            configuration.apiURLs["telnyx"] = url
        }
        configuration.rateLimit = rateLimit == 0 ? nil : RateLimit(messages: rateLimit, per: .seconds(60))
        for (gateway, variable) in Self.apiKeyVariables
        where configuration.secrets[gateway] != nil && configuration.apiKeys[gateway] == nil {
            StandardError.write(
                "chorus: error: \(gateway) sends replies through its API, so it needs an API key too; set \(variable)")
            throw ExitStatus.usage
        }
        if configuration.secrets.isEmpty, !allowUnsigned {
            let variables = Self.secretVariables.values.sorted().joined(separator: " or ")
            StandardError.write(
                "chorus: error: no gateway has a secret; set \(variables), or use --allow-unsigned for a trial")
            throw ExitStatus.usage
        }
        try ListenProbe.check(host: host, port: port)
        let keyPath =
            senderKey
            ?? URL(fileURLWithPath: store.path).deletingLastPathComponent()
            .appendingPathComponent("chorus-sender.key").path
        let database = try StoreFailure.reporting { try ChorusDatabase(path: store.path, concurrentReads: true) }
        guard try ServeLock.claim(store.path) else {
            StandardError.write("chorus: error: another chorus serve is using \(store.path); stop it first")
            throw ExitStatus.temporaryFailure
        }
        let key = try StoreFailure.reporting {
            for (survey, source) in zip(surveys, sources) { try database.register(survey: survey, source: source) }
            return try SenderKey.loadOrCreate(at: keyPath)
        }
        var logger = Logger(label: "chorus.serve", factory: ServerLogHandler.init)
        logger.logLevel = logLevel
        if allowUnsigned {
            let unsigned = Self.secretVariables.keys.filter { configuration.secrets[$0] == nil }.sorted()
            logger.warning(
                "Unsigned requests accepted: anyone who can reach this server can send answers as any number",
                metadata: ["gateways": "\(unsigned.joined(separator: ","))"])
        }
        do {
            let app = try buildWebhookApplication(
                configuration: configuration, store: database, key: key, logger: logger)
            try await app.runService()
        } catch let error as WebhookError {
            StandardError.write("chorus: error: \(error.description)")
            throw ExitStatus.usage
        }
    }

    /// Refuses a public URL that would make every signature fail, as the whole webhook URL pasted
    /// from a gateway's console would: each request's path is added to it.
    static func checkPublicURL(_ text: String) throws {
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw ValidationError("Please give --public-url as a URL such as https://sms.example.org.")
        }
        guard url.query == nil, url.fragment == nil else {
            throw ValidationError(
                "Please give --public-url without a query or fragment, such as https://sms.example.org.")
        }
        let path = String(url.path.reversed().drop { $0 == "/" }.reversed())
        if let route = WebhookConfiguration.gatewayNames.map({ "/sms/\($0)" }).first(where: path.hasSuffix) {
            let base = String(text.reversed().drop { $0 == "/" }.reversed().dropLast(route.count))
            throw ValidationError(
                "Please give --public-url without the gateway's path: \(base), not \(text); each request's path, "
                    + "such as \(route), is added to it.")
        }
    }

    static func address(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65_535).contains(port), colon != text.startIndex
        else { return nil }
        return (String(text[..<colon]), port)
    }
}
