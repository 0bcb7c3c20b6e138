/// What a findings release published, kept so that later releases can be checked against it:
/// every count by its key, published or suppressed, and the linear relations among them that a
/// reader of the release could use.
///
/// It holds published numbers and the survey's structure only; a suppressed count is kept as
/// suppressed, never as its value.
package struct ReleaseLedger: Sendable, Hashable {
    /// The survey released.
    package var surveyID: String
    /// The survey version released.
    package var surveyVersion: Int
    /// 1 for a survey version's first release, then 2, …
    package var sequence: Int
    /// The month the release was made for, `YYYY-MM`.
    package var month: String
    /// The threshold k applied.
    package var threshold: Int
    /// Why k was lowered, when it was.
    package var reason: String?
    /// Every count, sorted by key.
    package var counts: [LedgerCount]
    /// Every relation among them.
    package var relations: [LedgerRelation]

    /// Creates a ledger.
    package init(
        surveyID: String, surveyVersion: Int, sequence: Int, month: String, threshold: Int, reason: String?,
        counts: [LedgerCount], relations: [LedgerRelation]
    ) {
        self.surveyID = surveyID
        self.surveyVersion = surveyVersion
        self.sequence = sequence
        self.month = month
        self.threshold = threshold
        self.reason = reason
        self.counts = counts
        self.relations = relations
    }

    /// Whether `other` published exactly the same thing: then recording it again would add nothing.
    package func publishesSame(as other: ReleaseLedger) -> Bool {
        surveyID == other.surveyID && surveyVersion == other.surveyVersion && month == other.month
            && threshold == other.threshold && reason == other.reason && counts == other.counts
            && relations == other.relations
    }
}

/// One count of a release: its key and its value, `nil` when suppressed.
package struct LedgerCount: Sendable, Hashable {
    /// Names the count across releases, such as `q:area=north`.
    package var key: String
    /// The published value, or `nil`.
    package var value: Int?

    /// Creates a count.
    package init(key: String, value: Int?) {
        self.key = key
        self.value = value
    }
}

/// A linear relation among a release's counts: the sum of `coefficient × count` over its terms is
/// zero (`isEquality`) or at most zero.
package struct LedgerRelation: Sendable, Hashable, Codable {
    /// Whether the sum is exactly zero rather than at most zero.
    package var isEquality: Bool
    /// The counts and their coefficients.
    package var terms: [LedgerTerm]

    /// Creates a relation.
    package init(isEquality: Bool, terms: [LedgerTerm]) {
        self.isEquality = isEquality
        self.terms = terms
    }
}

/// One term of a ``LedgerRelation``.
package struct LedgerTerm: Sendable, Hashable, Codable {
    /// The count's key.
    package var key: String
    /// Its coefficient, a small whole number.
    package var coefficient: Int

    /// Creates a term.
    package init(key: String, coefficient: Int) {
        self.key = key
        self.coefficient = coefficient
    }
}
