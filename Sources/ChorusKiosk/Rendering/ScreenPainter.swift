/// Works out the bytes that bring the terminal from what it shows to the next ``Screen``.
///
/// The full screen is redrawn as differences from the last frame, or whole after a resize. In
/// plain mode a screen is printed once, a refusal adds its message and the instruction again, and
/// typing is echoed as it happens, so a screen reader hears each thing once.
struct ScreenPainter {
    let plain: Bool
    private var lastFrame: [String]?
    private var lastSize: TerminalSize?
    private var lastScreen: Screen?
    private var lastRespondent: Int?

    init(plain: Bool) {
        self.plain = plain
    }

    /// Forgets what is on screen, so the next frame is drawn whole (after a resize).
    mutating func invalidate() {
        lastFrame = nil
    }

    /// The bytes that draw `screen` in a window of `size`, for the `respondent`th respondent; when
    /// that changes, the screen and its scrollback are cleared first, so nothing of the last one stays.
    mutating func paint(_ screen: Screen, size: TerminalSize, respondent: Int = 0) -> String {
        var output = ""
        defer { lastRespondent = respondent }
        if let lastRespondent, respondent != lastRespondent {
            output = Terminal.clearAll
            lastFrame = nil
            lastScreen = nil
        }
        if plain {
            output += plainUpdate(to: screen)
        } else {
            if size != lastSize { lastFrame = nil }
            let frame = ScreenRenderer.render(screen, size: size, plain: false)
            output += FrameWriter.update(from: lastFrame, to: frame, columns: size.columns)
            lastFrame = frame
            lastSize = size
        }
        lastScreen = screen
        return output
    }

    private func plainUpdate(to screen: Screen) -> String {
        let typed = screen.input.map(Self.echo) ?? ""
        // The typed line follows a prompt, on screens that take typing.
        let prompt = screen.input == nil ? "" : "\n> " + typed
        guard let last = lastScreen, Self.page(of: last) == Self.page(of: screen) else {
            return "\n" + PlainLayout.lines(screen).joined(separator: "\n") + prompt
        }
        if let message = screen.message, message != last.message {
            return "\n" + PlainLayout.tail(screen).joined(separator: "\n") + prompt
        }
        let before = last.input.map(Self.echo) ?? ""
        let kept = zip(before, typed).prefix { $0 == $1 }.count
        let erased = before.dropFirst(kept).reduce(0) { $0 + DisplayWidth.of($1) }
        return String(repeating: "\u{8} \u{8}", count: erased) + typed.dropFirst(kept)
    }

    /// What stays the same while the respondent types on one screen.
    private static func page(of screen: Screen) -> Screen {
        var page = screen
        page.input = nil
        page.message = nil
        page.scroll = 0
        return page
    }

    private static func echo(_ input: Screen.Input) -> String {
        TextLayout.sanitized(input.shown)
    }
}
