/// A horizontal bar for one published share, drawn as inline SVG: the share as a filled bar over
/// a pale track, the Wilson 95% interval as a thin line with end ticks across the bar's end.
///
/// The drawing is 100 units wide, one per percentage point, and stretches to the width of its
/// box; strokes keep their width whatever the stretch, so the chart reads on a phone and on paper.
enum ReportBar {
    static func svg(_ share: PublishedShare, label: String) -> String {
        switch share.display {
        case .exact:
            let (lower, upper) = (coordinate(share.lower), coordinate(share.upper))
            return frame(label) + "<rect class=\"fill\" x=\"0\" y=\"2\" width=\"\(coordinate(share.proportion))\" "
                + "height=\"8\"/><path class=\"ci\" d=\"M\(lower) 6H\(upper)M\(lower) 2.5V9.5M\(upper) 2.5V9.5\" "
                + "vector-effect=\"non-scaling-stroke\"/></svg>"
        // Only a bound is known: the whole range it allows is shaded, and nothing is drawn as a value.
        case .below(let bound): return range(from: 0, to: bound, label: label)
        case .above(let bound): return range(from: bound, to: 1, label: label)
        }
    }

    private static func range(from: Double, to: Double, label: String) -> String {
        frame(label) + "<rect class=\"range\" x=\"\(coordinate(from))\" y=\"2\" width=\"\(coordinate(to - from))\" "
            + "height=\"8\"/></svg>"
    }

    /// An empty track, for a share that is withheld.
    static func withheld(label: String) -> String {
        frame(label) + "</svg>"
    }

    private static func frame(_ label: String) -> String {
        "<svg class=\"bar\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\""
            + HTMLText.escape(label) + "\"><rect class=\"track\" x=\"0\" y=\"2\" width=\"100\" height=\"8\"/>"
    }

    private static func coordinate(_ proportion: Double) -> String {
        FixedPoint.format(min(max(proportion, 0), 1) * 100, decimals: 2)
    }
}
