import ChorusCore
import ChorusStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The gateway routes: check the signature, read the message, move the sender's conversation on
/// and store the change, then answer with the reply.
///
/// Nothing is stored before the signature is checked, and the 2xx goes out only after the store
/// has committed the change, which ``SMSWriter`` does for many messages at once. The sender's
/// lock is held until then, so the sender's next message starts from what this one stored,
/// kept in ``SenderStates`` so that it need not be read back. The raw
/// number lives only in this request's memory: the store sees its pseudonym, the logs see neither
/// it nor the text.
struct SMSController<Store: SMSStore>: Sendable {
    let configuration: WebhookConfiguration
    let conversation: SMSConversation
    let store: Store
    let writer: SMSWriter<Store>
    let key: SenderKey
    let now: @Sendable () -> Date
    let metrics: WebhookMetrics
    /// Where replies for a ``SendingGateway`` are sealed and queued.
    let outbox: Outbox
    /// Refuses a sender's messages beyond the configured rate; `nil` for no limit.
    let rateLimit: SenderRateLimit?
    /// ``WebhookConfiguration/publicURL`` without trailing slashes, for the URL signatures cover.
    let publicBase: String?
    let locks = SenderLocks()
    /// Each message's parts, as most are sent to every sender alike.
    let messageParts = MessageParts()
    /// Each sender's state after their last message, so the next needs no read.
    let states: SenderStates
    /// The message each nonce of a signature that does not cover the message came with.
    let nonces: NonceBindings
    /// Deletes what expired, which the first message of an hour sees done.
    let upkeep: StoreUpkeep<Store>
    /// Every opt-out's confirmation as stored.
    let stopReplies: Set<String>

    init(
        configuration: WebhookConfiguration, conversation: SMSConversation, store: Store, upkeep: StoreUpkeep<Store>,
        key: SenderKey, now: @escaping @Sendable () -> Date, metrics: WebhookMetrics, outbox: Outbox,
        rateLimit: SenderRateLimit?
    ) {
        self.configuration = configuration
        self.conversation = conversation
        self.store = store
        self.upkeep = upkeep
        self.writer = upkeep.writer
        self.states = upkeep.states
        self.key = key
        self.now = now
        self.metrics = metrics
        self.outbox = outbox
        self.rateLimit = rateLimit
        self.nonces = NonceBindings(now: now())
        self.stopReplies = Set(conversation.stopConfirmations.map { [messageParts] in Self.stored(messageParts[$0]) })
        self.publicBase = configuration.publicURL.map { String($0.reversed().drop { $0 == "/" }.reversed()) }
    }

    typealias Outcome = RequestOutcome

    func addRoutes(to router: Router<some RequestContext>) {
        let served = configuration.servedGatewayNames
        for gateway in Gateways.all where served.contains(gateway.name) {
            let secret = configuration.secrets[gateway.name]
            router.post(RouterPath(gateway.path)) { request, context in
                await handle(request, logger: context.logger, gateway: gateway, secret: secret)
            }
            router.refuseOtherMethods(on: RouterPath(gateway.path), allowing: [.post])
        }
    }

    func handle(_ request: Request, logger: Logger, gateway: any Gateway, secret: String?) async -> Response {
        let started = ContinuousClock.now
        let (outcome, response) = await respond(to: request, gateway: gateway, secret: secret, logger: logger)
        let duration = started.duration(to: .now)
        metrics.request(gateway: gateway.name, outcome: outcome, duration: duration)
        let elapsed = duration.components
        let microseconds = elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000
        // Only these: never the number, its pseudonym, the message id or the text.
        logger.log(
            level: outcome.logLevel, "SMS webhook request",
            metadata: [
                "sms.gateway": "\(gateway.name)",
                "sms.outcome": "\(outcome.rawValue)",
                "http.status": "\(response.status.code)",
                "latency.us": "\(microseconds)",
            ])
        return response
    }

    private func respond(
        to request: Request, gateway: any Gateway, secret: String?, logger: Logger
    ) async -> (Outcome, Response) {
        let body: [UInt8]
        do {
            body = Array(try await request.body.collect(upTo: configuration.maximumBodySize).readableBytesView)
        } catch is NIOTooManyBytesError {
            return (.tooLarge, Self.plain(.contentTooLarge, "request body too large"))
        } catch {
            return (.malformed, Self.plain(.badRequest, "unreadable request body"))
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        var signed = GatewayRequest(url: signedURL(request), headers: headers, body: body, receivedAt: now())
        if headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            signed.form = try? FormBody(body)
        }
        if let secret, !gateway.isAuthentic(signed, secret: secret) {
            return (.forbidden, Self.plain(.forbidden, "signature missing or wrong"))
        }
        let inbound: InboundSMS
        do {
            guard let message = try gateway.inbound(from: signed) else {
                return (.ignored, Self.plain(.ok, "nothing to do"))
            }
            inbound = message
        } catch {
            return (.malformed, Self.plain(.badRequest, error.description))
        }
        if secret != nil, let nonce = gateway.unboundNonce(signed),
            !nonces.admits(nonce, for: inbound.messageID, at: now())
        {
            return (.forbidden, Self.plain(.forbidden, "signature already used for another message"))
        }
        guard let number = SenderKey.normalizeE164(inbound.from) else {
            return (.malformed, Self.plain(.badRequest, "the sender is not an E.164 number"))
        }
        let sender = key.pseudonym(forE164: number)
        if let rateLimit, !rateLimit.allows(sender, at: now()), !conversation.optsOut(inbound.text) {
            // A gateway's retry of a message already answered is not another message: it gets the
            // reply it had, which the sender may never have received.
            if let stored = try? store.processedReply(
                gateway: gateway.name, sender: sender, messageID: inbound.messageID)
            {
                let optedOut = states[sender]?.isOptedOut ?? (try? store.isOptedOut(sender: sender)) ?? false
                return (.replayed, reply(replayed(stored, optedOut: optedOut), gateway: gateway, to: inbound))
            }
            var response = Self.plain(.tooManyRequests, "too many messages from this sender; try again later")
            response.headers[.retryAfter] = "\(rateLimit.secondsUntilNext(sender))"
            return (.rateLimited, response)
        }
        do {
            let (outcome, parts) = try await locks.withLock(sender) {
                try await process(inbound, from: sender, gateway: gateway)
            }
            return (outcome, reply(parts, gateway: gateway, to: inbound))
        } catch {
            // The store's errors name paths and surveys, never a sender or a message.
            let reason = (error as? StoreError)?.description ?? "\(type(of: error))"
            logger.error("SMS store failed", metadata: ["error": "\(reason)"])
            return (.storeFailed, Self.plain(.internalServerError, "try again later"))
        }
    }

