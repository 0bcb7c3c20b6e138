import Testing

@testable import ChorusKiosk

@Suite struct KeyDecoderTests {
    static let table: [(String, [UInt8], [KeyEvent])] = [
        ("digit", Array("7".utf8), [.character("7")]),
        ("letters", Array("ab".utf8), [.character("a"), .character("b")]),
        ("two-byte UTF-8", Array("é".utf8), [.character("é")]),
        ("three-byte UTF-8", Array("漢".utf8), [.character("漢")]),
        ("four-byte UTF-8", Array("🙂".utf8), [.character("🙂")]),
        ("carriage return", [0x0D], [.enter]),
        ("line feed", [0x0A], [.enter]),
        ("CR LF is one Enter", [0x0D, 0x0A], [.enter]),
        ("space", [0x20], [.space]),
        ("delete as Backspace", [0x7F], [.backspace]),
        ("Ctrl-H as Backspace", [0x08], [.backspace]),
        ("tab", [0x09], [.tab]),
        ("CSI up", Array("\u{1B}[A".utf8), [.up]),
        ("CSI down", Array("\u{1B}[B".utf8), [.down]),
        ("CSI right", Array("\u{1B}[C".utf8), [.right]),
        ("CSI left", Array("\u{1B}[D".utf8), [.left]),
        ("SS3 up", Array("\u{1B}OA".utf8), [.up]),
        ("SS3 left", Array("\u{1B}OD".utf8), [.left]),
        ("Ctrl-arrow still an arrow", Array("\u{1B}[1;5C".utf8), [.right]),
        ("home and end", Array("\u{1B}[H\u{1B}[4~".utf8), [.home, .end]),
        ("page up and down", Array("\u{1B}[5~\u{1B}[6~".utf8), [.pageUp, .pageDown]),
        ("delete", Array("\u{1B}[3~".utf8), [.delete]),
        ("F1 SS3", Array("\u{1B}OP".utf8), [.function(1)]),
        ("F4 SS3", Array("\u{1B}OS".utf8), [.function(4)]),
        ("F2 VT220", Array("\u{1B}[12~".utf8), [.function(2)]),
        ("F5", Array("\u{1B}[15~".utf8), [.function(5)]),
        ("F10", Array("\u{1B}[21~".utf8), [.function(10)]),
        ("F12", Array("\u{1B}[24~".utf8), [.function(12)]),
        ("F3 Linux console", Array("\u{1B}[[C".utf8), [.function(3)]),
        ("Ctrl-C", [0x03], [.control("c")]),
        ("Ctrl-Z", [0x1A], [.control("z")]),
        ("Ctrl-\\", [0x1C], [.control("\\")]),
        ("Ctrl-X", [0x18], [.control("x")]),
        ("Ctrl-S", [0x13], [.control("s")]),
        ("escape then a key", Array("\u{1B}x".utf8), [.escape, .character("x")]),
        ("double escape", [0x1B, 0x1B, 0x5B, 0x41], [.escape, .up]),
        ("unknown CSI", Array("\u{1B}[99~".utf8), [.unknown]),
        ("invalid UTF-8 byte", [0xFF, 0x31], [.unknown, .character("1")]),
        ("cut-off UTF-8", [0xC3, 0x31], [.unknown, .character("1")]),
        ("C1 control is not text", [0xC2, 0x9B], [.unknown]),
        ("mixed", Array("1\u{1B}[B\r".utf8), [.character("1"), .down, .enter]),
    ]

    @Test(arguments: table.indices)
    func decodes(_ index: Int) {
        let (name, bytes, keys) = Self.table[index]
        var decoder = KeyDecoder()
        #expect(decoder.decode(bytes) == keys, "\(name)")
        #expect(!decoder.hasPending, "\(name)")
    }

    @Test func aLoneEscapeWaitsThenIsEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
    }

    @Test func aSequenceSplitAcrossReadsIsOneKey() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B, 0x5B]) == [])
        #expect(decoder.decode([0x41]) == [.up])
        #expect(decoder.decode([0xE6, 0xBC]) == [])
        #expect(decoder.decode([0xA2, 0x32]) == [.character("漢"), .character("2")])
    }

    @Test func pastedLineBreaksAndTabsAreTypedAsSpacesNotPressed() {
        var decoder = KeyDecoder()
        let keys = decoder.decode(Array("\u{1B}[200~a b\r\nc\td\u{18}\u{1B}[201~\r".utf8))
        #expect(
            keys == [
                .character("a"), .space, .character("b"), .space, .character("c"), .space, .character("d"), .enter,
            ])
    }

    @Test func aPasteMarkSplitAcrossReadsIsStillAMark() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("\u{1B}[20".utf8)) == [])
        #expect(decoder.decode(Array("0~x\ry\u{1B}[2".utf8)) == [.character("x"), .space, .character("y")])
        #expect(decoder.decode(Array("01~\r".utf8)) == [.enter])
    }

    @Test func anUnfinishedSequenceIsDroppedOnFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array("\u{1B}[1;".utf8)) == [])
        #expect(decoder.flush() == [.unknown])
    }

    @Test func digitsAreOnlyASCIIDigits() {
        #expect(KeyEvent.character("4").digit == 4)
        #expect(KeyEvent.character("٤").digit == nil)
        #expect(KeyEvent.character("a").digit == nil)
        #expect(KeyEvent.enter.digit == nil)
    }
}
