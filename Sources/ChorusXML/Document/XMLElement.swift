/// An element of a parsed survey file, as plain Swift values.
///
/// The tree is copied out of libxml2 once so that nothing past ``LibXMLDocument`` touches C.
struct XMLElement: Sendable {
    /// Local name, without prefix.
    var name: String
    /// Namespace URI, if any.
    var namespace: String?
    /// Position in document order among all elements, the key into ``SourceMap``.
    var index: Int
    /// Attributes as written, `xml:lang` under that name.
    var attributes: [(name: String, value: String)]
    var children: [XMLElement]
    /// The element's own text and CDATA, concatenated.
    var text: String

    /// The value of attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The children called `name`, in order.
    func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// Visits this element and every descendant in document order, with each one's parent.
    func forEach(_ body: (XMLElement, XMLElement?) -> Void, parent: XMLElement? = nil) {
        body(self, parent)
        for child in children { child.forEach(body, parent: self) }
    }
}
