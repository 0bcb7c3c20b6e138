/// How a stored answer is typed (see Schema): which of a scanned answer's fields holds it.
package enum StoredAnswerKind: Int32, Sendable {
    /// One option value, in `bytes`.
    case choice = 0
    /// A JSON array of option values, best first for rank, in `bytes`.
    case choices = 1
    /// A number, in `number`.
    case number = 2
    /// 0 or 1, in `number`.
    case yesNo = 3
    /// Free text, in `bytes`.
    case text = 4
}

/// One answer as the scan reads it, valid only during the visitor's call.
package struct ScannedAnswer {
    /// The question's index in the scan's `questionIDs`.
    package var question: Int
    /// How the value is stored.
    package var kind: StoredAnswerKind
    /// The value of a number or yes-no answer.
    package var number: Double
    /// The UTF-8 bytes of a choice, choices or text answer; they belong to SQLite and go stale
    /// when the call returns.
    package var bytes: UnsafeRawBufferPointer
}

/// What a one-pass scan of a survey version's responses calls, response by response.
///
/// Responses come in the order of their random ids, so the order tells nothing; a response's
/// answers come between its `beginResponse` and the next.
package protocol ResponseScanVisitor {
    /// Starts a response.
    ///
    /// - Parameters:
    ///   - channel: How it came in.
    ///   - site: The index of its site in the scan's `sites`, or `nil` without one.
    ///   - language: The index of its language in the scan's `languages`, or `nil` for another.
    ///   - month: The month it was completed, as `year * 12 + month - 1`.
    mutating func beginResponse(channel: Channel, site: Int?, language: Int?, month: Int)
    /// Reads one answer of the current response to a question of the scan's `questionIDs`.
    mutating func visit(_ answer: ScannedAnswer)
}
