/// Turns one full-screen frame into the next with as few bytes as it can: a pure function.
///
/// Lines are compared cell by cell; only runs of changed cells are written, each after a cursor
/// move. Runs a few cells apart are joined, since rewriting a short gap costs less than another
/// move. So a key that moves a highlight rewrites two lines, not the screen.
enum FrameWriter {
    /// One character cell: its text (empty for the right half of a wide character) and style.
    struct Cell: Equatable {
        var text: String
        var style: Style

        static let blank = Cell(text: " ", style: [])
    }

    /// Unchanged cells between two changed runs that are rewritten rather than moved over.
    static let joinableGap = 6

    /// The bytes that draw `next` over `previous`, or the whole of `next` on a cleared screen when
    /// there is no previous frame (the first, or after a resize).
    static func update(from previous: [String]?, to next: [String], columns: Int) -> String {
        let new = next.map { cells(of: $0, columns: columns) }
        var output = ""
        var current: Style?
        guard let previous, previous.count == next.count else {
            output = "\u{1B}[0m\u{1B}[H\u{1B}[2J"
            for (row, line) in new.enumerated() {
                // After clearing, unstyled blanks at the end of a line need not be written.
                guard let last = line.lastIndex(where: { $0 != .blank }) else { continue }
                output += move(row: row, column: 0)
                write(line[...last], to: &output, style: &current)
            }
            return output
        }
        let old = previous.map { cells(of: $0, columns: columns) }
        for row in new.indices {
            var column = 0
            while column < columns {
                guard old[row][column] != new[row][column] else {
                    column += 1
                    continue
                }
                // Start on the left half of a wide character, never its right.
                var start = column
                while start > 0, new[row][start].text.isEmpty { start -= 1 }
                var end = column
                var scan = column + 1
                while scan < columns, scan - end <= joinableGap + 1 {
                    if old[row][scan] != new[row][scan] { end = scan }
                    scan += 1
                }
                while end + 1 < columns, new[row][end + 1].text.isEmpty { end += 1 }
                output += move(row: row, column: start)
                write(new[row][start...end], to: &output, style: &current)
                column = end + 1
            }
        }
        return output
    }

    /// `line` as exactly `columns` cells: styles read from its SGR sequences, blanks after it.
    static func cells(of line: String, columns: Int) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(columns)
        var style: Style = []
        var escape: String?
        for character in line {
            if var sequence = escape {
                sequence.append(character)
                escape = sequence
                guard character.isASCII, character.isLetter else { continue }
                if character == "m" { style = Style.parse(sequence.dropFirst(2).dropLast(), from: style) }
                escape = nil
                continue
            }
            if character == "\u{1B}" {
                escape = "\u{1B}"
                continue
            }
            let width = DisplayWidth.of(character)
            if width == 0 {
                // A mark that did not join a character (a line starting with one) has nowhere to go.
                if let last = cells.indices.last, !cells[last].text.isEmpty { cells[last].text.append(character) }
                continue
            }
            guard cells.count + width <= columns else { break }
            cells.append(Cell(text: String(character), style: style))
            if width == 2 { cells.append(Cell(text: "", style: style)) }
        }
        return cells + Array(repeating: .blank, count: columns - cells.count)
    }

    private static func move(row: Int, column: Int) -> String {
        "\u{1B}[\(row + 1);\(column + 1)H"
    }

    private static func write(_ cells: ArraySlice<Cell>, to output: inout String, style current: inout Style?) {
        for cell in cells where !cell.text.isEmpty {
            if cell.style != current {
                output += cell.style.sequence
                current = cell.style
            }
            output += cell.text
        }
    }
}
