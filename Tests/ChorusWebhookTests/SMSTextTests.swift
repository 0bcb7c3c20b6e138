import Foundation
import Testing

@testable import ChorusWebhook

@Suite struct SMSTextTests {
    @Test(arguments: ["Hello", "¿Qué tal, señor?", "¡Ñandu! Ü ü ä Ø å ß É Ç", "@£$¥ è é ù ì ò", "line\nbreak\r\nend"])
    func gsm7Texts(_ text: String) {
        #expect(SMSText(text).encoding == .gsm7)
    }

    @Test(arguments: ["está", "sí", "ç", "¿Cuántas?", "emoji 😀", "“quoted”", "Tiếng Việt"])
    func ucs2Texts(_ text: String) {
        #expect(SMSText(text).encoding == .ucs2)
    }

    @Test func extensionCharactersTakeTwoSeptets() {
        #expect(SMSText("€").length == 2)
        #expect(SMSText("{a}").length == 5)
        #expect(SMSText("^~\\|[]").length == 12)
        #expect(SMSText("\r\n").length == 2)
        #expect(SMSText("😀").length == 2)
    }

    @Test func segmentsCount() {
        #expect(SMSText(String(repeating: "a", count: 160)).segments == 1)
        #expect(SMSText(String(repeating: "a", count: 161)).segments == 2)
        #expect(SMSText(String(repeating: "a", count: 306)).segments == 2)
        #expect(SMSText(String(repeating: "a", count: 307)).segments == 3)
        #expect(SMSText(String(repeating: "á", count: 70)).segments == 1)
        #expect(SMSText(String(repeating: "á", count: 71)).segments == 2)
        #expect(SMSText(String(repeating: "á", count: 134)).segments == 2)
        #expect(SMSText(String(repeating: "€", count: 80)).segments == 1)
        #expect(SMSText(String(repeating: "€", count: 81)).segments == 2)
    }

    @Test func anEscapePairOrASurrogatePairNeverStraddlesTwoSegments() {
        let a152 = String(repeating: "a", count: 152)
        #expect(SMSText(a152 + "€" + a152).segments == 3)
        let a66 = String(repeating: "á", count: 66)
        #expect(SMSText(a66 + "😀" + a66).segments == 3)
    }

    @Test func aTextThatFitsStaysWhole() {
        #expect(SMSText(String(repeating: "a", count: 160)).parts == [String(repeating: "a", count: 160)])
        #expect(SMSText("").parts == [])
    }

    @Test func aLongTextIsCutBetweenWords() {
        let words = (1...60).map { "word\($0)" }
        let text = words.joined(separator: " ")
        let parts = SMSText(text).parts
        #expect(parts.count == 3)
        for part in parts {
            #expect(SMSText(part).length <= 160)
            #expect(!part.hasPrefix(" ") && !part.hasSuffix(" "))
        }
        #expect(parts.joined(separator: " ") == text)
    }

