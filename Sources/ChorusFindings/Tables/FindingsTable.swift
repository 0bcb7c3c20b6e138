public import ChorusCore

/// One published table: counts of respondents over one or two dimensions, with their totals.
///
/// Cells are dense and row-major: one cell for every combination of the dimensions' values, the
/// last dimension varying fastest, so a writer can walk `cells` alongside nested loops over
/// ``dimensions``. Values are in the survey's own option order; nothing about the order of rows
/// reflects the data.
///
/// A count that appears in several tables (a question's total in its own table and in each of its
/// breakdowns, say) is the same number everywhere, published or suppressed everywhere.
public struct FindingsTable: Sendable, Hashable, Identifiable {
    /// What a table counts.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Responses by channel, site or language.
        case reach
        /// The answers to one question.
        case question
        /// The answers to one question, by the groups of a quasi-identifier, channel or site.
        case breakdown
        /// For a rank question, how many respondents put each option in each position.
        case positions
    }

    /// Unique in the release and usable as a file stem: letters, digits, `-`, `_` and `.`.
    ///
    /// - `reach.channel`, `reach.site`, `reach.language`
    /// - `QUESTION` for a question's own table
    /// - `QUESTION.by.QUASI-IDENTIFIER`, `QUESTION.by-channel`, `QUESTION.by-site` for breakdowns
    /// - `QUESTION.positions` for a rank question's positions
    ///
    /// Question ids contain no `.`, so these never collide.
    public var id: String
    /// What the table counts.
    public var kind: Kind
    /// The question counted, for every kind but ``Kind/reach``.
    public var questionID: String?
    /// The question's type in the survey format (`single`, `rank`, …), for every kind but ``Kind/reach``.
    public var questionType: String?
    /// The question's prompt, in the survey's words; `nil` for reach tables, which writers title themselves.
    public var title: LocalizedText?
    /// The question's hint, when it has one.
    public var description: LocalizedText?
    /// The dimensions, outermost first; a breakdown's group dimension comes before its answer dimension.
    public var dimensions: [FindingsDimension]
    /// One cell per combination of dimension values, row-major.
    public var cells: [FindingsCell]

    /// Creates a table.
    public init(
        id: String,
        kind: Kind,
        questionID: String?,
        questionType: String?,
        title: LocalizedText?,
        description: LocalizedText?,
        dimensions: [FindingsDimension],
        cells: [FindingsCell]
    ) {
        self.id = id
        self.kind = kind
        self.questionID = questionID
        self.questionType = questionType
        self.title = title
        self.description = description
        self.dimensions = dimensions
        self.cells = cells
    }

    /// The cell at `coordinates`, one value index per dimension.
    public func cell(at coordinates: [Int]) -> FindingsCell {
        precondition(coordinates.count == dimensions.count, "one coordinate per dimension")
        var index = 0
        for (dimension, coordinate) in zip(dimensions, coordinates) {
            index = index * dimension.values.count + coordinate
        }
        return cells[index]
    }

    /// The cells with the value indexes that locate them, in `cells` order.
    public var rows: [(coordinates: [Int], cell: FindingsCell)] {
        cells.indices.map { index in
            var rest = index
            var coordinates = [Int](repeating: 0, count: dimensions.count)
            for axis in dimensions.indices.reversed() {
                let size = dimensions[axis].values.count
                coordinates[axis] = rest % size
                rest /= size
            }
            return (coordinates, cells[index])
        }
    }
}

/// One number of a table.
public struct FindingsCell: Sendable, Hashable {
    /// The count of respondents, or that it is suppressed.
    public var count: PublishedCount
    /// The count as a share of its row's total, when both are published and the share means
    /// something; `nil` for totals themselves.
    public var share: PublishedShare?

    /// Creates a cell.
    public init(count: PublishedCount, share: PublishedShare?) {
        self.count = count
        self.share = share
    }
}