    /// Moves the sender's conversation on and stores the change; a message already processed
    /// gets the same reply again and changes nothing.
    private func process(
        _ inbound: InboundSMS, from sender: String, gateway: any Gateway
    ) async throws -> (Outcome, [String]) {
        let sending = gateway is any SendingGateway
        let gateway = gateway.name
        let date = now()
        // The first message of an hour deletes what expired, perhaps this sender's conversation,
        // and has every kept state forgotten.
        _ = try await upkeep.purgeIfDue(at: date)
        // A retry missed by a kept state is refused by the store's write below, as a duplicate.
        let state: SMSSnapshot
        if let kept = states[sender] {
            state = kept
        } else {
            state = try store.smsSnapshot(
                gateway: gateway, messageID: inbound.messageID, sender: sender, surveys: configuration.surveys)
            if let reply = state.processedReply { return (.replayed, replayed(reply, optedOut: state.isOptedOut)) }
        }
        let turn = conversation.respond(to: inbound.text, state, today: today(at: date))
        let parts = turn.messages.flatMap { messageParts[$0] }
        let expiry = Double(configuration.conversationExpiry.components.seconds)
        let outgoing =
            try sending && !parts.isEmpty ? outbox.row(for: parts, replyingTo: inbound, through: gateway) : nil
        let change = SMSChange(
            gateway: gateway, messageID: inbound.messageID, sender: sender, surveyID: turn.surveyID,
            reply: Self.stored(parts), interview: turn.interview,
            completed: turn.completed.map { ($0, day: Day(date, in: configuration.timeZone)) }, optOut: turn.optOut,
            expiresHour: ChorusDatabase.hour(date.addingTimeInterval(expiry), in: .gmt),
            menuLanguage: turn.menuLanguage, forgetsMenu: state.menuLanguage != nil, abandonedSurveyID: turn.abandoned,
            outgoing: outgoing)
        do {
            try await writer.apply(change)
            states.keep(state.applying(change), for: sender)
            if change.outgoing != nil { outbox.wake() }
        } catch {
            states.forget(sender)
            // A retry the kept state could not tell from a new message: give the reply it had.
            guard let reply = try? store.processedReply(gateway: gateway, sender: sender, messageID: inbound.messageID)
            else {
                throw error
            }
            return (.replayed, replayed(reply, optedOut: state.isOptedOut))
        }
        return (turn.optOut == true ? .optedOut : parts.isEmpty ? .silent : .replied, parts)
    }

    /// The response carrying `parts`, inline where the gateway takes replies so; the outbox sends
    /// the others.
    private func reply(_ parts: [String], gateway: any Gateway, to inbound: InboundSMS) -> Response {
        let reply = gateway.reply(gateway is any SendingGateway ? [] : parts, to: inbound)
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: reply.body)))
    }

    /// The reply a retried message gets again: none once its sender has opted out, as nothing more
    /// is sent to them, unless it is the opt-out's own confirmation, which may never have reached
    /// them.
    private func replayed(_ stored: String, optedOut: Bool) -> [String] {
        optedOut && !stopReplies.contains(stored) ? [] : Self.parts(of: stored)
    }

    /// Days since 1970-01-01 in the configured zone, for `today()` in survey expressions.
    private func today(at date: Date) -> Int {
        let seconds = date.timeIntervalSince1970 + Double(configuration.timeZone.secondsFromGMT(for: date))
        return Int((seconds / 86_400).rounded(.down))
    }

    /// The URL the gateway signed: the public URL when configured, else the Host header's.
    private func signedURL(_ request: Request) -> String {
        let pathAndQuery = request.head.path ?? "/"
        if let publicBase { return publicBase + pathAndQuery }
        let host = request.head.authority ?? request.headers[HTTPField.Name("Host")!] ?? "localhost"
        return "http://\(host)\(pathAndQuery)"
    }

    /// The parts of a reply as the store keeps them: joined by U+001E, which XML, and so no survey
    /// text, can contain.
    private static func stored(_ parts: [String]) -> String {
        parts.joined(separator: "\u{1E}")
    }

    private static func parts(of stored: String) -> [String] {
        stored.isEmpty ? [] : stored.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}
