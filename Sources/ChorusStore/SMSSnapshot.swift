public import ChorusCore

/// What the store holds about a text message and its sender when the message arrives, read at one
/// moment by ``ChorusDatabase/smsSnapshot(gateway:messageID:sender:surveys:)``.
public struct SMSSnapshot: Sendable, Hashable {
    /// The reply already given to the message if it was processed before; then nothing else was
    /// read but ``isOptedOut``, as the message changes nothing.
    public var processedReply: String?
    /// Whether the sender opted out.
    public var isOptedOut: Bool
    /// The sender's stored interviews, by survey id.
    public var conversations: [String: Interview]
    /// The ids of the surveys the sender completed, in any version.
    public var completed: Set<String>
    /// The language the list of surveys was sent in, when that was the reply to the sender's last
    /// message: the survey they choose from it starts in that language.
    public var menuLanguage: String?

    /// Creates a snapshot.
    public init(
        processedReply: String? = nil, isOptedOut: Bool = false, conversations: [String: Interview] = [:],
        completed: Set<String> = [], menuLanguage: String? = nil
    ) {
        self.processedReply = processedReply
        self.isOptedOut = isOptedOut
        self.conversations = conversations
        self.completed = completed
        self.menuLanguage = menuLanguage
    }
}
