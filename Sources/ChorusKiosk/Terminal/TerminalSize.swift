/// The size of a terminal window in character cells.
struct TerminalSize: Hashable, Sendable {
    var rows: Int
    var columns: Int

    /// The smallest window the kiosk lays its screens out for; anything smaller asks to be enlarged.
    static let minimum = TerminalSize(rows: 24, columns: 80)

    /// Whether a screen laid out for ``minimum`` fits.
    var isLargeEnough: Bool { rows >= Self.minimum.rows && columns >= Self.minimum.columns }
}
