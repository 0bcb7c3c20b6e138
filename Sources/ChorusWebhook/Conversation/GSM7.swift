/// The GSM 7-bit default alphabet (3GPP TS 23.038), which lets an SMS carry 160 characters
/// instead of the 70 of UCS-2.
enum GSM7 {
    /// The basic table: one septet each. Line feed and carriage return are in it; so are `ñ`, `Ñ`,
    /// `¿`, `¡`, `é` and `ü`, but not `á`, `í`, `ó`, `ú` or `ç`.
    static let basic: Set<Character> = Set(basicTable)

    /// The extension table, reached through an escape: two septets each.
    static let extended: Set<Character> = Set(extendedTable)

    private static let basicTable =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
        + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    private static let extendedTable = "^{}\\[~]|€\u{0C}"

    /// Septets by scalar value below U+0400, where all but the euro sign of both tables are; 0 for
    /// a scalar the alphabet lacks. Every reply is measured character by character, and an array
    /// answers far quicker than a set of characters, which compares them canonically.
    private static let septetsBelow0400: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x400)
        for scalar in basicTable.unicodeScalars { table[Int(scalar.value)] = 1 }
        for scalar in extendedTable.unicodeScalars where scalar.value < 0x400 { table[Int(scalar.value)] = 2 }
        return table
    }()

    /// Septets a scalar below U+0400 takes on its own, or `nil` when the alphabet lacks it or it
    /// is not below U+0400.
    static func septets(latin scalar: Unicode.Scalar) -> Int? {
        guard scalar.value < 0x400 else { return nil }
        let septets = septetsBelow0400[Int(scalar.value)]
        return septets == 0 ? nil : Int(septets)
    }

    /// Septets `character` takes, or `nil` when the alphabet lacks it.
    static func septets(_ character: Character) -> Int? {
        var scalars = character.unicodeScalars.makeIterator()
        if let scalar = scalars.next(), scalars.next() == nil, let septets = septets(latin: scalar) {
            return septets
        }
        // Compared as characters: U+2126 OHM SIGN is Ω, and a letter with a combining mark may be é.
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

    /// The scalars of ``lookalikes``, to look for them without comparing characters.
    static let lookalikeScalars = Set(lookalikes.keys.flatMap(\.unicodeScalars))
}
