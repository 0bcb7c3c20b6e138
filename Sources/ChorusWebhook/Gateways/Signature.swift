/// Helpers shared by gateway signatures.
enum Signature {
    /// Whether `expected` and `given` are equal, in time that depends only on their lengths, so a
    /// forger learns nothing from how fast a wrong guess is refused.
    static func matches(_ expected: String, _ given: String) -> Bool {
        let expected = Array(expected.utf8)
        let given = Array(given.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }
}
