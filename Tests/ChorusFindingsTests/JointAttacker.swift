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

    /// Every joint table that reproduces the release's published counts, with as many respondents
    /// as published or, when that is withheld, any number in `totals`; `nil` when both are missing,
    /// or when there are more than `most`.
    func completions(of release: FindingsRelease, totals: ClosedRange<Int>? = nil, most: Int = .max) -> [[Int]]? {
        guard let totals = release.reach.respondents.value.map({ $0...$0 }) ?? totals else { return nil }
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
            guard found.count <= most else { return }
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
        for total in totals { fill(0, total) }
        return found.count <= most ? found : nil
    }

    /// The least and greatest value of `cell` over `completions`.
    static func range(_ cell: Cell, over completions: [[Int]]) -> ClosedRange<Int> {
        let values = completions.map { joint in cell.members.reduce(0) { $0 + joint[$1] } }
        return values.min()!...values.max()!
    }

    /// What the attacker learns from one release: each withheld count it narrows into 1 to k-1;
    /// `nil` when it has no total to start from.
    func disclosures(in release: FindingsRelease, k: Int, truth: [Int]) -> [String]? {
        guard let completions = completions(of: release) else { return nil }
        guard completions.contains(truth) else { return ["the truth is not among the completions"] }
        var found: [String] = []
        for cell in cells(of: release) where cell.count == .suppressed {
            let range = Self.range(cell, over: completions)
            if range.lowerBound >= 1 && range.upperBound < k { found.append("\(cell.name) narrowed to \(range)") }
        }
        return found
    }

    /// Each 0 in a group of 1 to k-1 respondents, or of 1 to 2k-1 in a row of a breakdown, that a
    /// reader can be sure of, published or, given `completions`, 0 in every one of them: it tells
    /// what every one of them answered.
    func attributeDisclosures(in release: FindingsRelease, k: Int, truth: [Int], completions: [[Int]]?) -> [String] {
        func value(_ cell: Cell, _ joint: [Int]) -> Int { cell.members.reduce(0) { $0 + joint[$1] } }
        let cells = cells(of: release)
        var found: [String] = []
        // A cell no respondent of the population could be in, such as text messages where all
        // came to a kiosk, is 0 by what the attacker is granted, not by what was published.
        for cell in cells where !cell.members.isEmpty {
            // A table's rows are its groups; the total of the last dimension is a row's size.
            guard let table = release.table(cell.table), let last = table.dimensions.last,
                last.values[cell.coordinates.last!].role != .total,
                let totalIndex = last.values.firstIndex(where: { $0.role == .total }),
                let group = cells.first(where: {
                    $0.table == cell.table && $0.coordinates == cell.coordinates.dropLast() + [totalIndex]
                })
            else { continue }
            let size = value(group, truth)
            guard (1..<(table.dimensions.count > 1 ? 2 * k : k)).contains(size), value(cell, truth) == 0 else {
                continue
            }
            // An answer no one in the table gave is 0 in every group too: that says nothing of
            // this group in particular, unless the table's own total is small.
            if let everyone = table.dimensions.first?.values.firstIndex(where: { $0.role == .total }),
                table.dimensions.count > 1,
                let column = cells.first(where: {
                    $0.table == cell.table && $0.coordinates == [everyone] + cell.coordinates.dropFirst()
                }),
                let whole = cells.first(where: { $0.table == cell.table && $0.coordinates == [everyone, totalIndex] }),
                value(column, truth) == 0, !(1..<k).contains(value(whole, truth))
            {
                continue
            }
            if cell.count == .count(0) || completions.map({ Self.range(cell, over: $0).upperBound == 0 }) == true {
                found.append("\(cell.name) says what all \(size) of the group answered")
            }
        }
        return found
    }

    /// What the attacker learns from two releases of a population that only grew: a withheld count
    /// of either, or what changed in any count, narrowed into 1 to k-1.
    func disclosures(first: FindingsRelease, second: FindingsRelease, k: Int) -> [String]? {
        // When the second release withholds its total, the attacker is granted that at most 2k
        // people answered since, which makes its enumeration finite; any more would be the same
        // attack with a looser bound. (Granting fewer than k would be knowing the answer: then
        // anything that changed at all changed by 1 to k-1.)
        guard let before = completions(of: first), let total = first.reach.respondents.value,
            let after = completions(of: second, totals: total...total + 2 * k)
        else { return nil }
        return disclosures(first: first, second: second, k: k, before: before, after: after)
    }

    /// What the attacker learns from two releases, given each one's completions.
    func disclosures(
        first: FindingsRelease, second: FindingsRelease, k: Int, before: [[Int]], after: [[Int]]
    ) -> [String] {
        // Every pair of completions in which no count shrank, by index.
        var pairs: [(Int, Int)] = []
        for (i, old) in before.enumerated() {
            for (j, new) in after.enumerated() where zip(old, new).allSatisfy({ $0 <= $1 }) { pairs.append((i, j)) }
        }
        guard !pairs.isEmpty else { return ["no pair of completions fits both releases"] }
        let newCells = Dictionary(uniqueKeysWithValues: cells(of: second).map { ($0.name, $0) })
        func isSmall(_ values: [Int]) -> Bool { values.min()! >= 1 && values.max()! < k }
        var found: [String] = []
        for old in cells(of: first) {
            let oldValues = before.map { joint in old.members.reduce(0) { $0 + joint[$1] } }
            // Cells are matched by name: a site with no responses yet has no row, and a table too
            // sparse in one release may be shown in the other.
            guard let new = newCells[old.name] else { continue }
            let newValues = after.map { joint in new.members.reduce(0) { $0 + joint[$1] } }
            if old.count == .suppressed, isSmall(pairs.map { oldValues[$0.0] }) {
                found.append("first release's \(old.name)")
            }
            if new.count == .suppressed, isSmall(pairs.map { newValues[$0.1] }) {
                found.append("second release's \(new.name)")
            }
            // What changed counts the new respondents, published or not.
            if isSmall(pairs.map { newValues[$0.1] - oldValues[$0.0] }) { found.append("change of \(new.name)") }
        }
        // So does what the counts withheld together in one line of a table changed by.
        let oldCells = Dictionary(uniqueKeysWithValues: cells(of: first).map { ($0.name, $0) })
        for line in withheldLines(of: first) + withheldLines(of: second) {
            guard let old = Self.union(line.compactMap { oldCells[$0] }, count: line.count),
                let new = Self.union(line.compactMap { newCells[$0] }, count: line.count)
            else { continue }
            let oldValues = before.map { joint in old.reduce(0) { $0 + joint[$1] } }
            let newValues = after.map { joint in new.reduce(0) { $0 + joint[$1] } }
            if isSmall(pairs.map { newValues[$0.1] - oldValues[$0.0] }) {
                found.append("change of \(line.joined(separator: " + "))")
            }
        }
        return found
    }

    /// The joint cells of `cells`, if there are `count` of them.
    private static func union(_ cells: [Cell], count: Int) -> [Int]? {
        cells.count == count ? cells.flatMap(\.members) : nil
    }

    /// The names of the cells a release withholds in each line of a table, the line's total
    /// aside, where there are two or more: a reader works out their sum from the total and the
    /// rest of the line.
    func withheldLines(of release: FindingsRelease) -> [[String]] {
        var lines: [String: [String]] = [:]
        for cell in cells(of: release) where cell.count == .suppressed {
            guard let table = release.table(cell.table) else { continue }
            for (index, dimension) in table.dimensions.enumerated()
            where dimension.values[cell.coordinates[index]].role != .total {
                var line = cell.coordinates
                line[index] = -1
                lines["\(cell.table) \(line)", default: []].append(cell.name)
            }
        }
        return lines.values.filter { $0.count > 1 }.sorted { $0.joined() < $1.joined() }
    }
}
