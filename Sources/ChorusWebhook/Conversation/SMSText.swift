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
    var length: Int { units().reduce(0) { $0 + $1.cost(encoding) } }

    /// How many segments the network bills; an escape pair or a surrogate pair never straddles two.
    var segments: Int {
        let units = units()
        if units.reduce(0, { $0 + $1.cost(encoding) }) <= encoding.singleCapacity { return 1 }
        var segments = 1
        var used = 0
        for unit in units {
            if used + unit.cost(encoding) > encoding.partCapacity {
                segments += 1
                used = 0
            }
            used += unit.cost(encoding)
        }
        return segments
    }

    /// The text as messages of one segment each, sent one after another: whole when it fits one
    /// message, otherwise cut into parts that each fit one message on its own.
    ///
    /// Each part is measured in its own encoding, so a part with no accent or emoji in it holds
    /// 160 characters even when another part is UCS-2. A part ends at a line break, so that an
    /// option stays with its number and each text reads on its own, as texts may arrive out of
    /// order; only a line too long for one message is cut, after a sentence where it can be,
    /// else between words, but never between an option's number and its label. Of the cuttings
    /// that cut least, the one with the fewest parts is taken. A word longer than a part is cut
    /// between characters, never inside one.
    var parts: [String] {
        let units = units()
        if units.reduce(0, { $0 + $1.cost(encoding) }) <= encoding.singleCapacity { return text.isEmpty ? [] : [text] }
        let bytes = Array(text.utf8)
        var plan = Cutting(units: units)
        var parts: [String] = []
        var start = plan.word(from: 0)
        while start < units.endIndex, let cut = plan.best(from: start).cut {
            let from = start == 0 ? 0 : units[start - 1].end
            parts.append(String(decoding: bytes[from..<units[cut.kept - 1].end], as: UTF8.self))
            start = cut.next
        }
        return parts
    }

    /// The best way to cut the text from each unit on, each found once.
    private struct Cutting {
        /// A part ending before `kept`, and the next starting at `next`.
        struct Cut {
            var kept: Int
            var next: Int
        }

        /// How badly the parts are cut, for each cut 1 after a sentence, 2 inside one and 4 inside
        /// a word; then how many there are.
        typealias Cost = (damage: Int, parts: Int)

        let units: [Unit]
        private var known: [Int: (cost: Cost, cut: Cut?)] = [:]

        init(units: [Unit]) {
            self.units = units
        }

        /// The first unit from `index` on that is not a space.
        func word(from index: Int) -> Int {
            units[index...].firstIndex { !$0.isSpace } ?? units.endIndex
        }

        /// The cheapest cutting of the text from `start`, and its first cut.
        mutating func best(from start: Int) -> (cost: Cost, cut: Cut?) {
            if start == units.endIndex { return ((0, 0), nil) }
            if let result = known[start] { return result }
            let fit = fit(from: start)
            var result: (cost: Cost, cut: Cut?) = ((0, 0), nil)
            if fit.end == units.endIndex {
                result = ((0, 1), Cut(kept: fit.end, next: fit.end))
            } else {
                var places: [(at: Int, damage: Int)] = []
                if let lineBreak = fit.lastLineBreak { places.append((lineBreak, 0)) }
                if let sentence = fit.lastSentenceEnd, sentence != fit.lastLineBreak { places.append((sentence, 1)) }
                if let space = fit.lastSpace, space != fit.lastLineBreak, space != fit.lastSentenceEnd {
                    places.append((space, 2))
                }
                // A character wider than a whole part still goes.
                if places.isEmpty { places.append((fit.end == start ? start + 1 : fit.end, 4)) }
                for place in places {
                    let kept = (start..<place.at).last { !units[$0].isSpace }.map { $0 + 1 } ?? start
                    let next = word(from: place.at)
                    let rest = best(from: next).cost
                    let cost = (rest.damage + place.damage, rest.parts + 1)
                    if result.cut == nil || cost < result.cost { result = (cost, Cut(kept: kept, next: next)) }
                }
            }
            known[start] = result
            return result
        }

        /// How far a part from `start` reaches, and its last space, space after a sentence and
        /// line break within that.
        private func fit(from start: Int) -> (end: Int, lastSpace: Int?, lastSentenceEnd: Int?, lastLineBreak: Int?) {
            var (septets, utf16) = (0, 0)
            var isGSM7 = true
            var end = start
            var (lastSpace, lastSentenceEnd, lastLineBreak): (Int?, Int?, Int?) = (nil, nil, nil)
            var lineStart = start
            while end < units.endIndex {
                let unit = units[end]
                let stillGSM7 = isGSM7 && unit.septets != nil
                let used = stillGSM7 ? septets + (unit.septets ?? 0) : utf16 + unit.utf16
                guard used <= (stillGSM7 ? Encoding.gsm7 : .ucs2).singleCapacity else { break }
                if unit.isSpace, !numbersOption(from: lineStart, to: end) { lastSpace = end }
                if unit.isSpace, end > start, units[end - 1].endsSentence { lastSentenceEnd = end }
                if unit.isLineBreak { (lastLineBreak, lineStart) = (end, end + 1) }
                (septets, utf16, isGSM7) = (septets + (unit.septets ?? 0), utf16 + unit.utf16, stillGSM7)
                end += 1
            }
            // A part that fills its message to the last character may end at the space or line
            // break after it, which goes with the cut.
            if end < units.endIndex, end > start, units[end].isSpace {
                if !numbersOption(from: lineStart, to: end) { lastSpace = end }
                if units[end - 1].endsSentence { lastSentenceEnd = end }
                if units[end].isLineBreak { lastLineBreak = end }
            }
            return (end, lastSpace, lastSentenceEnd, lastLineBreak)
        }

        /// Whether the units from `start` to `end` are an option's number, "2)", which the space
        /// after it must not part from its label.
        private func numbersOption(from start: Int, to end: Int) -> Bool {
            end - start >= 2 && units[end - 1].ascii == UInt8(ascii: ")")
                && units[start..<(end - 1)].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.ascii) }
        }
    }

    /// A piece of the text that is never cut: what it costs in each encoding, whether it is a
    /// space or a line break, and where it ends in the UTF-8 bytes.
    private struct Unit {
        /// Its septets in GSM-7; `nil` when GSM-7 cannot carry it.
        var septets: Int?
        var utf16: Int
        var isSpace: Bool
        var isLineBreak: Bool
        /// A full stop, question or exclamation mark, colon or semicolon.
        var endsSentence: Bool
        /// The character when it is ASCII, else 0.
        var ascii: UInt8
        var end: Int

        func cost(_ encoding: Encoding) -> Int {
            encoding == .gsm7 ? septets ?? 1 : utf16
        }
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
                let isSpace =
                    scalar.isASCII
                    ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
                units.append(
                    Unit(
                        septets: GSM7.septets(latin: scalar), utf16: 1, isSpace: isSpace,
                        isLineBreak: scalar == "\n", endsSentence: ".?!:;".unicodeScalars.contains(scalar),
                        ascii: scalar.isASCII ? UInt8(scalar.value) : 0, end: end))
            }
            return units
        }
        for character in text {
            end += character.utf8.count
            units.append(
                Unit(
                    septets: GSM7.septets(character), utf16: character.utf16.count, isSpace: character.isWhitespace,
                    isLineBreak: character.isNewline,
                    endsSentence: ".?!:;".contains(character),
                    ascii: character.asciiValue ?? 0, end: end))
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
