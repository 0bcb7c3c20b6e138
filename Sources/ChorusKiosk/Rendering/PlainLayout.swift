/// A ``Screen`` as linear text for a screen reader: what to read, then what to type.
///
/// No styles, box drawing, markers or padding: a screen reader reads each line as it comes, so
/// every line says something. Paragraphs are not wrapped; the terminal wraps them for the eye.
enum PlainLayout {
    /// The lines of `screen` up to its instruction; the typed input follows them.
    static func lines(_ screen: Screen) -> [String] {
        var lines = [clean(screen.title)]
        if let label = screen.progressLabel { lines.append(clean(label)) }
        for block in screen.blocks {
            lines.append("")
            switch block {
            case .text(let text), .prompt(let text), .hint(let text):
                lines += text.split(separator: "\n").map(clean)
            case .options(let rows, _):
                lines += rows.map { clean($0.label.isEmpty ? "\($0.key)." : "\($0.key). \($0.label)") }
            case .field:
                lines.removeLast()
            }
        }
        lines.append("")
        lines += tail(screen)
        return lines
    }

    /// What follows the body, also said again after a refusal: message, keys, instruction.
    static func tail(_ screen: Screen) -> [String] {
        var lines: [String] = []
        if let message = screen.message { lines.append(clean(message)) }
        if !screen.legend.isEmpty {
            lines.append(screen.legend.map { clean("\($0.keys): \($0.action)") }.joined(separator: "; ") + ".")
        }
        if let instruction = screen.instruction { lines.append(clean(instruction)) }
        return lines
    }

    private static func clean(_ text: some StringProtocol) -> String {
        TextLayout.sanitized(text)
    }
}
