/// Splits an expression into tokens by the XPath 1.0 lexical rules, so that `safe-at-night` is one name and
/// `div` is an operator only where an operator can stand.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private let source: String
    /// Where each scalar starts in `source` (plus its end), so token text is one slice copy.
    private let indices: [String.Index]
    private var position = 0
    private var previous: ExpressionToken?

    init(_ source: String) {
        self.source = source
        scalars = Array(source.unicodeScalars)
        indices = Array(source.unicodeScalars.indices) + [source.unicodeScalars.endIndex]
    }

    /// The tokens of `source`, then `.end`; more than `limit` tokens before the end is an error.
    static func tokenize(_ source: String, limit: Int) throws(ExpressionError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(source)
        var tokens: [ExpressionToken] = []
        repeat {
            tokens.append(try lexer.next())
            // Checked while scanning, so a megabyte-long attribute costs no more than the limit.
            if tokens.count > limit, tokens.last?.kind != .end {
                throw ExpressionError(offset: 0, ExpressionParser.tooLong)
            }
        } while tokens.last?.kind != .end
        return tokens
    }

    mutating func next() throws(ExpressionError) -> ExpressionToken {
        while let scalar = peek(), scalar.isXMLWhitespace {
            position += 1
        }
        let start = position
        let kind = try scanKind()
        let token = ExpressionToken(kind: kind, offset: start, text: text(from: start, to: position))
        previous = token
        return token
    }

    private var inOperatorPosition: Bool {
        previous?.putsNextInOperatorPosition ?? false
    }

    private mutating func scanKind() throws(ExpressionError) -> ExpressionToken.Kind {
        guard let scalar = peek() else { return .end }
        let start = position
        position += 1
        switch scalar {
        case "(": return .leftParenthesis
        case ")": return .rightParenthesis
        case "[": return .leftBracket
        case "]": return .rightBracket
        case ",": return .comma
        case "|": return .binaryOperator(.union)
        case "+": return .binaryOperator(.plus)
        case "-": return .binaryOperator(.minus)
        case "=": return .binaryOperator(.equal)
        case "*": return inOperatorPosition ? .binaryOperator(.multiply) : .wildcard
        case "<": return .binaryOperator(consume("=") ? .lessOrEqual : .less)
        case ">": return .binaryOperator(consume("=") ? .greaterOrEqual : .greater)
        case "!":
            guard consume("=") else { throw unexpected(from: start) }
            return .binaryOperator(.notEqual)
        case "/":
            if consume("/") {
                throw ExpressionError(offset: start, "'//' is not supported: name each step of the path")
            }
            return .slash
        case "@":
            throw ExpressionError(offset: start, "attribute references ('@') are not supported")
        case "'", "\"":
            return try scanString(quote: scalar, start: start)
        case "$":
            return try scanQuestionReference(start: start)
        case ".":
            if consume(".") { return .dotDot }
            if let digit = peek(), digit.isASCIIDigit {
                position = start
                return scanNumber()
            }
            return .dot
        default:
            if scalar.isASCIIDigit {
                position = start
                return scanNumber()
            }
            if scalar.isNameStart {
                position = start
                return try scanName()
            }
            throw unexpected(from: start)
        }
    }

    private mutating func scanString(
        quote: Unicode.Scalar,
        start: Int
    ) throws(ExpressionError) -> ExpressionToken.Kind {
        var value = String.UnicodeScalarView()
        while let scalar = peek() {
            position += 1
            if scalar == quote { return .string(String(value)) }
            value.append(scalar)
        }
        throw ExpressionError(offset: start, "unterminated string")
    }

    private mutating func scanNumber() -> ExpressionToken.Kind {
        let start = position
        skipDigits()
        if peek() == ".", position + 1 >= scalars.count || scalars[position + 1] != "." {
            position += 1
            skipDigits()
        }
        // Double's parser accepts more than XPath's Number production, which is all digits and one dot here.
        return .number(XPathNumber.parse(text(from: start, to: position)) ?? .nan)
    }

    private mutating func skipDigits() {
        while let scalar = peek(), scalar.isASCIIDigit {
            position += 1
        }
    }

    private mutating func scanName() throws(ExpressionError) -> ExpressionToken.Kind {
        let start = position
        skipNameCharacters()
        // A prefix (`jr:`) joins the local name only when nothing separates them.
        if peek() == ":", position + 1 < scalars.count {
            let next = scalars[position + 1]
            if next == ":" {
                let axis = text(from: start, to: position + 2)
                throw ExpressionError(offset: start, "axis '\(axis)' is not supported")
            }
            if next.isNameStart {
                position += 1
                skipNameCharacters()
            }
        }
        let name = text(from: start, to: position)
        if inOperatorPosition {
            switch name {
            case "and": return .binaryOperator(.and)
            case "or": return .binaryOperator(.or)
            case "div": return .binaryOperator(.divide)
            case "mod": return .binaryOperator(.modulo)
            default: break
            }
        }
        return .name(name)
    }

    private mutating func skipNameCharacters() {
        while let scalar = peek(), scalar.isNameCharacter {
            position += 1
        }
    }

    private mutating func scanQuestionReference(start: Int) throws(ExpressionError) -> ExpressionToken.Kind {
        guard consume("{") else {
            throw ExpressionError(offset: start, "unexpected '$': write a question as ${id}")
        }
        let idStart = position
        if let scalar = peek(), scalar.isNameStart {
            skipNameCharacters()
        }
        let id = text(from: idStart, to: position)
        guard !id.isEmpty, consume("}") else {
            throw ExpressionError(offset: start, "expected a question id and '}' after '${'")
        }
        return .questionReference(id)
    }

    private func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        guard peek() == scalar else { return false }
        position += 1
        return true
    }

    private func text(from start: Int, to end: Int) -> String {
        // Sliced as a String, which copies the bytes at once; a scalar view's slice is copied
        // scalar by scalar, a third of the time of reading a survey's expressions.
        String(source[indices[start]..<indices[end]])
    }

    private func unexpected(from start: Int) -> ExpressionError {
        ExpressionError(offset: start, "unexpected '\(text(from: start, to: start + 1))'")
    }
}

extension Unicode.Scalar {
    /// XML's S production, which XPath uses between tokens.
    var isXMLWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r"
    }

    var isASCIIDigit: Bool {
        ("0"..."9").contains(self)
    }

    /// Approximates XML's NCName start characters with Unicode letters.
    var isNameStart: Bool {
        // ASCII first: nearly every name is, and Unicode properties are slow to look up.
        if isASCII { return self == "_" || ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
        return properties.isAlphabetic
    }

    /// Approximates XML's NCName characters: `-` and `.` may appear inside a name.
    var isNameCharacter: Bool {
        if isASCII { return isNameStart || isASCIIDigit || self == "-" || self == "." }
        if isNameStart || self == "\u{B7}" { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .letterNumber: return true
        default: return false
        }
    }
}
