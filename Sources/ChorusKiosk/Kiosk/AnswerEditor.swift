/// What the respondent is entering on one screen, before Enter hands it to the interview engine.
///
/// It only collects keys: which choice is highlighted or ticked, the order of a ranking, the text
/// typed. Whether that makes an acceptable answer is the engine's to say. On the full screen,
/// choices are made with the arrows, digits and Space; in plain mode every screen is typed as a
/// line (`2`, `1 3`, text), which a screen reader follows more easily than a moving highlight.
struct AnswerEditor: Hashable {
    /// How keys are read on this screen.
    enum Kind: Hashable {
        /// Pick one of `count`: languages, consent, single choice, yes/no, or a scale's points.
        case pick(count: Int)
        /// Tick any of `count`.
        case tick(count: Int)
        /// Press choices in order of preference, up to `picks` of them.
        case rank(count: Int, picks: Int)
        /// Type a number.
        case number
        /// Type text of at most `limit` characters.
        case text(limit: Int)
        /// Nothing to enter; Enter goes on.
        case none
    }

    let kind: Kind
    let plain: Bool
    /// The number of the first choice: 1, or a scale's minimum.
    let firstNumber: Int
    /// The highlighted choice, by index; none until the respondent picks, so Enter alone chooses nothing.
    var highlighted: Int?
    /// Ticked choices (in the order ticked), or a ranking, best first; by index.
    var chosen: [Int] = []
    /// Typed text: the answer to a number or text question, or in plain mode the numbers of choices.
    var text = ""
    /// Lines scrolled with Page Up and Page Down.
    var scroll = 0
    /// Digits typed in a row, so that option 12 can be reached by typing 1 then 2.
    private var digits = ""

    /// Longest number accepted; a number question needs no more.
    static let numberLimit = 24
    /// Lines Page Up and Page Down move by.
    static let scrollStep = 5

    init(kind: Kind, plain: Bool, firstNumber: Int = 1) {
        self.kind = kind
        self.plain = plain
        self.firstNumber = firstNumber
    }

    /// Takes one key that edits; keys that navigate (Enter, Left, Tab, F2) are the session's.
    mutating func press(_ key: KeyEvent) {
        switch key {
        case .pageUp: scroll -= Self.scrollStep
        case .pageDown: scroll += Self.scrollStep
        default:
            scroll = 0
            switch kind {
            case .number, .text: type(key)
            case _ where plain: typeNumbers(key)
            case .pick(let count), .tick(let count), .rank(let count, _): choose(key, count: count)
            case .none: break
            }
        }
    }

    /// The choices entered, by index: the highlighted one, the ticked ones or the ranking on the full
    /// screen; the numbers typed, counted from ``firstNumber``, in plain mode (`nil` if something else
    /// was typed).
    var choices: [Int]? {
        guard plain else {
            if case .pick = kind { return highlighted.map { [$0] } ?? [] }
            return chosen
        }
        let words = text.split { $0 == " " || $0 == "," }
        let numbers = words.compactMap { Int($0) }
        return numbers.count == words.count ? numbers.map { $0 - firstNumber } : nil
    }

    private mutating func type(_ key: KeyEvent) {
        switch key {
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .control("u"):
            text = ""
        case .space:
            if case .text(let limit) = kind, text.count < limit { text.append(" ") }
        case .character(let character):
            switch kind {
            case .text(let limit) where text.count < limit:
                text.append(character)
            case .number where text.count < Self.numberLimit && "0123456789.,-+".contains(character):
                text.append(character)
            default:
                break
            }
        default:
            break
        }
    }

    private mutating func typeNumbers(_ key: KeyEvent) {
        switch key {
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        // As in a shell: the line is emptied at once, where a screen reader says each Backspace.
        case .control("u"):
            text = ""
        case .space:
            text.append(" ")
        case .character(let character) where key.digit != nil || character == ",":
            if text.count < Self.numberLimit { text.append(character) }
        default:
            break
        }
    }

    private mutating func choose(_ key: KeyEvent, count: Int) {
        if let digit = key.digit {
            guard let index = typedIndex(digit, count: count) else { return }
            highlighted = index
            // With nine choices or fewer a digit is the whole number, so it can tick or rank at once.
            if case .pick = kind { return }
            if count <= 9 { mark(index) }
            return
        }
        digits = ""
        switch key {
        case .up:
            highlighted = max(0, (highlighted ?? count) - 1)
        case .down:
            highlighted = min(count - 1, (highlighted ?? -1) + 1)
        case .home:
            highlighted = 0
        case .end:
            highlighted = count - 1
        case .space:
            if case .pick = kind { break }
            if let highlighted { mark(highlighted) }
        case .backspace:
            if case .rank = kind, !chosen.isEmpty { chosen.removeLast() }
        default:
            break
        }
    }

    /// The choice numbered by the digits typed in a row, ending with `digit`.
    private mutating func typedIndex(_ digit: Int, count: Int) -> Int? {
        let numbers = firstNumber..<(firstNumber + count)
        if digits.count < 3, let number = Int(digits + String(digit)), numbers.contains(number) {
            digits += String(digit)
            return number - firstNumber
        }
        digits = numbers.contains(digit) ? String(digit) : ""
        return digits.isEmpty ? nil : digit - firstNumber
    }

    /// Ticks or unticks a choice, or adds it to the ranking (or takes it out if it is already there).
    /// A full ranking takes no more: a resident who pressed every number would otherwise be told
    /// only that the question wants fewer.
    private mutating func mark(_ index: Int) {
        if let place = chosen.firstIndex(of: index) {
            chosen.remove(at: place)
        } else if case .rank(_, let picks) = kind, chosen.count >= picks {
            return
        } else {
            chosen.append(index)
        }
    }

    /// Whether anything is chosen, highlighted or typed: what going back keeps for the question.
    var hasChoices: Bool { highlighted != nil || !chosen.isEmpty || !text.isEmpty }

    /// Whether a number or text has been typed, which the keys that leave the question would lose.
    var hasTypedAnswer: Bool {
        switch kind {
        case .number, .text: !text.isEmpty
        default: false
        }
    }
}
