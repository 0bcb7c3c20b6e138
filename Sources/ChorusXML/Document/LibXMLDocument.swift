import CLibXML2

/// A survey file parsed by libxml2 with every lenient or networked feature off.
///
/// Owns its `xmlDoc` and frees it on deinit; only this type and ``SurveySchema`` see libxml2.
final class LibXMLDocument {
    /// A problem libxml2 reported, with the element it concerns when it knows one.
    struct Problem: Error {
        var line: Int
        var column: Int
        var message: String
        var element: Int?
    }

    private let document: xmlDocPtr
    /// Names and namespace URIs by address: libxml2 interns them in its dictionary, so one
    /// Swift string per distinct name saves an allocation per element. A dictionary, not a scan:
    /// a file with a hundred thousand made-up attribute names must still be read in linear time.
    private var interned: [UnsafeRawPointer: String] = [:]

    /// Parses `bytes`, or returns the first error libxml2 found.
    ///
    /// Options: no network, no entity substitution, no DTD loading and no recovery, so a
    /// malformed or hostile file fails instead of being repaired or followed. The indentation
    /// between elements, which nothing reads, is left out of the tree, and short texts are kept
    /// inside their nodes: about half the nodes of an indented survey, whose tree is never changed.
    static func parse(_ bytes: [UInt8], name: String) -> Result<LibXMLDocument, Problem> {
        guard let context = xmlNewParserCtxt() else {
            return .failure(Problem(line: 1, column: 1, message: "cannot allocate an XML parser", element: nil))
        }
        defer { xmlFreeParserCtxt(context) }
        let collector = ProblemCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        context.pointee._private = box.toOpaque()
        context.pointee.sax.pointee.serror = { _, error in
            guard let error, let parser = error.pointee.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
                let owner = parser.pointee._private
            else { return }
            Unmanaged<ProblemCollector>.fromOpaque(owner).takeUnretainedValue().add(error)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                xmlCtxtReadMemory(context, characters.baseAddress, Int32(characters.count), name, "UTF-8", options)
            }
        }
        if let problem = collector.problems.first?.problem {
            if let document { xmlFreeDoc(document) }
            return .failure(problem)
        }
        guard let document else {
            return .failure(Problem(line: 1, column: 1, message: "not a well-formed XML document", element: nil))
        }
        return .success(LibXMLDocument(document))
    }

    private init(_ document: xmlDocPtr) {
        self.document = document
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// The whole tree as Swift values, elements numbered in document order.
    func root() -> XMLElement? {
        guard let node = xmlDocGetRootElement(document) else { return nil }
        var counter = 0
        return convert(node, counter: &counter)
    }

    /// Checks the document against the survey schema; every violation, in document order.
    func validate() -> [Problem] {
        guard let context = xmlRelaxNGNewValidCtxt(SurveySchema.compiled.pointer) else {
            return [Problem(line: 1, column: 1, message: "cannot allocate a schema validator", element: nil)]
        }
        defer { xmlRelaxNGFreeValidCtxt(context) }
        let collector = ProblemCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlRelaxNGSetValidStructuredErrors(
            context,
            { owner, error in
                guard let owner, let error else { return }
                Unmanaged<ProblemCollector>.fromOpaque(owner).takeUnretainedValue().add(error)
            },
            box.toOpaque()
        )
        _ = xmlRelaxNGValidateDoc(context, document)
        guard !collector.problems.isEmpty else { return [] }
        // Element indices by node address, so that ``SourceMap`` can place the problems.
        var indexByNode: [UnsafeMutableRawPointer: Int] = [:]
        var counter = 0
        func number(_ node: xmlNodePtr) {
            indexByNode[UnsafeMutableRawPointer(node)] = counter
            counter += 1
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { number(current) }
                child = current.pointee.next
            }
        }
        if let root = xmlDocGetRootElement(document) { number(root) }
        return collector.problems.map { problem, node in
            var problem = problem
            problem.element = node.flatMap { indexByNode[$0] }
            return problem
        }
    }

    private func convert(_ node: xmlNodePtr, counter: inout Int) -> XMLElement {
        let index = counter
        counter += 1
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let local = intern(current.pointee.name)
            let prefix = current.pointee.ns.map { intern($0.pointee.prefix) } ?? ""
            // An attribute's value is the text of its child nodes; reading them directly avoids
            // xmlNodeGetContent's allocation, which would need libxml2's global xmlFree.
            var value = ""
            var text = current.pointee.children
            while let piece = text {
                value += Self.string(piece.pointee.content)
                text = piece.pointee.next
            }
            attributes.append((prefix.isEmpty ? local : "\(prefix):\(local)", value))
            attribute = current.pointee.next
        }
        var children: [XMLElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: children.append(convert(current, counter: &counter))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // Indentation between child elements is never a text anyone reads.
                if let content = current.pointee.content, !Self.isWhitespace(content) {
                    text += Self.string(content)
                }
            default: break
            }
            child = current.pointee.next
        }
        return XMLElement(
            name: intern(node.pointee.name), namespace: node.pointee.ns.map { intern($0.pointee.href) }, index: index,
            attributes: attributes, children: children, text: text)
    }

    private func intern(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        if let known = interned[UnsafeRawPointer(pointer)] { return known }
        let string = String(cString: pointer)
        interned[UnsafeRawPointer(pointer)] = string
        return string
    }

    private static func isWhitespace(_ pointer: UnsafePointer<xmlChar>) -> Bool {
        var cursor = pointer
        while cursor.pointee != 0 {
            switch cursor.pointee {
            case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
            default: return false
            }
        }
        return true
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        string(UnsafePointer(pointer))
    }
}

/// Gathers libxml2's structured errors during one call; never shared between calls.
private final class ProblemCollector {
    var problems: [(problem: LibXMLDocument.Problem, node: UnsafeMutableRawPointer?)] = []

    func add(_ error: UnsafeMutablePointer<xmlError>) {
        guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        var message = error.pointee.message.map { String(cString: $0) } ?? "invalid XML"
        while message.last?.isWhitespace == true { message.removeLast() }
        let problem = LibXMLDocument.Problem(
            line: Int(error.pointee.line),
            column: Int(error.pointee.int2),
            message: message,
            element: nil
        )
        problems.append((problem, error.pointee.node))
    }
}
