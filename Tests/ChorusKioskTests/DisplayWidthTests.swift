import Testing

@testable import ChorusKiosk

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("", 0),
        ("é", 1),  // precomposed
        ("e\u{301}", 1),  // e and a combining acute accent
        ("niño", 4),
        ("漢字", 4),
        ("ｶﾀｶﾅ", 4),  // halfwidth katakana
        ("ＡＢ", 4),  // fullwidth Latin
        ("한국어", 6),
        ("\u{1100}\u{1161}\u{11A8}", 2),  // a Hangul syllable from its parts
        ("🙂", 2),
        ("👩‍👩‍👧", 2),  // joined by ZERO WIDTH JOINER
        ("❤️", 2),  // with VARIATION SELECTOR-16
        ("🇲🇽", 2),  // a flag
        ("a\u{200B}b", 2),  // ZERO WIDTH SPACE
        ("\u{1B}[1mbold\u{1B}[0m", 4),  // styles take no columns
    ])
    func width(_ text: String, _ columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func tableIsSortedAndDisjoint() {
        for (earlier, later) in zip(DisplayWidth.wide, DisplayWidth.wide.dropFirst()) {
            #expect(earlier.upperBound < later.lowerBound)
        }
    }

    @Test func wrapsAtWordsByDisplayWidth() {
        #expect(TextLayout.wrap("uno dos tres cuatro", width: 8) == ["uno dos", "tres", "cuatro"])
        // Each CJK character takes two columns: three fit in 7, never half of a fourth.
        #expect(TextLayout.wrap("漢字漢字漢字", width: 7) == ["漢字漢", "字漢字"])
        #expect(TextLayout.wrap("¿Qué tan seguro se siente?", width: 10) == ["¿Qué tan", "seguro se", "siente?"])
    }

    @Test func paragraphsAreSeparatedByABlankLine() {
        #expect(TextLayout.wrap("One.\nTwo.", width: 20) == ["One.", "", "Two."])
        #expect(TextLayout.wrap("", width: 20) == [""])
    }

    @Test func controlCharactersNeverReachTheTerminal() {
        #expect(TextLayout.sanitized("a\u{1B}[2Jb\u{9B}c") == "a [2Jb c")
        #expect(TextLayout.wrap("x\u{1B}]0;owned\u{7}y", width: 40) == ["x ]0;owned y"])
    }

    @Test func truncatesAndPadsByColumns() {
        #expect(TextLayout.truncated("漢字漢字", width: 5) == "漢字")
        #expect(TextLayout.padded("漢字", width: 6) == "漢字  ")
    }
}
