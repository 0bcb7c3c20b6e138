import ChorusCore

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
    /// The language the list of surveys was sent in, kept so that the survey the next message
    /// chooses starts in it; `nil` when this reply is not that list.
    var menuLanguage: String?
    /// Another survey whose conversation, still waiting for its consent, this turn deletes.
    var abandoned: String?
}
