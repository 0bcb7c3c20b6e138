import ChorusCore

/// What one kiosk screen says, already in the respondent's language; ``ScreenRenderer`` lays it out.
struct Screen: Hashable, Sendable {
    /// A part of the screen's body, top to bottom.
    enum Block: Hashable, Sendable {
        /// Paragraphs to read, one per line of the string.
        case text(String)
        /// The question itself, in bold.
        case prompt(String)
        /// Guidance under the prompt.
        case hint(String)
        /// Numbered choices, one of them highlighted by the arrow keys.
        case options([OptionRow], highlighted: Int?)
        /// Where ``Screen/input`` is typed.
        case field
    }

    /// One choice in an options block.
    struct OptionRow: Hashable, Sendable {
        /// What to press for it: `1`, or a scale's value.
        var key: String
        var marker: Marker
        var label: String
    }

    /// How a choice shows whether it is chosen.
    enum Marker: Hashable, Sendable {
        /// Nothing beside the label: the highlight itself is the choice.
        case none
        /// Any of several: `[✓]`.
        case check(Bool)
        /// Its place in a ranking, if it has one: `[2]`.
        case rank(Int?)
    }

    /// Text typed into the field.
    struct Input: Hashable, Sendable {
        var text: String
        /// Shown as stars (the organizer PIN).
        var isSecret = false
        /// The most characters taken, shown as a count.
        var limit: Int?

        /// What the screen shows of the text: a star for each character of a secret one.
        var shown: String { isSecret ? String(repeating: "*", count: text.count) : text }
    }

    /// A key and what it does, for the legend at the bottom.
    struct LegendItem: Hashable, Sendable {
        var keys: String
        var action: String
    }

    /// The survey's title, at the top.
    var title: String
    /// "Question 2 of 7", when a question is on screen.
    var progressLabel: String?
    /// Questions passed of those still to be asked, for the progress bar; `nil` for no bar.
    var progress: Progress?
    var blocks: [Block] = []
    /// The block whose top should stay in view when the body is too long, such as the consent
    /// text above its choices; otherwise the highlighted choice or the field is kept in view.
    var anchor: Int?
    /// Why the last answer was not taken, or another notice, under the body.
    var message: String?
    var legend: [LegendItem] = []
    /// What to type, said in plain mode before the input line ("Type a number and press Enter.").
    var instruction: String?
    var input: Input?
    /// Lines the body is scrolled by Page Up and Page Down, from where it would be.
    var scroll = 0
    /// Asks for a larger window, when the terminal is smaller than 80×24.
    var enlarge: String

    init(title: String, enlarge: String) {
        self.title = title
        self.enlarge = enlarge
    }
}
