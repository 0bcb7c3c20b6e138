import Testing

@testable import ChorusCore

struct ExpressionExplanationTests {
    @Test(arguments: [
        ("selected(concerns, 'traffic')", "concerns includes “traffic”", "concerns incluye «traffic»"),
        ("safe-at-night <= 2", "safe-at-night is at most 2", "safe-at-night es como máximo 2"),
        ("${age} >= 18", "age is at least 18", "age es como mínimo 18"),
        ("age < 18", "age is less than 18", "age es menor que 18"),
        ("age > 17", "age is more than 17", "age es mayor que 17"),
        ("area = 'north'", "area is “north”", "area es «north»"),
        ("area != 'north'", "area is not “north”", "area no es «north»"),
        ("/data/area = 'north'", "area is “north”", "area es «north»"),
        (
            "count-selected(x) > 1", "the number of choices in x is more than 1",
            "el número de opciones elegidas en x es mayor que 1"
        ),
        ("not(selected(concerns, 'noise'))", "concerns does not include “noise”", "concerns no incluye «noise»"),
        ("not(a = 'b')", "not (a is “b”)", "no (a es «b»)"),
        ("consent", "consent is answered", "consent tiene respuesta"),
        ("not(consent)", "consent is not answered", "consent no tiene respuesta"),
        ("feel-night != ''", "feel-night is answered", "feel-night tiene respuesta"),
        ("${area} = ''", "area is not answered", "area no tiene respuesta"),
        ("not(contains(., '@'))", "this answer does not contain “@”", "esta respuesta no contiene «@»"),
        ("contains(ideas, 'bus')", "ideas contains “bus”", "ideas contiene «bus»"),
        ("a = 1 and b = 2", "a is 1 and b is 2", "a es 1 y b es 2"),
        // Readers of prose do not know that `and` binds tighter, so mixed connectives get parentheses.
        ("a = 1 or b = 2 and c = 3", "a is 1 or (b is 2 and c is 3)", "a es 1 o (b es 2 y c es 3)"),
        ("(a = 1 or b = 2) and c = 3", "(a is 1 or b is 2) and c is 3", "(a es 1 o b es 2) y c es 3"),
        (". >= today()", "this answer is at least today", "esta respuesta es como mínimo hoy"),
        (
            "string-length(.) <= 480", "the length of this answer is at most 480",
            "la longitud de esta respuesta es como máximo 480"
        ),
        ("string-length(concat(a, b)) > 1", "string-length(concat(a, b)) > 1", "string-length(concat(a, b)) > 1"),
        (
            "string-length(ideas) <= 480", "the length of ideas is at most 480",
            "la longitud de ideas es como máximo 480"
        ),
        ("int(age)  >  3 and selected(c,'x')", "int(age) > 3 and c includes “x”", "int(age) > 3 y c incluye «x»"),
        ("if(a, 1, 2)", "if(a, 1, 2)", "if(a, 1, 2)"),
    ])
    func conditionsReadAsSentences(source: String, english: String, spanish: String) throws {
        let expression = try Expression(parsing: source)
        #expect(expression.explained(language: "en") == english)
        #expect(expression.explained(language: "es") == spanish)
    }

    @Test func otherLanguagesFallBackToEnglish() throws {
        let expression = try Expression(parsing: "area = 'north'")
        #expect(expression.explained(language: "fr") == "area is “north”")
        #expect(expression.explained(language: "es-MX") == "area es «north»")
    }
}
