/// How a response reached Chorus.
public enum Channel: String, Sendable, Hashable, CaseIterable {
    /// Typed at a kiosk, on a public computer at a collection site.
    case kiosk
    /// Answered by text message from the respondent's own phone.
    case sms
}
