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
        self.encoding = text.allSatisfy { GSM7.septets($0) != nil } ? .gsm7 : .ucs2
    }

    /// Septets (GSM-7) or UTF-16 units (UCS-2).
    var length: Int { text.reduce(0) { $0 + Self.cost(of: $1, in: encoding) } }

    /// How many segments the network bills; an escape pair or a surrogate pair never straddles two.
    var segments: Int {
        if length <= encoding.singleCapacity { return 1 }
        var segments = 1
        var used = 0
        for character in text {
            let cost = Self.cost(of: character, in: encoding)
            if used + cost > encoding.partCapacity {
                segments += 1
                used = 0
            }
            used += cost
        }
        return segments
    }

    /// The text as messages of one segment each: whole when it fits one message, otherwise cut at
    /// spaces and line breaks into parts that each fit a part of a concatenated message. A word
    /// longer than a part is cut between characters, never inside one.
    var parts: [String] {
        if length <= encoding.singleCapacity { return text.isEmpty ? [] : [text] }
        let capacity = encoding.partCapacity
        var parts: [String] = []
        var rest = text[...].drop(while: \.isWhitespace)
        while !rest.isEmpty {
            var used = 0
            var end = rest.startIndex
            var lastBreak: Substring.Index?
            while end < rest.endIndex {
                let cost = Self.cost(of: rest[end], in: encoding)
                if used + cost > capacity { break }
                if rest[end].isWhitespace { lastBreak = end }
                used += cost
                end = rest.index(after: end)
            }
            if end == rest.endIndex {
                parts.append(String(rest))
                break
            }
            // Cut at the last space that fits; a character wider than a whole part still goes.
            let cut = lastBreak ?? (end == rest.startIndex ? rest.index(after: end) : end)
            parts.append(String(rest[..<cut].reversed().drop(while: \.isWhitespace).reversed()))
            rest = rest[cut...].drop(while: \.isWhitespace)
        }
        return parts
    }

    /// `text` with typographic quotes, dashes, ellipses and unusual spaces replaced by their
    /// GSM-7 equivalents, so that they alone do not force UCS-2.
    static func plain(_ text: String) -> String {
        guard text.contains(where: { GSM7.lookalikes[$0] != nil }) else { return text }
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

    private static func cost(of character: Character, in encoding: Encoding) -> Int {
        switch encoding {
        case .gsm7: GSM7.septets(character) ?? 1
        case .ucs2: character.utf16.count
        }
    }
}
