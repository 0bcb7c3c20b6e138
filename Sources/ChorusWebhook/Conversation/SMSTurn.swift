import ChorusCore

/// What the store knows about a sender when a message arrives.
struct SenderState: Sendable, Hashable {
    /// Whether the sender has opted out; then nothing is sent until they opt back in.
    var isOptedOut = false
    /// The sender's stored conversations, by survey id: at most one in progress, and markers
    /// that a completed survey was already pointed out (see ``SMSConversation``).
    var conversations: [String: Interview] = [:]
    /// The surveys whose served version this sender has completed.
    var completed: Set<String> = []
}

/// What one message does: the replies to send and the change to store, all or nothing.
struct SMSTurn: Sendable, Hashable {
    /// The replies, each one text message before splitting into SMS parts; none to send nothing.
    var messages: [String] = []
    /// The survey whose conversation `interview` replaces.
    var surveyID: String
    /// The conversation from now on; `nil` deletes it.
    var interview: Interview?
    /// A response completed by this message, to save.
    var completed: Response?
    /// A change of opt-out: `true` after a stop, `false` after a start; `nil` leaves it.
    var optOut: Bool?
}
