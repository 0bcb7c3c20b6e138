/// The GSM 7-bit default alphabet (3GPP TS 23.038), which lets an SMS carry 160 characters
/// instead of the 70 of UCS-2.
enum GSM7 {
    /// The basic table: one septet each. Line feed and carriage return are in it; so are `ñ`, `Ñ`,
    /// `¿`, `¡`, `é` and `ü`, but not `á`, `í`, `ó`, `ú` or `ç`.
    static let basic: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")

    /// The extension table, reached through an escape: two septets each.
    static let extended: Set<Character> = Set("^{}\\[~]|€\u{0C}")

    /// Septets `character` takes, or `nil` when the alphabet lacks it.
    static func septets(_ character: Character) -> Int? {
        if basic.contains(character) { return 1 }
        if extended.contains(character) { return 2 }
        // "\r\n" is one Character in Swift but two septets on the air.
        guard character.unicodeScalars.count > 1 else { return nil }
        var total = 0
        for scalar in character.unicodeScalars {
            guard let septets = septets(Character(scalar)), septets > 0 else { return nil }
            total += septets
        }
        return total
    }

    /// Typographic characters with a plain equivalent in the alphabet, as gateways' "smart
    /// encoding" swaps them: one curly quote would otherwise turn a whole message into UCS-2.
    static let lookalikes: [Character: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{00AB}": "\"", "\u{00BB}": "\"",
        "\u{2013}": "-", "\u{2014}": "-", "\u{2012}": "-", "\u{2212}": "-",
        "\u{2026}": "...", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ",
    ]
}
