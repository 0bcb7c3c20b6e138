/// An element of a parsed survey file, as plain Swift values.
///
/// The tree is copied out of libxml2 once so that nothing past ``LibXMLDocument`` touches C.
/// A class, because the builder passes elements around constantly and a struct copy would retain
/// every array and string inside it each time; immutable, so that reading a property needs no
/// exclusivity check.
final class XMLElement {
    /// Local name, without prefix.
    let name: String
    /// Namespace URI, if any.
    let namespace: String?
    /// Position in document order among all elements, the key into ``SourceMap``.
    let index: Int
    /// Attributes as written, `xml:lang` under that name.
    let attributes: [(name: String, value: String)]
    let children: [XMLElement]
    /// The element's own text and CDATA, concatenated.
    let text: String

    init(
        name: String, namespace: String?, index: Int, attributes: [(name: String, value: String)],
        children: [XMLElement], text: String
    ) {
        self.name = name
        self.namespace = namespace
        self.index = index
        self.attributes = attributes
        self.children = children
        self.text = text
    }

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
