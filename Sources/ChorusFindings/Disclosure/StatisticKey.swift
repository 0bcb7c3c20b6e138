/// How statistics are named: `|`-separated parts, each a name with `=value`, or with `!` for
/// "none" (no answer, no site), values escaped so no two counts share a key.
///
/// - `n`: respondents; `channel=sms`, `site=Central Library`, `site!`, `language=es`, `language!`
/// - `q.concerns`: answered; `q.concerns=traffic`; `q.concerns~traffic`: answered, did not choose it
/// - `q.concerns@2`, `q.concerns@2=traffic`: ranked a second option; ranked it second
/// - `q.concerns=traffic|by.area=north`, `q.concerns|channel=kiosk`, `q.concerns|by.area!`
/// - `text`: free-text answers
package enum StatisticKey {
    package static let respondents = "n"
    static let freeText = "text"

    static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\|=!@~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    static func question(_ id: String) -> String { "q.\(id)" }

    static func answer(_ id: String, _ value: String) -> String { "q.\(id)=\(escape(value))" }

    static func notChosen(_ id: String, _ value: String) -> String { "q.\(id)~\(escape(value))" }

    static func reached(_ id: String, position: Int) -> String { "q.\(id)@\(position)" }

    static func ranked(_ id: String, _ value: String, position: Int) -> String {
        "q.\(id)@\(position)=\(escape(value))"
    }

    /// A group of a grouping, as a key part: `by.area=north`, `by.area!`, `channel=kiosk`, `site!`.
    static func group(_ dimension: FindingsDimension, _ value: FindingsDimensionValue) -> String {
        let code = value.role == .missing ? nil : value.code
        guard dimension.kind != .group else { return grouped(by: dimension.id, code) }
        return code.map { "\(dimension.id)=\(escape($0))" } ?? "\(dimension.id)!"
    }

    static func within(_ key: String, _ group: String) -> String { "\(key)|\(group)" }

    /// The group of those who gave `value` to question `id`, as a key part, or of those who
    /// left it out when `value` is nil.
    static func grouped(by id: String, _ value: String?) -> String {
        value.map { "by.\(id)=\(escape($0))" } ?? "by.\(id)!"
    }

    /// Whether a group part (see ``grouped(by:_:)``) is of those who answered question `id`.
    static func isInGroup(_ part: Substring, of id: String) -> Bool {
        part.hasPrefix(grouped(by: id, ""))
    }

    /// Whether the first part of a key counts something about question `id`: those who answered
    /// it, gave an answer, did not choose one or ranked one.
    static func isAbout(_ part: Substring, question id: String) -> Bool {
        let base = question(id)
        guard part.hasPrefix(base) else { return false }
        let rest = part.dropFirst(base.count)
        return rest.isEmpty || "=~@".contains(rest.first!)
    }

    /// A key's `|`-separated parts, split only where `|` is not escaped.
    static func parts(of key: String) -> [Substring] {
        var parts: [Substring] = []
        var start = key.startIndex
        var index = key.startIndex
        while index < key.endIndex {
            if key[index] == "\\" {
                index = key.index(after: index)
                if index < key.endIndex { index = key.index(after: index) }
                continue
            }
            if key[index] == "|" {
                parts.append(key[start..<index])
                start = key.index(after: index)
            }
            index = key.index(after: index)
        }
        parts.append(key[start...])
        return parts
    }
}
