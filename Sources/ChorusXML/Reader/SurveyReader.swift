public import ChorusCore

/// Reads survey files strictly and reports every problem at once, each at its line and column.
public struct SurveyReader: Sendable {
    /// The namespace every survey's root element must be in.
    public static let namespace = "urn:chorus:survey:1"

    /// Creates a reader.
    public init() {}

    /// Reads and checks the survey at `path`.
    ///
    /// - Throws: ``SurveyReadError/cannotOpen(file:reason:)`` or ``SurveyReadError/invalid(_:)``.
    public func read(file path: String) throws(SurveyReadError) -> Survey {
        try readWithSource(file: path).survey
    }

    /// Reads and checks the survey at `path`, returning the exact bytes that were checked too, so
    /// that what is recorded about the survey (its content hash) is what was run.
    public func readWithSource(file path: String) throws(SurveyReadError) -> (survey: Survey, source: [UInt8]) {
        switch SurveyFile.read(path) {
        case .success(let bytes):
            return (try read(bytes, file: path), bytes)
        case .failure(.cannotOpen(let reason)):
            throw .cannotOpen(file: path, reason: reason)
        case .failure(.tooLarge(let size)):
            let megabytes = SourceText.maximumSize / 1_048_576
            let message = "file is \(size / 1_048_576 + 1) MB; a survey may be at most \(megabytes) MB"
            throw .invalid([Diagnostic(file: path, position: .start, message: message)])
        }
    }

    /// Checks `bytes` as the contents of a survey file called `file`.
    public func read(_ bytes: [UInt8], file: String) throws(SurveyReadError) -> Survey {
        func fail(_ position: SourcePosition, _ message: String) -> SurveyReadError {
            .invalid([Diagnostic(file: file, position: position, message: message)])
        }
        guard bytes.count <= SourceText.maximumSize else { throw fail(.start, "file is too large for a survey") }
        if let (position, message) = SourceText.check(bytes) { throw fail(position, message) }
        // Only a problem needs a line and column: a valid survey never scans for them.
        lazy var map = SourceMap(bytes)
        // libxml2's tree is freed here, before the survey is built, which then reuses its memory
        // instead of touching as much again.
        let (root, schemaProblems) = try { () throws(SurveyReadError) in
            let document: LibXMLDocument
            switch LibXMLDocument.parse(bytes, name: file) {
            case .success(let parsed): document = parsed
            case .failure(let problem):
                let position = SourcePosition(line: max(problem.line, 1), column: max(problem.column, 1))
                if LibXMLMessages.isLessThanInValue(problem.message),
                    let (name, opening) = RunawayValue.opening(in: bytes, line: position.line, column: position.column)
                {
                    throw fail(
                        opening,
                        "the value of \(name) has no closing quote, so the lines after it are read as part of it")
                }
                throw fail(position, LibXMLMessages.parser(problem.message))
            }
            guard let root = document.root() else { throw fail(.start, "no root element") }
            if let message = Self.rootProblem(root) { throw fail(map.position(element: 0), message) }
            return (root, document.validate())
        }()

        // Only a schema problem's message needs an element's parent: a valid survey skips this.
        var parents: [Int: XMLElement] = [:]
        if !schemaProblems.isEmpty { root.forEach { element, parent in parents[element.index] = parent } }
        let known = Array(SurveyBuilder.textElements) + SurveyBuilder.childOrder.keys + ["phrase"]
        var diagnostics: [Diagnostic] = []
        // Said only when nothing more precise is: it names no cause.
        var vague: [Diagnostic] = []
        // Complaints that a known child is out of order, by the element it is in.
        var misplacedIn: [(parent: Int, diagnostic: Diagnostic)] = []
        var reportedLines = Set<Int>()
        var builder = SurveyBuilder()
        for problem in schemaProblems {
            let parent = problem.element.flatMap { parents[$0] }
            guard let message = LibXMLMessages.schema(problem.message, parent: parent?.name, known: known) else {
                continue
            }
            let position =
                problem.element.map { map.position(element: $0) }
                ?? SourcePosition(line: max(problem.line, 1), column: max(problem.column, 1))
            if LibXMLMessages.isVague(problem.message) {
                vague.append(Diagnostic(file: file, position: position, message: message))
                continue
            }
            if let parent, let meant = LibXMLMessages.meant(problem.message, known: known) {
                builder.misspelledIn[parent.index, default: []].insert(meant)
            }
            // libxml2 often says the same thing twice about one element; once is enough.
            guard reportedLines.insert(position.line).inserted else { continue }
            let diagnostic = Diagnostic(file: file, position: position, message: message)
            if let parent, let misplaced = LibXMLMessages.misplacedElement(problem.message), known.contains(misplaced) {
                misplacedIn.append((parent.index, diagnostic))
            } else {
                diagnostics.append(diagnostic)
            }
        }
        let survey = builder.build(root)
        builder.checkAttributes(root)
        // Without <consent>, the schema finds the first <question> where consent belongs.
        diagnostics += misplacedIn.filter { !builder.missingTextIn.contains($0.parent) }.map(\.diagnostic)
        for problem in builder.problems {
            let position =
                problem.offset.map {
                    map.position(element: problem.element, attribute: problem.attribute!, valueOffset: $0)
                }
                ?? map.position(element: problem.element, attribute: problem.attribute)
            diagnostics.append(Diagnostic(file: file, position: position, message: problem.message))
        }
        if let survey {
            for problem in survey.problems(ignoringReferencesTo: builder.unbuiltQuestionIDs) {
                let anchor = builder.anchor(for: problem.location)
                let element = anchor?.element ?? 0
                let position =
                    if let offset = problem.offset, let attribute = anchor?.attribute {
                        map.position(element: element, attribute: attribute, valueOffset: offset)
                    } else {
                        map.position(element: element, attribute: anchor?.attribute)
                    }
                diagnostics.append(Diagnostic(file: file, position: position, message: problem.message))
            }
        }
        if diagnostics.isEmpty { diagnostics = vague }
        guard let survey, diagnostics.isEmpty else {
            var seen = Set<Diagnostic>()
            let unique = diagnostics.filter { seen.insert($0).inserted }
            throw .invalid(unique.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return survey
    }

    private static func rootProblem(_ root: XMLElement) -> String? {
        if root.name == "html" || root.namespace == "http://www.w3.org/2002/xforms" {
            return "this looks like an ODK XForm; Chorus reads its own survey format (see chorus-survey(5))"
        }
        guard root.name == "survey" else {
            return "root element is <\(root.name)>; a survey starts with <survey xmlns=\"\(namespace)\">"
        }
        guard let found = root.namespace else {
            return "<survey> has no namespace; add xmlns=\"\(namespace)\""
        }
        guard found == namespace else {
            return "<survey> is in namespace '\(found)'; expected xmlns=\"\(namespace)\""
        }
        return nil
    }
}

extension SurveyReader {
    /// The RELAX NG schema every survey is checked against, for editors that validate as you type.
    public static var schema: String { SurveySchema.relaxNG }
}
