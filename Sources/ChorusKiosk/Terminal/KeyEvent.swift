/// One key press, decoded from the bytes a terminal sends.
enum KeyEvent: Hashable, Sendable {
    /// Printable text: a digit, a letter, punctuation, or any other character typed.
    case character(Character)
    case space
    case enter
    case backspace
    case tab
    /// Escape pressed on its own, not the start of a longer sequence.
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case insert
    case delete
    /// F1 to F12.
    case function(Int)
    /// Control held with a key, named by its ASCII letter or symbol: `c` for Ctrl-C, `\` for Ctrl-\.
    ///
    /// With ISIG off, Ctrl-C, Ctrl-Z and Ctrl-\ arrive here instead of stopping the process.
    case control(Character)
    /// A sequence no key of interest sends; ignored.
    case unknown

    /// The value of an ASCII digit key, if this is one.
    var digit: Int? {
        guard case .character(let character) = self, character.isASCII, let value = character.wholeNumberValue
        else { return nil }
        return value
    }
}
