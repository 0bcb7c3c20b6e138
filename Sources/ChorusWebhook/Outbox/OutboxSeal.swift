import ChorusStore
import Crypto
import Foundation

/// Seals outbox rows so the database alone never reveals a resident's number.
///
/// The key is made in memory when the server starts and is never written anywhere, so a copy of
/// the database, a backup or a stolen disk holds only ciphertext. The price: after a restart,
/// rows sealed under the old key cannot be opened, so a reply not yet sent when the server stops
/// is lost (never an answer, which is committed in clear beside it); the resident's next text
/// gets the question again.
struct OutboxSeal: Sendable {
    /// Names the key in the rows it sealed; random, so it says nothing about the key.
    let keyID = OutboxMessage.newID()
    private let key = SymmetricKey(size: .bits256)

    /// `message` sealed with ChaCha20-Poly1305 under a fresh id, which the seal also covers so a
    /// sealed message cannot be moved to another row.
    func seal(_ message: OutgoingSMS) throws -> OutboxMessage {
        let id = OutboxMessage.newID()
        let plain = try JSONEncoder().encode(message)
        let box = try ChaChaPoly.seal(plain, using: key, authenticating: Array(id.utf8))
        return OutboxMessage(id: id, keyID: keyID, sealed: Array(box.combined))
    }

    /// The message in a row sealed by this key.
    ///
    /// - Throws: If another key sealed it, or it was altered.
    func open(_ message: OutboxMessage) throws -> OutgoingSMS {
        let box = try ChaChaPoly.SealedBox(combined: message.sealed)
        let plain = try ChaChaPoly.open(box, using: key, authenticating: Array(message.id.utf8))
        return try JSONDecoder().decode(OutgoingSMS.self, from: plain)
    }
}
