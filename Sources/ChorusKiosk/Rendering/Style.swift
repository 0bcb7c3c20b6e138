/// The few text attributes the kiosk draws with, all of which every terminal has.
///
/// Rendered lines carry them as SGR escape sequences (`ESC [ 0 ; 1 m`); ``FrameWriter`` reads them
/// back into cells. Highlights use reverse video rather than colours, which read on any theme.
struct Style: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    static let bold = Style(rawValue: 1 << 0)
    static let underline = Style(rawValue: 1 << 1)
    static let reverse = Style(rawValue: 1 << 2)
    static let red = Style(rawValue: 1 << 3)

    /// The sequence that sets exactly this style, whatever was set before.
    var sequence: String {
        var codes = ["0"]
        if contains(.bold) { codes.append("1") }
        if contains(.underline) { codes.append("4") }
        if contains(.reverse) { codes.append("7") }
        if contains(.red) { codes.append("31") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// `text` in this style, then back to none.
    func apply(_ text: String) -> String {
        isEmpty || text.isEmpty ? text : sequence + text + "\u{1B}[0m"
    }

    /// The style an SGR sequence's parameters (`0;1;7`) set, starting from `current`.
    static func parse(_ parameters: Substring, from current: Style) -> Style {
        var style = current
        for code in parameters.split(separator: ";", omittingEmptySubsequences: false) {
            switch code {
            case "", "0": style = []
            case "1": style.insert(.bold)
            case "4": style.insert(.underline)
            case "7": style.insert(.reverse)
            case "31": style.insert(.red)
            case "22": style.remove(.bold)
            case "24": style.remove(.underline)
            case "27": style.remove(.reverse)
            case "39": style.remove(.red)
            default: break
            }
        }
        return style
    }
}
