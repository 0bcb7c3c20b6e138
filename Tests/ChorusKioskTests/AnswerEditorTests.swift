import Testing

@testable import ChorusKiosk

@Suite struct AnswerEditorTests {
    @Test func twoDigitsReachChoicesPastNine() {
        var editor = AnswerEditor(kind: .pick(count: 12), plain: false)
        editor.press(.character("1"))
        #expect(editor.highlighted == 0)
        editor.press(.character("2"))
        #expect(editor.highlighted == 11)
        editor.press(.character("3"))
        #expect(editor.highlighted == 2, "123 is no choice, so 3 starts again")
        editor.press(.down)
        editor.press(.character("1"))
        #expect(editor.highlighted == 0, "another key ends the number")
    }

    @Test func aScaleIsChosenByItsOwnNumbers() {
        var editor = AnswerEditor(kind: .pick(count: 11), plain: false, firstNumber: 0)
        editor.press(.character("0"))
        #expect(editor.highlighted == 0)
        editor.press(.character("1"))
        editor.press(.character("0"))
        #expect(editor.highlighted == 10)
        editor.press(.character("9"))
        #expect(editor.choices == [9])
    }

    @Test func manyTicksMoveTheHighlightAndSpaceTicks() {
        var editor = AnswerEditor(kind: .tick(count: 10), plain: false)
        editor.press(.character("1"))
        editor.press(.character("0"))
        #expect(editor.chosen.isEmpty, "with more than nine choices a digit may be the start of a number")
        editor.press(.space)
        #expect(editor.chosen == [9])
        var few = AnswerEditor(kind: .tick(count: 3), plain: false)
        few.press(.character("2"))
        few.press(.character("3"))
        few.press(.character("2"))
        #expect(few.chosen == [2])
    }

    @Test func arrowsStopAtTheEnds() {
        var editor = AnswerEditor(kind: .pick(count: 3), plain: false)
        editor.press(.up)
        #expect(editor.highlighted == 2, "up from nothing starts at the bottom")
        editor.press(.down)
        #expect(editor.highlighted == 2)
        editor.press(.home)
        editor.press(.up)
        #expect(editor.highlighted == 0)
    }

    @Test func nothingIsChosenUntilTheRespondentChooses() {
        #expect(AnswerEditor(kind: .pick(count: 3), plain: false).choices == [])
        #expect(AnswerEditor(kind: .pick(count: 3), plain: true).choices == [])
    }
}
