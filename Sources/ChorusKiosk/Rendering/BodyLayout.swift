/// A full screen's body as lines, and which of them to keep in view when they do not all fit.
struct BodyLayout {
    private(set) var lines: [String] = []
    /// The highlighted choice or the field, to keep in view.
    private var focus: ClosedRange<Int>?
    /// The choices, to show below the anchor when nothing is highlighted.
    private var choices: ClosedRange<Int>?
    private var anchorLine: Int?
    private let width: Int

    init(screen: Screen, width: Int) {
        self.width = width
        for (index, block) in screen.blocks.enumerated() {
            if !lines.isEmpty { lines.append("") }
            if index == screen.anchor { anchorLine = lines.count }
            switch block {
            case .text(let text), .hint(let text):
                lines += TextLayout.wrap(text, width: width)
            case .prompt(let text):
                lines += TextLayout.wrap(text, width: width).map(Style.bold.apply)
            case .options(let rows, let highlighted):
                appendOptions(rows, highlighted: highlighted)
            case .field:
                appendField(screen.input ?? Screen.Input(text: ""))
            }
        }
    }

    /// The first line to show in `height` lines, `scroll` lines down from where the focus puts it.
    func firstVisibleLine(height: Int, scroll: Int) -> Int {
        var start = 0
        if let bottom = focus?.upperBound ?? anchorLine.flatMap({ _ in choices?.upperBound }) {
            // As high as possible while the bottom of the focus shows, but never past the anchor's
            // top (or the focus's own).
            start = max(0, min(anchorLine ?? focus?.lowerBound ?? 0, bottom - height + 1))
        }
        return min(max(0, start + scroll), max(0, lines.count - height))
    }

    private mutating func appendOptions(_ rows: [Screen.OptionRow], highlighted: Int?) {
        let keyWidth = rows.map { DisplayWidth.of($0.key) }.max() ?? 1
        let start = lines.count
        for (index, row) in rows.enumerated() {
            let key = TextLayout.sanitized(row.key)
            var prefix = (index == highlighted ? "▸ " : "  ")
            prefix += String(repeating: " ", count: keyWidth - DisplayWidth.of(key)) + key + ". "
            switch row.marker {
            case .none: break
            case .check(let isOn): prefix += isOn ? "[✓] " : "[ ] "
            case .rank(let place): prefix += place.map { "[\($0)] " } ?? "[ ] "
            }
            let hanging = String(repeating: " ", count: DisplayWidth.of(prefix))
            // One column spare for the space that ends a highlight.
            let label = TextLayout.wrap(row.label, width: width - hanging.count - 1)
            var rowLines = [prefix + label[0]] + label.dropFirst().map { hanging + $0 }
            if index == highlighted {
                focus = lines.count...(lines.count + rowLines.count - 1)
                // Reverse video over the text only, not to the edge: moving the highlight then rewrites
                // two short runs rather than two whole lines.
                rowLines = rowLines.map { Style.reverse.apply($0 + " ") }
            }
            lines += rowLines
        }
        if !rows.isEmpty { choices = start...(lines.count - 1) }
    }

    /// The typed text cut at the width (spaces kept: they were typed), with a block cursor after it.
    /// All of it, from its start while the window has room; the line with the cursor is the focus,
    /// so a window too short shows the end, and Page Up the rest.
    private mutating func appendField(_ input: Screen.Input) {
        var rest = TextLayout.sanitized(input.shown)[...]
        var chunks: [String] = []
        let room = width - 2
        while !rest.isEmpty {
            let (head, _) = TextLayout.prefix(of: rest, width: room)
            chunks.append(String(head))
            rest = rest[head.endIndex...]
        }
        let cursor = Style.reverse.apply(" ")
        if let last = chunks.last, DisplayWidth.of(last) < room {
            chunks[chunks.count - 1] = last + cursor
        } else {
            chunks.append(cursor)
        }
        for (index, chunk) in chunks.enumerated() {
            lines.append((index == 0 ? "› " : "  ") + chunk)
        }
        let cursorLine = lines.count - 1
        if let limit = input.limit { lines.append("  \(input.text.count)/\(limit)") }
        focus = cursorLine...(lines.count - 1)
    }
}
