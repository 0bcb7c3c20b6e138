import ChorusCore
import Foundation

/// A text message as the conversation reads it: forgiving of case, accents, spacing and the
/// punctuation phones and people add ("Yes.", " 2.", "1, 3", "Sí!").
struct SMSReply {
    /// The message as received, only trimmed; a free-text answer is taken as this.
    let text: String
    /// Folded (lowercase, no accents), with surrounding punctuation and spaces removed.
    let folded: String
    /// Letters and digits only, folded: what keywords are compared with, so "Opt-out" and
    /// "stop all" match OPTOUT and STOPALL but "stop the violence" matches nothing.
    let keyword: String
    /// Runs of letters and digits, folded, in order.
    let tokens: [String]

    init(_ message: String) {
        text = Self.trimmed(message)
        folded = Self.trimmed(Self.fold(message), also: Self.isPunctuation)
        keyword = String(folded.filter { $0.isLetter || $0.isNumber })
        tokens = folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether the message is one of `words` (compared as keywords).
    func isOne(of words: Set<String>) -> Bool {
        !keyword.isEmpty && words.contains(keyword)
    }

    /// The numbers of the message when it is only numbers, separated by spaces, commas or "and",
    /// perhaps after "option" ("1,3", "1 3", "1 y 3", " 2.", "opción 2"); `nil` for anything else.
    /// Numbers written out ("two", "dos y tres") count only when `spelledOut`, so that an option
    /// labeled "One" can be checked for first.
    func numbers(spelledOut: Bool = false) -> [Int]? {
        let words = tokens.filter { !Self.fillers.contains($0) }
        guard !words.isEmpty, folded.allSatisfy({ $0.isNumber || $0.isLetter || " ,;.&+/".contains($0) }) else {
            return nil
        }
        var numbers: [Int] = []
        for word in words {
            let spelled = spelledOut ? Self.numberWords[word] : nil
            guard let number = spelled ?? (word.allSatisfy(\.isASCII) ? Int(word) : nil) else { return nil }
            numbers.append(number)
        }
        return numbers
    }

    /// Numbers as people write them out, in English and Spanish: up to ten, as far as options and
    /// scales usually go. "Once" (eleven) is left out, being an English word too.
    private static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "cero": 0, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    ]

    /// Words around option numbers that say nothing more.
    private static let fillers: Set<String> = [
        "and", "y", "e", "option", "options", "opcion", "opciones", "number", "numbers", "numero", "numeros",
    ]

    /// The number the message starts with and what follows it, as in "2) South side" copied from
    /// a question's options, or "2"; `nil` when it does not start with a number.
    var numbered: (number: Int, rest: SMSReply)? {
        let digits = folded.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits) else { return nil }
        return (number, SMSReply(String(folded.dropFirst(digits.count))))
    }

    /// The message as one number, read as ``Answer/typedNumber(_:)`` reads it at a kiosk, or
    /// `nil`; written out too ("three") when `spelledOut`.
    func number(spelledOut: Bool = false) -> Double? {
        if spelledOut, let word = Self.numberWords[folded] { return Double(word) }
        return Answer.typedNumber(folded)
    }

    /// `text` folded for comparison: lowercase, accents removed, spaces collapsed.
    static func fold(_ text: String) -> String {
        // Plain ASCII, as most replies are, has no accents or widths to fold.
        let folded =
            text.utf8.allSatisfy { $0 < 0x80 }
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Punctuation and symbols around a reply, except the signs of a number.
    private static func isPunctuation(_ character: Character) -> Bool {
        (character.isPunctuation || character.isSymbol) && character != "+" && character != "-"
    }

    private static func trimmed(_ text: String, also extra: (Character) -> Bool = { _ in false }) -> String {
        func drop(_ character: Character) -> Bool { character.isWhitespace || extra(character) }
        guard let first = text.firstIndex(where: { !drop($0) }), let last = text.lastIndex(where: { !drop($0) })
        else { return "" }
        return String(text[first...last])
    }
}
