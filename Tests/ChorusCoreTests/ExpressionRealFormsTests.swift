import Foundation
import Testing

@testable import ChorusCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every `relevant`, `constraint` and `calculate` in the Enketo test forms (Fixtures/xforms/SOURCE.md).
struct ExpressionRealFormsTests {
    struct Tally: CustomStringConvertible {
        var total = 0
        var parsed = 0
        var evaluated = 0
        /// Expressions refused because they call a function Chorus does not evaluate, by function.
        var refusedByFunction: [String: Int] = [:]

        var description: String {
            let refused = refusedByFunction.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return "\(total) expressions: \(parsed) parsed (\(evaluated) of them evaluate with no answers), "
                + "\(total - parsed) refused (\(refused.joined(separator: ", ")))"
        }
    }

    @Test func everyExpressionInTheODKFormsParsesOrNamesTheFunctionItRefuses() throws {
        let forms = try Self.forms()
        try #require(forms.count == 85)
        var tally = Tally()
        let context = EvaluationContext(answers: [:], currentValue: "", today: testToday)
        for form in forms {
            for source in try Self.expressions(in: form) {
                tally.total += 1
                do {
                    let expression = try Expression(parsing: source)
                    tally.parsed += 1
                    // Evaluation may refuse paths Chorus cannot follow, but must not trap.
                    if (try? expression.evaluate(in: context)) != nil {
                        tally.evaluated += 1
                    }
                } catch {
                    guard let function = Self.refusedFunction(error), source.contains(function) else {
                        Issue.record("\(form.lastPathComponent): \(source): \(error.offset): \(error.message)")
                        continue
                    }
                    tally.refusedByFunction[function, default: 0] += 1
                }
            }
        }
        print("ODK fixture expressions: \(tally)")
        #expect(tally.total == 901)
        #expect(tally.parsed == 791)
    }

    /// The function a parse error refuses, when that is why the expression was refused.
    private static func refusedFunction(_ error: ExpressionError) -> String? {
        for prefix in ["function '", "unknown function '"] where error.message.hasPrefix(prefix) {
            return error.message.dropFirst(prefix.count).split(separator: "'").first.map(String.init)
        }
        return nil
    }

    private static func forms() throws -> [URL] {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures/xforms/enketo-core", withExtension: nil))
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "xml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func expressions(in form: URL) throws -> [String] {
        let parser = try #require(XMLParser(contentsOf: form))
        let collector = AttributeCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(form.lastPathComponent): \(String(describing: parser.parserError))")
        return collector.values
    }
}

/// Collects the expression attributes of every element, in document order.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    private static let names = ["calculate", "constraint", "relevant"]
    var values: [String] = []

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        values.append(contentsOf: Self.names.compactMap { attributes[$0] })
    }
}
