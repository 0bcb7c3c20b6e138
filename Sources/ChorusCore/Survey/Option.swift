/// One choice of a single, multiple or rank question.
public struct Option: Sendable, Hashable {
    /// The value stored and used in expressions; no spaces, as in ODK.
    public var value: String
    /// What the respondent reads.
    public var label: LocalizedText

    /// Creates an option.
    public init(value: String, label: LocalizedText) {
        self.value = value
        self.label = label
    }
}
