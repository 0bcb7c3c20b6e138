import Crypto

/// The secret that turns a phone number into the only handle Chorus keeps for a text-message
/// sender: a keyed hash, used to continue a conversation, honor STOP and allow one response.
///
/// A plain hash of a phone number is no protection, since there are few enough numbers to try
/// them all; without this key, which lives in its own file outside the database, the stored
/// handles cannot be matched to numbers. Losing the key forgets every opt-out, so back it up.
public struct SenderKey: Sendable, CustomStringConvertible {
    /// The key's length: 256 bits, as long as SHA-256's output, the least RFC 2104 recommends.
    static let byteCount = 32

    /// HMAC-SHA256 keyed once: keying hashes the key's pads, which every message would repeat.
    private let keyed: HMAC<SHA256>

    init(bytes: [UInt8]) {
        keyed = HMAC(key: SymmetricKey(data: bytes))
    }

    /// Never the key itself, so logging a value that holds one leaks nothing.
    public var description: String { "SenderKey(redacted)" }

    /// The sender's handle: HMAC-SHA256 of the number in E.164 form, as 64 lowercase hex digits.
    ///
    /// Any spelling of a number that ``normalizeE164(_:)`` accepts gives the same handle. Anything
    /// else, such as a short code or an alphanumeric sender id, is hashed exactly as given.
    public func pseudonym(forE164 number: String) -> String {
        let text = Self.normalizeE164(number) ?? number
        var hmac = keyed
        hmac.update(data: Array(text.utf8))
        return Hex.string(hmac.finalize())
    }

    /// Whether `text` has the shape of a handle from ``pseudonym(forE164:)``, so that a phone
    /// number passed by mistake is refused instead of stored or silently not found.
    static func isPseudonym(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// `raw` as an E.164 number (`+` and 8 to 15 digits), or `nil` if it is not one.
    ///
    /// Spaces, dashes, dots and parentheses are dropped, and a leading `00` becomes `+`. Digits
    /// without either are read as an international number, which is how gateways that leave out
    /// the `+` send them. No country is ever guessed, so a national number with a leading `0` is
    /// refused, as is anything with letters.
    public static func normalizeE164(_ raw: String) -> String? {
        // Gateways nearly always send `+` and digits alone, with nothing to drop.
        var text =
            raw.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "+") }
            ? Substring(raw) : Substring(raw.filter { !($0.isWhitespace || "-.()".contains($0)) })
        if text.hasPrefix("+") {
            text = text.dropFirst()
        } else if text.hasPrefix("00") {
            text = text.dropFirst(2)
        }
        // Country codes never start with 0: a leading 0 is a national trunk prefix.
        guard (8...15).contains(text.utf8.count), text.utf8.allSatisfy(isDigit), text.first != "0"
        else { return nil }
        return "+" + text
    }

    /// An ASCII digit; other scripts' digits and combining marks are not part of a phone number here.
    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