    @Test func anOptionsNumberStaysWithItsLabelEvenWhenThatTakesAnotherText() {
        // A label of one long word: cut after "1)", two texts would do, and "1)" would end the first
        let label = String(repeating: "🌳", count: 34)
        let parts = SMSText("¿Qué prefiere?\n1) " + label).parts
        #expect(parts.count == 3)
        #expect(parts.first == "¿Qué prefiere?")
        #expect(parts.dropFirst().first?.hasPrefix("1) 🌳") == true)
        #expect(!parts.contains { $0.hasSuffix("1)") })
        for part in parts { #expect(SMSText(part).length <= 70) }
    }

    @Test func aLongUCS2TextIsCutWithinItsBudgetAtLineBreaks() {
        let line = "¿Cuántas personas viven en su casa?"
        let text = Array(repeating: line, count: 5).joined(separator: "\n")
        let parts = SMSText(text).parts
        // Two lines take 71 UTF-16 units, one more than a message holds.
        #expect(parts == Array(repeating: line, count: 5))
    }

    @Test func linesThatFillAUCS2TextToTheLastCharacterGoTogether() {
        // The helpers' case: 50 units, a line break, and 19 more make exactly 70
        let first = "Elija hasta 3.\n1) Otro día u horario\n2) Otro lugar"
        let third = "3) Cuidado de niños"
        #expect((first + "\n" + third).utf16.count == 70)
        let rest = "4) Transporte para llegar\n5) Comida durante la reunión"
        #expect(SMSText(first + "\n" + third + "\n" + rest).parts == [first + "\n" + third, rest])
    }

    @Test func aLineThatFillsAGSM7TextToTheLastCharacterIsNotCut() {
        let line = String(repeating: "word ", count: 31) + "last."
        #expect(line.count == 160)
        #expect(SMSText(line + " Next sentence here.").parts == [line, "Next sentence here."])
    }

    @Test func eachPartIsMeasuredInItsOwnEncoding() {
        // Given a reply whose first line has accents and whose second line, on its own, is plain
        let accented = "¿Cuántas personas viven en su casa?"
        let plain = String(repeating: "Reply with a number. ", count: 7).trimmingCharacters(in: .whitespaces)
        #expect(SMSText(accented + "\n" + plain).encoding == .ucs2)

        // Then the plain line is one whole GSM-7 message of up to 160 characters, not cut at 70
        #expect(plain.count > 140)
        #expect(SMSText(accented + "\n" + plain).parts == [accented, plain])
    }

    @Test func aPlainLineIsNotCutByTheAccentedLineAfterIt() {
        // Given a line GSM-7 carries, then one that "ó" makes UCS-2, 66 units long
        let plain = "Responda SAFE para: Prioridades de seguridad en nuestro barrio"
        let accented = "Responda LISTEN para: ¿Qué le pareció la sesión de escucha de hoy?"

        // Then each line is a message of its own, not the accented one cut after "¿Qué le"
        #expect(SMSText(plain + "\n" + accented).parts == [plain, accented])
    }

    @Test func aLineIsCutOnlyWhenItIsTooLongForOneText() {
        // Given two lines that take 83 UTF-16 units, the first less than half a UCS-2 text
        let accented = "Responda con un número del 1 al 5."
        let plain = "Responda ATRAS para volver o SALTAR para saltar."

        // Then each is a text of its own
        #expect(SMSText(accented + "\n" + plain).parts == [accented, plain])

        // And a line too long for one text is cut once, between words, with the line before it,
        // rather than cut once all the same after a text of its own for that line
        let long = Array(repeating: "¿Cuántas personas viven en su casa?", count: 3).joined(separator: " ")
        #expect(
            SMSText("Pregunta 1 de 2\n" + long).parts == [
                "Pregunta 1 de 2\n¿Cuántas personas viven en su casa? ¿Cuántas personas",
                "viven en su casa? ¿Cuántas personas viven en su casa?",
            ])
    }

    @Test func aLongLineIsCutAfterASentenceWhereThatTakesNoMoreTexts() {
        let first = "We do not give individual answers to anyone: not the police, not the city."
        let second = "Do you agree to take part, knowing you can skip most questions and stop at any time you like?"
        #expect(SMSText(first + " " + second).parts == [first, second])
    }

    @Test func aNumberedOptionIsNotCutFromItsNumber() {
        let lines = [
            "Question 3 of 9", "How did you hear about this survey?", "1) From a friend, neighbor or family",
            "2) At the library", "3) From a community group", "4) On social media", "5) Prefer not to say",
            "Reply with the number of your answer.",
        ]
        let parts = SMSText(lines.joined(separator: "\n")).parts
        #expect(parts.count == 2)
        for part in parts {
            #expect(SMSText(part).length <= 160)
            for line in part.split(separator: "\n") { #expect(lines.contains(String(line)), "cut inside: \(line)") }
        }
    }

    @Test func aWordLongerThanAPartIsCutBetweenCharacters() {
        let parts = SMSText(String(repeating: "😀", count: 40)).parts
        #expect(parts.map(\.count) == [35, 5])
        #expect(parts.joined() == String(repeating: "😀", count: 40))
    }

    @Test func typographicPunctuationBecomesGSM7() {
        let plain = SMSText.plain("It’s “fine” — really…\u{00A0}ok")
        #expect(plain == "It's \"fine\" - really... ok")
        #expect(SMSText(plain).encoding == .gsm7)
    }

    @Test func aMessageKeptIsCutAsItWouldBeAnewAndAFullMemoryStartsOver() {
        let parts = MessageParts(capacity: 2)
        let long = String(repeating: "Which of these matter most to you? ", count: 12) + "“Choose” three."
        for message in [long, long, "Thanks!", "¿Qué?", long] {
            #expect(parts[message] == SMSText(SMSText.plain(message)).parts)
        }
        #expect(parts[long].count > 1)
    }
}
