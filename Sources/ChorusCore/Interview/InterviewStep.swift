/// What a channel shows the respondent now.
public enum InterviewStep: Sendable, Hashable {
    /// The survey's intro and consent text; the respondent agrees or declines.
    case consent
    /// A question to answer (or skip, when it is not required).
    case question(Question)
    /// A note to read, then go on.
    case note(Question)
    /// The interview is over; save this response and say thanks.
    case complete(Response)
    /// The respondent declined or withdrew; save nothing.
    case declined
}
