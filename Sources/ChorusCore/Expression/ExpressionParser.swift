/// A recursive-descent parser for the XPath 1.0 grammar, with `${id}` as an extra primary expression.
struct ExpressionParser {
    /// Bounds the parser's recursion on `((((…` so hostile input cannot overflow the stack.
    static let maximumNesting = 64
    /// Bounds the tree's height, which evaluation and analysis recurse over.
    static let maximumHeight = 1000
    /// Bounds the tree's size before it is built. A tree is at most as high as it has tokens, and
    /// releasing one recurses as deep as it is high, so a tree from 90,000 `or` terms overflowed the
    /// stack even while being refused as too high. The longest condition in the ODK test forms has
    /// under 250 tokens.
    static let maximumTokens = 4000
    static let tooLong = "expression is too long: split it into several questions or conditions"

    private let tokens: [ExpressionToken]
    private var index = 0
    private var nesting = 0

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    static func parse(_ source: String) throws(ExpressionError) -> ExpressionNode {
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(source, limit: maximumTokens))
        let node = try parser.parseExpression()
        guard parser.current.kind == .end else { throw parser.unexpected() }
        if node.height > maximumHeight { throw ExpressionError(offset: 0, tooLong) }
        return node
    }

    private var current: ExpressionToken { tokens[index] }

    private func lookahead(_ distance: Int) -> ExpressionToken {
        tokens[min(index + distance, tokens.count - 1)]
    }

    @discardableResult
    private mutating func advance() -> ExpressionToken {
        defer { index = min(index + 1, tokens.count - 1) }
        return current
    }

    private func unexpected() -> ExpressionError {
        if current.kind == .end {
            return ExpressionError(offset: current.offset, "unexpected end of expression")
        }
        return ExpressionError(offset: current.offset, "unexpected '\(current.text)'")
    }

    private mutating func expectClosing(
        _ kind: ExpressionToken.Kind,
        _ closing: String,
        opening: ExpressionToken
    ) throws(ExpressionError) {
        guard current.kind == kind else {
            let message = "expected '\(closing)' to close '\(opening.text)'"
            throw ExpressionError(offset: current.offset, message)
        }
        advance()
    }

    /// Parses a whole expression inside brackets, parentheses or argument lists.
    private mutating func parseExpression() throws(ExpressionError) -> ExpressionNode {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Self.maximumNesting {
            throw ExpressionError(offset: current.offset, "expression is nested too deeply")
        }
        return try parseBinary(minimumPrecedence: 1)
    }

    /// Precedence climbing over `or` … `mod`: left operands loop, so long chains do not recurse.
    private mutating func parseBinary(minimumPrecedence: Int) throws(ExpressionError) -> ExpressionNode {
        var left = try parseUnary()
        // `|` never gets here: it binds tighter than unary minus, so parseUnion takes it.
        while case .binaryOperator(let operation) = current.kind, operation.precedence >= minimumPrecedence {
            let token = advance()
            let right = try parseBinary(minimumPrecedence: operation.precedence + 1)
            left = .binary(operation, left, right, offset: token.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> ExpressionNode {
        var negations = 0
        while current.kind == .binaryOperator(.minus) {
            advance()
            negations += 1
        }
        var node = try parseUnion()
        for _ in 0..<negations {
            node = .negate(node)
        }
        return node
    }

    private mutating func parseUnion() throws(ExpressionError) -> ExpressionNode {
        var left = try parsePath()
        while current.kind == .binaryOperator(.union) {
            let token = advance()
            left = .binary(.union, left, try parsePath(), offset: token.offset)
        }
        return left
    }

    private mutating func parsePath() throws(ExpressionError) -> ExpressionNode {
        let offset = current.offset
        if current.kind == .slash {
            advance()
            let steps = startsStep ? try parseSteps() : []
            return .path(LocationPath(start: .root, steps: steps, offset: offset))
        }
        if startsStep {
            return .path(LocationPath(start: .context, steps: try parseSteps(), offset: offset))
        }
        var primary = try parsePrimary()
        let predicates = try parsePredicates()
        if !predicates.isEmpty {
            primary = .filter(primary, predicates: predicates)
        }
        guard current.kind == .slash else { return primary }
        advance()
        return .path(LocationPath(start: .expression(primary), steps: try parseSteps(), offset: offset))
    }

    private var startsStep: Bool {
        switch current.kind {
        case .dot, .dotDot, .wildcard: true
        case .name: lookahead(1).kind != .leftParenthesis
        default: false
        }
    }

    private mutating func parseSteps() throws(ExpressionError) -> [LocationPath.Step] {
        var steps = [try parseStep()]
        while current.kind == .slash {
            advance()
            steps.append(try parseStep())
        }
        return steps
    }

    private mutating func parseStep() throws(ExpressionError) -> LocationPath.Step {
        let token = current
        let test: LocationPath.Step.Test
        switch token.kind {
        case .dot: test = .current
        case .dotDot: test = .parent
        case .wildcard: test = .wildcard
        case .name where lookahead(1).kind != .leftParenthesis: test = .name(token.text)
        default: throw unexpected()
        }
        advance()
        // XPath 1.0 allows no predicates after the abbreviated steps `.` and `..`.
        let predicates = test == .current || test == .parent ? [] : try parsePredicates()
        return LocationPath.Step(test: test, predicates: predicates, offset: token.offset)
    }

    private mutating func parsePredicates() throws(ExpressionError) -> [Predicate] {
        var predicates: [Predicate] = []
        while current.kind == .leftBracket {
            let opening = advance()
            let condition = try parseExpression()
            try expectClosing(.rightBracket, "]", opening: opening)
            predicates.append(Predicate(condition: condition, offset: opening.offset))
        }
        return predicates
    }

    private mutating func parsePrimary() throws(ExpressionError) -> ExpressionNode {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value)
        case .string(let value):
            advance()
            return .string(value, offset: token.offset)
        case .questionReference(let id):
            advance()
            return .questionReference(id, offset: token.offset)
        case .leftParenthesis:
            advance()
            let inner = try parseExpression()
            try expectClosing(.rightParenthesis, ")", opening: token)
            return inner
        case .name:
            return try parseCall()
        default:
            throw unexpected()
        }
    }

    private mutating func parseCall() throws(ExpressionError) -> ExpressionNode {
        let name = advance()
        let function = try ExpressionFunction.named(name.text, offset: name.offset)
        let opening = advance()
        var arguments: [ExpressionNode] = []
        if current.kind != .rightParenthesis {
            arguments.append(try parseExpression())
            while current.kind == .comma {
                advance()
                arguments.append(try parseExpression())
            }
        }
        try expectClosing(.rightParenthesis, ")", opening: opening)
        try function.checkArgumentCount(arguments.count, offset: name.offset)
        // A literal pattern can be checked now rather than when a respondent reaches the question.
        if function == .regex, case .string(let pattern, let offset) = arguments[1], (try? Regex(pattern)) == nil {
            throw ExpressionError(offset: offset, "invalid regular expression '\(pattern)'")
        }
        return .call(function, arguments, offset: name.offset)
    }
}
