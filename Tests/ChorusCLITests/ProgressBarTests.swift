import Testing

@testable import ChorusCLI

/// The export's progress bar, driven with a made-up clock.
@Suite struct ProgressBarTests {
    final class Screen {
        var written: [String] = []
        var now = Duration.zero
    }

    static func bar(on screen: Screen, terminal: Bool = true) -> ProgressBar {
        ProgressBar(unit: "responses", isTerminal: terminal, elapsed: { screen.now }) { screen.written.append($0) }
    }

    @Test func staysHiddenDuringTheFirstHalfSecond() {
        let screen = Screen()
        var bar = Self.bar(on: screen)
        screen.now = .milliseconds(400)
        bar.update(10, of: 100)
        bar.finish()
        #expect(screen.written.isEmpty)
    }

    @Test func drawsInPlaceThenErasesItself() {
        let screen = Screen()
        var bar = Self.bar(on: screen)
        screen.now = .milliseconds(600)
        bar.update(50, of: 200)
        screen.now = .milliseconds(650)
        bar.update(60, of: 200)  // too soon after the last drawing
        screen.now = .milliseconds(800)
        bar.update(200, of: 200)
        bar.finish()
        #expect(screen.written.count == 3)
        #expect(screen.written[0] == "\r\u{1B}[2K[#######-----------------------] 25%  50 of 200 responses")
        #expect(screen.written[1].contains("100%  200 of 200 responses"))
        #expect(screen.written[2] == "\r\u{1B}[2K")
    }

    @Test func drawsNothingWhenStandardErrorIsNotATerminal() {
        let screen = Screen()
        var bar = Self.bar(on: screen, terminal: false)
        screen.now = .seconds(5)
        bar.update(1, of: 2)
        bar.finish()
        #expect(screen.written.isEmpty)
    }
}
