import ChorusCore

/// A way of splitting respondents into groups for breakdowns: by a quasi-identifier's answer,
/// by channel or by site. Every respondent is in exactly one group, a missing group included.
struct Grouping: Sendable {
    enum Source: Sendable, Equatable {
        /// The answer to the question in this slot; the last group is "not answered".
        case question(slot: Int)
        /// Kiosk, then text message.
        case channel
        /// Each site by name; the last group is "no site".
        case site
    }

    let source: Source
    /// The dimension a breakdown shows, with its missing value where it has one.
    let dimension: FindingsDimension

    var size: Int { dimension.values.count }
}

extension Grouping {
    /// The groupings of a survey: its quasi-identifiers in survey order, then channel, then site.
    static func all(slots: [QuestionSlot], sites: [String]) -> [Grouping] {
        var groupings: [Grouping] = []
        for (index, slot) in slots.enumerated() where slot.question.isQuasiIdentifier && slot.shape == .one {
            let missing = FindingsDimensionValue(code: "missing", label: nil, role: .missing)
            groupings.append(
                Grouping(
                    source: .question(slot: index),
                    dimension: FindingsDimension(
                        id: slot.question.id, kind: .group, title: slot.question.prompt,
                        values: slot.values + [missing])))
        }
        groupings.append(
            Grouping(
                source: .channel,
                dimension: FindingsDimension(
                    id: "channel", kind: .channel, title: nil,
                    values: ChannelOrder.all.map { FindingsDimensionValue(code: $0, label: nil, role: .category) })))
        groupings.append(
            Grouping(
                source: .site,
                dimension: FindingsDimension(
                    id: "site", kind: .site, title: nil,
                    values: sites.map { FindingsDimensionValue(code: $0, label: nil, role: .category) }
                        + [FindingsDimensionValue(code: "missing", label: nil, role: .missing)])))
        return groupings
    }
}

/// Channels in the order tables show them, matching ChorusStore's `Channel` cases.
enum ChannelOrder {
    static let all = ["kiosk", "sms"]
}
