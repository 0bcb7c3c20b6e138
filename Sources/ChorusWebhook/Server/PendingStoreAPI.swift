// Stand-ins for the SMS store API being added to ChorusStore on another branch; this file goes
// when that branch is merged.
public import ChorusCore
public import ChorusStore
import Crypto
public import Foundation

/// Everything one incoming text message changes.
public struct SMSChange: Sendable {
    public var gateway: String
    public var messageID: String
    public var sender: String
    public var surveyID: String
    public var reply: String
    public var interview: Interview?
    public var completed: (Response, day: Day)?
    public var optOut: Bool?
    public var expiresHour: String

    /// Creates a change.
    public init(
        gateway: String, messageID: String, sender: String, surveyID: String, reply: String, interview: Interview?,
        completed: (Response, day: Day)? = nil, optOut: Bool? = nil, expiresHour: String
    ) {
        self.gateway = gateway
        self.messageID = messageID
        self.sender = sender
        self.surveyID = surveyID
        self.reply = reply
        self.interview = interview
        self.completed = completed
        self.optOut = optOut
        self.expiresHour = expiresHour
    }
}

/// The secret that turns a phone number into a sender's pseudonym.
public struct SenderKey: Sendable {
    private let key: SymmetricKey

    /// Reads the key at `path`, creating it first if there is none.
    public static func loadOrCreate(at path: String) throws -> SenderKey {
        if let data = FileManager.default.contents(atPath: path) { return SenderKey(key: SymmetricKey(data: data)) }
        let key = SymmetricKey(size: .bits256)
        let data = key.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600])
        else { throw CocoaError(.fileWriteUnknown) }
        return SenderKey(key: key)
    }

    /// The sender's handle: hex HMAC-SHA256 of the E.164 number.
    public func pseudonym(forE164 number: String) -> String {
        let text = Self.normalizeE164(number) ?? number
        return Signature.hex(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key))
    }

    /// `raw` as an E.164 number, or `nil`.
    public static func normalizeE164(_ raw: String) -> String? {
        var text = Substring(raw.filter { !($0.isWhitespace || "-.()".contains($0)) })
        if text.hasPrefix("+") {
            text = text.dropFirst()
        } else if text.hasPrefix("00") {
            text = text.dropFirst(2)
        }
        guard (8...15).contains(text.utf8.count), text.allSatisfy({ $0.isASCII && $0.isNumber }), text.first != "0"
        else { return nil }
        return "+" + text
    }
}

extension ChorusDatabase {
    /// The hour `date` falls in, `YYYY-MM-DDTHH`.
    public static func hour(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let hour = calendar.component(.hour, from: date)
        return "\(Day(date, in: timeZone))T\(hour < 10 ? "0" : "")\(hour)"
    }
}
