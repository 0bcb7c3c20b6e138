public import ChorusCore

/// Everything one incoming text message changes, applied by ``ChorusDatabase/applySMS(_:)`` all at
/// once or not at all.
public struct SMSChange: Sendable {
    /// The gateway the message came through, such as `twilio`; message ids are unique per gateway.
    public var gateway: String
    /// The gateway's id for the message; only its SHA-256 is stored.
    public var messageID: String
    /// The sender's pseudonym from ``SenderKey/pseudonym(forE164:)``, never the number.
    public var sender: String
    /// The survey the conversation is about.
    public var surveyID: String
    /// The text answered to this message, returned again if the gateway retries it; may be empty.
    public var reply: String
    /// The conversation to keep for the next message; `nil` deletes it.
    public var interview: Interview? {
        didSet { interviewJSON = interview?.json }
    }
    /// `interview` as stored, encoded as soon as it is set: by the request that made the change,
    /// not by the one writer that stores everyone's.
    private(set) var interviewJSON: String?
    /// The finished response and the day it was completed on, to save; then the conversation is
    /// deleted whatever `interview` says.
    public var completed: (Response, day: Day)?
    /// `true` records an opt-out and deletes every conversation of the sender, `false` removes the
    /// opt-out, `nil` leaves it as it is.
    public var optOut: Bool?
    /// The hour (`YYYY-MM-DDTHH`, from ``ChorusDatabase/hour(_:in:)``) after which the conversation
    /// and this message's record are deleted.
    public var expiresHour: String
    /// The language the list of surveys was sent in as this message's reply, kept for the sender's
    /// next message, which may choose a survey from it.
    public var menuLanguage: String?
    /// Whether to delete the menu's language kept from an earlier message when `menuLanguage` is
    /// `nil`; false for a sender who has none, so that their message costs no delete.
    public var forgetsMenu: Bool
    /// Another survey whose conversation this message leaves, as one still waiting for its consent
    /// does when the sender names a different survey: it is deleted.
    public var abandonedSurveyID: String?
    /// A reply to send through the gateway's API, queued in the same transaction; `nil` when the
    /// reply goes back in the webhook's response or there is none.
    public var outgoing: OutboxMessage?

    /// Creates a change.
    public init(
        gateway: String,
        messageID: String,
        sender: String,
        surveyID: String,
        reply: String,
        interview: Interview?,
        completed: (Response, day: Day)? = nil,
        optOut: Bool? = nil,
        expiresHour: String,
        menuLanguage: String? = nil,
        forgetsMenu: Bool = false,
        abandonedSurveyID: String? = nil,
        outgoing: OutboxMessage? = nil
    ) {
        self.gateway = gateway
        self.messageID = messageID
        self.sender = sender
        self.surveyID = surveyID
        self.reply = reply
        self.interview = interview
        self.interviewJSON = interview?.json
        self.completed = completed
        self.optOut = optOut
        self.expiresHour = expiresHour
        self.menuLanguage = menuLanguage
        self.forgetsMenu = forgetsMenu
        self.abandonedSurveyID = abandonedSurveyID
        self.outgoing = outgoing
    }
}
