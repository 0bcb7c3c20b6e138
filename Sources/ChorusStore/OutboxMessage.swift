/// A reply waiting in the outbox, as the store sees it: sealed, so that the destination number it
/// carries cannot be read from the database (see Schema's "v3").
public struct OutboxMessage: Sendable, Hashable {
    /// 32 lowercase hex digits of 128 random bits, from ``newID()``.
    public var id: String
    /// Which in-memory key sealed it: 32 lowercase hex digits that name the key, never the key.
    public var keyID: String
    /// The message, encrypted and authenticated; at least a nonce and a tag long.
    public var sealed: [UInt8]

    /// Creates a message to queue.
    public init(id: String, keyID: String, sealed: [UInt8]) {
        self.id = id
        self.keyID = keyID
        self.sealed = sealed
    }

    /// A new, unguessable id, random so the rows' order shows nothing of when they were queued.
    public static func newID() -> String {
        ResponseRecord.randomID()
    }
}
