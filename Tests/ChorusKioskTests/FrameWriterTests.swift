import Testing

@testable import ChorusKiosk

@Suite struct FrameWriterTests {
    @Test func firstFrameIsDrawnWholeAfterClearing() {
        let bytes = FrameWriter.update(from: nil, to: ["ab", "", "c"], columns: 10)
        #expect(bytes == "\u{1B}[0m\u{1B}[H\u{1B}[2J\u{1B}[1;1H\u{1B}[0mab\u{1B}[3;1Hc")
    }

    @Test func onlyChangedCellsAreWritten() {
        let bytes = FrameWriter.update(from: ["hello world", "same"], to: ["hello there", "same"], columns: 20)
        #expect(bytes == "\u{1B}[1;7H\u{1B}[0mthere")
    }

    @Test func runsAFewCellsApartAreJoined() {
        let bytes = FrameWriter.update(from: ["a-b-c"], to: ["x-y-z"], columns: 10)
        #expect(bytes == "\u{1B}[1;1H\u{1B}[0mx-y-z")
    }

    @Test func distantChangesAreSeparateRuns() {
        let old = "a" + String(repeating: " ", count: 20) + "b"
        let new = "x" + String(repeating: " ", count: 20) + "y"
        let bytes = FrameWriter.update(from: [old], to: [new], columns: 30)
        #expect(bytes == "\u{1B}[1;1H\u{1B}[0mx\u{1B}[1;22Hy")
    }

    @Test func nothingChangedWritesNothing() {
        #expect(FrameWriter.update(from: ["a", "b"], to: ["a", "b"], columns: 5) == "")
    }

    @Test func shorterLinesAreBlankedToTheEnd() {
        #expect(FrameWriter.update(from: ["abc"], to: ["a"], columns: 5) == "\u{1B}[1;2H\u{1B}[0m  ")
    }

    @Test func aWideCharacterIsRewrittenWhole() {
        // The second half of 漢 changed to nothing: the write starts at its first half.
        let bytes = FrameWriter.update(from: ["a漢b"], to: ["a字b"], columns: 6)
        #expect(bytes == "\u{1B}[1;2H\u{1B}[0m字")
        let narrower = FrameWriter.update(from: ["漢"], to: ["ab"], columns: 4)
        #expect(narrower == "\u{1B}[1;1H\u{1B}[0mab")
    }

    @Test func stylesAreCellsToo() {
        let bold = Style.bold.apply("a")
        #expect(FrameWriter.update(from: ["a"], to: [bold], columns: 2) == "\u{1B}[1;1H\u{1B}[0;1ma")
        let cells = FrameWriter.cells(of: "x" + Style.reverse.apply("yz") + "é", columns: 5)
        #expect(cells.map(\.style) == [[], .reverse, .reverse, [], []])
        #expect(cells.map(\.text) == ["x", "y", "z", "é", " "])
    }

    @Test func combiningMarksStayWithTheirCharacter() {
        let cells = FrameWriter.cells(of: "ne\u{303}", columns: 3)
        #expect(cells.map(\.text) == ["n", "e\u{303}", " "])
    }

    @Test func movingTheHighlightWritesAFractionOfTheFrame() {
        var kiosk = KioskDriver()
        kiosk.startInEnglish()
        kiosk.press(.down)
        let before = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        kiosk.press(.down)
        let after = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        let whole = FrameWriter.update(from: nil, to: after, columns: 80).utf8.count
        let change = FrameWriter.update(from: before, to: after, columns: 80).utf8.count
        #expect(change * 10 < whole, "\(change) bytes for a highlight move, \(whole) for the frame")
    }

    @Test func typingOneCharacterWritesAFewBytes() {
        var kiosk = KioskDriver()
        kiosk.reach("household")
        // The first character also takes back and skip out of the key legend.
        kiosk.type("1")
        let before = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        kiosk.type("7")
        let after = ScreenRenderer.render(kiosk.screen, size: .minimum, plain: false)
        #expect(FrameWriter.update(from: before, to: after, columns: 80).utf8.count < 40)
    }

    @Test func painterRedrawsWholeAfterAResizeAndClearsForANewRespondent() {
        var painter = ScreenPainter(plain: false)
        let kiosk = KioskDriver()
        let first = painter.paint(kiosk.screen, size: .minimum)
        #expect(first.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        #expect(painter.paint(kiosk.screen, size: .minimum) == "")
        let wider = painter.paint(kiosk.screen, size: TerminalSize(rows: 24, columns: 100))
        #expect(wider.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        painter.invalidate()
        #expect(painter.paint(kiosk.screen, size: TerminalSize(rows: 24, columns: 100)).hasPrefix("\u{1B}[0m\u{1B}[H"))
        let next = painter.paint(kiosk.screen, size: .minimum, respondent: 1)
        #expect(next.hasPrefix(Terminal.clearAll), "scrollback cleared")
        #expect(Terminal.clearAll.contains("\u{1B}[3J") && Terminal.clearAll.contains("\u{1B}[2J"))
    }
}
