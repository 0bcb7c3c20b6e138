/// A place in a survey file, counted as editors count: lines and columns from 1, columns in characters.
public struct SourcePosition: Sendable, Hashable, Comparable {
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in Unicode scalars.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file.
    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

extension SourcePosition {
    /// The position after reading `bytes` (UTF-8) from here.
    func advanced(over bytes: some Sequence<UInt8>) -> SourcePosition {
        var position = self
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                position.line += 1
                position.column = 1
            } else if byte & 0xC0 != 0x80 {
                // Continuation bytes belong to the character already counted.
                position.column += 1
            }
        }
        return position
    }
}
