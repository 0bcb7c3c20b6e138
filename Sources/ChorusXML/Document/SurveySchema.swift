import CLibXML2

/// The structure of a Chorus survey as a RELAX NG schema, compiled into the tool so that
/// `chorus` works wherever its binary is copied (`chorus validate --print-schema` writes it out).
enum SurveySchema {
    static let relaxNG = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
          Structure of a Chorus survey (urn:chorus:survey:1), documented in chorus-survey(5).
          This schema fixes which elements and attributes exist and where; the meaning of their
          values (question types, ranges, ids, translations, expressions) is checked by Chorus itself,
          which can name the offending value in its messages.
        -->
        <grammar xmlns="http://relaxng.org/ns/structure/1.0"
                 ns="urn:chorus:survey:1"
                 datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
          <start>
            <element name="survey">
              <attribute name="id"><text/></attribute>
              <attribute name="version"><text/></attribute>
              <attribute name="languages"><text/></attribute>
              <optional><attribute name="sms-keyword"><text/></attribute></optional>
              <oneOrMore><ref name="title"/></oneOrMore>
              <zeroOrMore><ref name="intro"/></zeroOrMore>
              <oneOrMore><ref name="consent"/></oneOrMore>
              <oneOrMore><ref name="question"/></oneOrMore>
              <zeroOrMore><ref name="closing"/></zeroOrMore>
              <zeroOrMore><ref name="phrase"/></zeroOrMore>
            </element>
          </start>

          <define name="localized">
            <attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"><text/></attribute>
            <text/>
          </define>

          <define name="title"><element name="title"><ref name="localized"/></element></define>
          <define name="intro"><element name="intro"><ref name="localized"/></element></define>
          <define name="consent"><element name="consent"><ref name="localized"/></element></define>
          <define name="closing"><element name="closing"><ref name="localized"/></element></define>
          <define name="phrase">
            <element name="phrase">
              <attribute name="key"><text/></attribute>
              <ref name="localized"/>
            </element>
          </define>

          <define name="question">
            <element name="question">
              <attribute name="id"><text/></attribute>
              <attribute name="type"><text/></attribute>
              <optional><attribute name="required"><text/></attribute></optional>
              <optional><attribute name="quasi-identifier"><text/></attribute></optional>
              <optional><attribute name="show-if"><text/></attribute></optional>
              <optional><attribute name="min"><text/></attribute></optional>
              <optional><attribute name="max"><text/></attribute></optional>
              <optional><attribute name="picks"><text/></attribute></optional>
              <optional><attribute name="decimals"><text/></attribute></optional>
              <optional><attribute name="max-length"><text/></attribute></optional>
              <oneOrMore><element name="prompt"><ref name="localized"/></element></oneOrMore>
              <zeroOrMore><element name="hint"><ref name="localized"/></element></zeroOrMore>
              <zeroOrMore><element name="min-label"><ref name="localized"/></element></zeroOrMore>
              <zeroOrMore><element name="max-label"><ref name="localized"/></element></zeroOrMore>
              <zeroOrMore>
                <element name="option">
                  <attribute name="value"><text/></attribute>
                  <oneOrMore><element name="label"><ref name="localized"/></element></oneOrMore>
                </element>
              </zeroOrMore>
              <zeroOrMore>
                <element name="constraint">
                  <attribute name="test"><text/></attribute>
                  <oneOrMore><element name="message"><ref name="localized"/></element></oneOrMore>
                </element>
              </zeroOrMore>
            </element>
          </define>
        </grammar>
        """
}

extension SurveySchema {
    /// The schema compiled once per process. libxml2 only reads a compiled RELAX NG schema while
    /// validating, and each validation has its own context, so sharing it between threads is safe.
    final class Compiled: @unchecked Sendable {
        let pointer: xmlRelaxNGPtr

        init() {
            // libxml2 keeps a pointer to the buffer rather than a copy, so parse inside the closure.
            let schema: xmlRelaxNGPtr? = relaxNG.utf8CString.withUnsafeBufferPointer { buffer in
                guard let parser = xmlRelaxNGNewMemParserCtxt(buffer.baseAddress, Int32(buffer.count - 1)) else {
                    return nil
                }
                defer { xmlRelaxNGFreeParserCtxt(parser) }
                return xmlRelaxNGParse(parser)
            }
            guard let schema else { preconditionFailure("the built-in survey schema does not compile") }
            pointer = schema
        }
    }

    static let compiled = Compiled()
}
