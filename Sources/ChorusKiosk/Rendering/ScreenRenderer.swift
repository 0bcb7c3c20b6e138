import ChorusCore

/// Lays a ``Screen`` out as lines of text: a pure function, tested on its output.
///
/// The full screen is exactly as many lines as the window has rows, none wider than its columns:
///
///     Title                                                      Question 2 of 9   (reverse video)
///     ████████░░░░░░░░░░░░░░░░░░░░░░                                 (answered of still to ask)
///
///     body: prompt, hint, options or field, scrolled to keep the highlight in view
///
///     message (why an answer was not taken)
///     ──────────────────────────────────────
///     legend of keys
///
/// Plain mode is linear text for screen readers: no styles, no padding, no box drawing, one line
/// per paragraph (the terminal wraps them, so a sentence is never cut into two lines).
enum ScreenRenderer {
    /// Columns left empty at each side.
    static let margin = 2
    /// The widest the text goes on a wide window: longer lines are hard to read.
    static let maximumWidth = 100

    /// `screen` as lines for a window of `size`, or as linear text when `plain`.
    static func render(_ screen: Screen, size: TerminalSize, plain: Bool) -> [String] {
        plain ? PlainLayout.lines(screen) : full(screen, size: size)
    }

    private static func full(_ screen: Screen, size: TerminalSize) -> [String] {
        guard size.isLargeEnough else { return enlarge(screen, size: size) }
        let width = min(size.columns - 2 * margin, maximumWidth)
        let indent = String(repeating: " ", count: margin)

        var header = [
            Style.reverse.apply(TextLayout.padded(titleLine(screen, width: size.columns), width: size.columns))
        ]
        header.append(screen.progress.map { indent + bar($0.passed, of: $0.total, width: width) } ?? "")
        header.append("")

        var footer = (screen.message.map { TextLayout.wrap($0, width: width).prefix(3) } ?? []).map {
            indent + Style([.bold, .red]).apply($0)
        }
        if !screen.legend.isEmpty {
            footer.append(indent + String(repeating: "─", count: width))
            footer += legendLines(screen.legend, width: width).map { indent + $0 }
        }

        let body = BodyLayout(screen: screen, width: width)
        let height = size.rows - header.count - footer.count
        let start = body.firstVisibleLine(height: height, scroll: screen.scroll)
        var visible = Array(body.lines[start...].prefix(height))
        // Arrows in the right margin say there is more above or below, for Page Up and Page Down.
        if start > 0 { visible[0] = filled(visible[0], width: width) + " ▲" }
        if start + height < body.lines.count { visible[height - 1] = filled(visible[height - 1], width: width) + " ▼" }
        visible += Array(repeating: "", count: height - visible.count)
        return header + visible.map { $0.isEmpty ? $0 : indent + $0 } + footer
    }

    /// `line`, styles and all, with spaces after it to fill `width` columns.
    static func filled(_ line: String, width: Int) -> String {
        line + String(repeating: " ", count: max(0, width - DisplayWidth.of(line)))
    }

    /// The title at the left and the progress label at the right, with a space at each end.
    private static func titleLine(_ screen: Screen, width: Int) -> String {
        let label = screen.progressLabel.map { " " + TextLayout.truncated($0, width: width / 2) + " " } ?? ""
        let room = width - DisplayWidth.of(label) - 1
        let title = TextLayout.truncated(screen.title, width: room)
        return " " + title + String(repeating: " ", count: room - DisplayWidth.of(title)) + label
    }

    private static func bar(_ passed: Int, of total: Int, width: Int) -> String {
        let filled = total == 0 ? width : min(width, width * passed / total)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The legend's items, as many to a line as fit, at the bottom of the screen.
    private static func legendLines(_ items: [Screen.LegendItem], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for item in items {
            let keys = TextLayout.sanitized(item.keys)
            let action = TextLayout.sanitized(item.action)
            let itemWidth = DisplayWidth.of(keys) + 1 + DisplayWidth.of(action)
            if lineWidth > 0, lineWidth + 3 + itemWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += "   "
                lineWidth += 3
            }
            line += Style.bold.apply(keys) + " " + action
            lineWidth += itemWidth
        }
        return lines + [line]
    }

    /// Asks for a larger window, in the respondent's language, centred in whatever room there is; or
    /// shows the PIN gate, which fits.
    private static func enlarge(_ screen: Screen, size: TerminalSize) -> [String] {
        let minimum = TerminalSize.minimum
        var text = "\(screen.enlarge)\n\(size.columns)×\(size.rows) → \(minimum.columns)×\(minimum.rows)"
        if let input = screen.input, input.isSecret {
            // The PIN gate, shown whole: a volunteer may have to stop a kiosk whose window cannot
            // be enlarged.
            let prompts = screen.blocks.compactMap { block -> String? in
                if case .text(let text) = block { text } else { nil }
            }
            text = (prompts + ["> " + input.shown] + [screen.message].compactMap { $0 }).joined(separator: "\n\n")
        }
        let lines = TextLayout.wrap(text, width: size.columns).prefix(size.rows)
        let top = (size.rows - lines.count) / 2
        var result = Array(repeating: "", count: top)
        for line in lines {
            let padding = line.isEmpty ? 0 : (size.columns - DisplayWidth.of(line)) / 2
            result.append(TextLayout.truncated(String(repeating: " ", count: padding) + line, width: size.columns))
        }
        return result + Array(repeating: "", count: size.rows - result.count)
    }
}
