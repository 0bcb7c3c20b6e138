// TEMPORARY until branch expr merges; delete then.
public struct OptionReference: Sendable, Hashable {
    public var questionID: String
    public var value: String
    public var offset: Int
}
extension Expression {
    public var optionReferences: [OptionReference] { [] }
    public var isConstant: Bool { false }
}
