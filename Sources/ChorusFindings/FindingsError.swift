import ChorusCore

/// Why findings could not be built, worded for the organizer who will read it.
///
/// Messages name surveys, tables, cells and settings, never a count that was withheld, an answer
/// or anything else a respondent gave.
public struct FindingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is, so a caller can choose an exit status without reading the message.
    public enum Kind: Sendable, Hashable {
        /// A setting is not allowed (a threshold below the floor, a missing reason).
        case usage
        /// The data or survey cannot be published safely or does not match the survey.
        case data
        /// The database could not be read or written.
        case io
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The message, lowercase, naming what is concerned.
    public let description: String

    /// Creates an error.
    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }

    static func thresholdTooLow(_ k: Int) -> Self {
        Self(.usage, "a minimum cell count of \(k) is too low; use at least \(Threshold.lowest)")
    }

    static func thresholdNeedsReason(_ k: Int) -> Self {
        Self(
            .usage,
            "a minimum cell count of \(k) is below the default of \(Threshold.standard); give the reason for lowering it"
        )
    }
}

extension FindingsError {
    static let shrank = Self(
        .data,
        "the database holds fewer responses than an earlier release of this survey counted; "
            + "restore the responses that were removed, or export a new survey version")

    static let inconsistent = Self(
        .data, "the counts to publish contradict each other or an earlier release; nothing was written")
}

extension FindingsError {
    static func answersDoNotFit(question: String, survey: Survey) -> Self {
        Self(
            .data,
            "answers to question '\(question)' in the database do not fit survey '\(survey.id)' version "
                + "\(survey.version); export with the survey file the responses were collected with")
    }

    static func unprotectable(_ location: String) -> Self {
        Self(
            .data,
            "\(location) could be worked out from the other published counts, and no further "
                + "suppression protects it; nothing was written")
    }
}
