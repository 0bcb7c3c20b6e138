import ChorusCore
import ChorusStore

@testable import ChorusFindings

/// An attacker written without the audit's code: it tries every joint table of whole numbers
/// over the respondents' (area, answer, channel) combinations that adds up to the published
/// number of respondents, keeps those that reproduce every published count of a release, and
/// reads off the range each withheld count takes among them.
///
/// It only knows what a reader of the release knows: the survey (two required single-choice
/// questions, `area` a quasi-identifier, `q`), that responses came in at a kiosk at "Library" or
/// by text message, in English, and the published counts.
struct JointAttacker {
    let areas: [String]
    let answers: [String]
    let channels: [String]

    var cellCount: Int { areas.count * answers.count * channels.count }

    /// The joint cell of one respondent.
    func cell(area: Int, answer: Int, channel: Int) -> Int {
        (area * answers.count + answer) * channels.count + channel
    }

    /// Whether a respondent in joint cell `cell` is counted by `value` along `dimension` of `table`.
    private func matches(
        _ cell: Int, _ table: FindingsTable, _ dimension: FindingsDimension, _ value: FindingsDimensionValue
    )
        -> Bool
    {
        if value.role == .total { return true }
        let channel = cell % channels.count
        let answer = (cell / channels.count) % answers.count
        let area = cell / (channels.count * answers.count)
        switch dimension.kind {
        case .group:
            return value.role == .category && areas[area] == value.code
        case .answer:
            let chosen = table.questionID == "area" ? areas[area] : answers[answer]
            return value.role == .category && chosen == value.code
        case .channel:
            return channels[channel] == value.code
        case .site:
            // Kiosks stand at the library; text messages have no site.
            return value.role == .missing ? channels[channel] == "sms" : channels[channel] == "kiosk"
        case .language:
            return value.code == "en"
        case .position:
            return false
        }
    }

    /// Every cell of every table as the joint cells it adds up.
    struct Cell {
        let table: String
        let coordinates: [Int]
        /// The table and the codes of the cell's values, which name it across releases.
        let name: String
        let members: [Int]
        let count: PublishedCount
    }

    func cells(of release: FindingsRelease) -> [Cell] {
        release.tables.flatMap { table in
            table.rows.map { coordinates, cell in
                let members = (0..<cellCount).filter { joint in
                    zip(table.dimensions, coordinates).allSatisfy { dimension, index in
                        matches(joint, table, dimension, dimension.values[index])
                    }
                }
                let codes = zip(table.dimensions, coordinates).map { $0.values[$1].code }
                return Cell(
                    table: table.id, coordinates: coordinates, name: ([table.id] + codes).joined(separator: " "),
                    members: members, count: cell.count)
            }
        }
    }

    /// Every joint table that reproduces the release's published counts; `nil` when the number of
    /// respondents is withheld (then the attacker has no total to enumerate from).
    func completions(of release: FindingsRelease) -> [[Int]]? {
        guard let total = release.reach.respondents.value else { return nil }
        let cells = cells(of: release)
        // Each published count is checked as soon as its last joint cell is filled, which prunes early.
        var checksAt = [[(members: [Int], value: Int)]](repeating: [], count: cellCount)
        for cell in cells {
            guard let value = cell.count.value else { continue }
            guard let last = cell.members.last else {
                if value != 0 { return [] }
                continue
            }
            checksAt[last].append((cell.members, value))
        }
        var found: [[Int]] = []
        var joint = [Int](repeating: 0, count: cellCount)
        func holds(_ index: Int) -> Bool {
            checksAt[index].allSatisfy { members, value in members.reduce(0) { $0 + joint[$1] } == value }
        }
        func fill(_ index: Int, _ left: Int) {
            if index == cellCount - 1 {
                joint[index] = left
                if holds(index) { found.append(joint) }
                return
            }
            for value in 0...left {
                joint[index] = value
                if holds(index) { fill(index + 1, left - value) }
            }
        }
        fill(0, total)
        return found
    }

    /// The least and greatest value of `cell` over `completions`.
    static func range(_ cell: Cell, over completions: [[Int]]) -> ClosedRange<Int> {
        let values = completions.map { joint in cell.members.reduce(0) { $0 + joint[$1] } }
        return values.min()!...values.max()!
    }
}
