/// A text as an SMS carries it: its encoding, its length in that encoding, how many segments it
/// costs, and how to cut it into parts between words.
struct SMSText: Hashable {
    /// How the characters travel.
    enum Encoding: Hashable {
        /// 7 bits a character; 160 in one message, 153 in each part of a longer one.
        case gsm7
        /// UTF-16 units; 70 in one message, 67 in each part of a longer one.
        case ucs2

        /// What one message holds on its own.
        var singleCapacity: Int { self == .gsm7 ? 160 : 70 }
        /// What each part of a concatenated message holds, after its 6-byte header.
        var partCapacity: Int { self == .gsm7 ? 153 : 67 }
    }

    /// The text, as given.
    let text: String
    /// GSM-7 when every character is in its alphabet; one other character makes the whole text UCS-2.
    let encoding: Encoding

    init(_ text: String) {
        self.text = text
        let isGSM7 =
            Self.isLatin(text)
            ? text.unicodeScalars.allSatisfy { GSM7.septets(latin: $0) != nil }
            : text.allSatisfy { GSM7.septets($0) != nil }
        self.encoding = isGSM7 ? .gsm7 : .ucs2
    }

    /// Septets (GSM-7) or UTF-16 units (UCS-2).
    var length: Int { units().reduce(0) { $0 + $1.cost } }

    /// How many segments the network bills; an escape pair or a surrogate pair never straddles two.
    var segments: Int {
        let units = units()
        if units.reduce(0, { $0 + $1.cost }) <= encoding.singleCapacity { return 1 }
        var segments = 1
        var used = 0
        for unit in units {
            if used + unit.cost > encoding.partCapacity {
                segments += 1
                used = 0
            }
            used += unit.cost
        }
        return segments
    }

    /// The text as messages of one segment each: whole when it fits one message, otherwise cut at
    /// spaces and line breaks into parts that each fit a part of a concatenated message. A word
    /// longer than a part is cut between characters, never inside one.
    var parts: [String] {
        let units = units()
        if units.reduce(0, { $0 + $1.cost }) <= encoding.singleCapacity { return text.isEmpty ? [] : [text] }
        let bytes = Array(text.utf8)
        func part(_ range: Range<Int>) -> String {
            let start = range.lowerBound == 0 ? 0 : units[range.lowerBound - 1].end
            return String(decoding: bytes[start..<units[range.upperBound - 1].end], as: UTF8.self)
        }
        let capacity = encoding.partCapacity
        var parts: [String] = []
        var start = units.firstIndex { !$0.isSpace } ?? units.endIndex
        while start < units.endIndex {
            var used = 0
            var end = start
            var lastBreak: Int?
            while end < units.endIndex, used + units[end].cost <= capacity {
                if units[end].isSpace { lastBreak = end }
                used += units[end].cost
                end += 1
            }
            if end == units.endIndex {
                parts.append(part(start..<end))
                break
            }
            // Cut at the last space that fits; a character wider than a whole part still goes.
            let cut = lastBreak ?? (end == start ? start + 1 : end)
            let kept = (start..<cut).last { !units[$0].isSpace }.map { $0 + 1 } ?? start
            parts.append(part(start..<kept))
            start = (cut..<units.endIndex).first { !units[$0].isSpace } ?? units.endIndex
        }
        return parts
    }

    /// A piece of the text that is never cut: its cost in the text's encoding, whether it is a
    /// space, and where it ends in the UTF-8 bytes.
    private struct Unit {
        var cost: Int
        var isSpace: Bool
        var end: Int
    }

    /// The text's pieces, in order: its scalars when it is all Latin, where each scalar is a whole
    /// character but for CR LF, which is two septets either way; its characters otherwise. Every
    /// reply is measured here, and characters are much slower to find than scalars.
    private func units() -> [Unit] {
        var units: [Unit] = []
        var end = 0
        if Self.isLatin(text) {
            units.reserveCapacity(text.utf8.count)
            for scalar in text.unicodeScalars {
                end += scalar.utf8.count
                let cost = encoding == .gsm7 ? GSM7.septets(latin: scalar) ?? 1 : 1
                let isSpace =
                    scalar.isASCII
                    ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
                units.append(Unit(cost: cost, isSpace: isSpace, end: end))
            }
            return units
        }
        for character in text {
            end += character.utf8.count
            let cost = encoding == .gsm7 ? GSM7.septets(character) ?? 1 : character.utf16.count
            units.append(Unit(cost: cost, isSpace: character.isWhitespace, end: end))
        }
        return units
    }

    /// Whether every scalar is below U+0300, where none combines with another into one character.
    private static func isLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 }
    }

    /// `text` with typographic quotes, dashes, ellipses and unusual spaces replaced by their
    /// GSM-7 equivalents, so that they alone do not force UCS-2.
    static func plain(_ text: String) -> String {
        // Most texts have none, and scalars are quicker to look at than characters.
        guard text.unicodeScalars.contains(where: { $0.value >= 0xA0 && GSM7.lookalikeScalars.contains($0) })
        else { return text }
        var result = ""
        for character in text {
            if let replacement = GSM7.lookalikes[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
