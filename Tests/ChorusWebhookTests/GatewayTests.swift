import Foundation
import Testing

@testable import ChorusWebhook

@Suite struct GatewayTests {
    static let vectorURL = "https://mycompany.com/myapp.php?foo=1&bar=2"
    static let vectorFields = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+14158675309"), ("Digits", "1234"), ("From", "+14158675309"),
        ("To", "+18005551212"),
    ]

    static let someone = InboundSMS(messageID: "m", from: "+15551234567", to: "+15557654321", text: "")

    // Twilio's published vectors (twilio-python's request validator tests).
    @Test func twilioFormVector() {
        let fields = Self.vectorFields.map { (name: $0.0, value: $0.1) }
        #expect(
            TwilioGateway.signature(url: Self.vectorURL, fields: fields, token: "12345")
                == "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
    }

    @Test func twilioRepeatedNameVectorSortsTheValues() {
        let fields = [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")]
        #expect(
            TwilioGateway.signature(url: Self.vectorURL, fields: fields.map { ($0.0, $0.1) }, token: "12345")
                == "IK+Dwps556ElfBT0I3Rgjkr1wJU=")
    }

    @Test func twilioURLOnlyVector() {
        let url = Self.vectorURL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620"
        #expect(TwilioGateway.signature(url: url, fields: [], token: "12345") == "a9nBmqA0ju/hNViExpshrM61xv4=")
    }

    @Test func twilioChecksTheWholeFormAndAcceptsTheDefaultPortEitherWay() {
        let body = Self.vectorFields.map { "\($0.0)=\(WebhookHarness.formEncoded($0.1))" }.joined(separator: "&")
        func request(_ url: String, _ signature: String = "RSOYDt4T1cUTdK1PDd93/VVr8B8=") -> GatewayRequest {
            GatewayRequest(url: url, headers: ["x-twilio-signature": signature], body: Array(body.utf8))
        }
        let gateway = TwilioGateway()
        #expect(gateway.isAuthentic(request(Self.vectorURL), secret: "12345"))
        #expect(gateway.isAuthentic(request("https://mycompany.com:443/myapp.php?foo=1&bar=2"), secret: "12345"))
        #expect(!gateway.isAuthentic(request(Self.vectorURL), secret: "54321"))
        #expect(!gateway.isAuthentic(request("https://mycompany.com:8443/myapp.php?foo=1&bar=2"), secret: "12345"))
        #expect(!gateway.isAuthentic(request(Self.vectorURL, "RSOYDt4T1cUTdK1PDd93/VVr8B8"), secret: "12345"))
        #expect(!gateway.isAuthentic(GatewayRequest(url: Self.vectorURL, headers: [:], body: []), secret: "12345"))
    }

    @Test func twilioURLVariants() {
        #expect(
            TwilioGateway.urlVariants("https://a.example/sms") == [
                "https://a.example/sms", "https://a.example:443/sms",
            ])
        #expect(
            TwilioGateway.urlVariants("http://a.example:80?x=1") == ["http://a.example:80?x=1", "http://a.example?x=1"])
        #expect(TwilioGateway.urlVariants("http://a.example:8080/sms") == ["http://a.example:8080/sms"])
    }

    @Test func twilioReadsTheFieldsItNeeds() throws {
        let body = "ToCountry=US&MessageSid=SM5&From=%2B15551234567&To=%2B15557654321&Body=Hola+se%C3%B1or%2C+1%261"
        let inbound = try #require(
            try TwilioGateway().inbound(from: GatewayRequest(url: "", headers: [:], body: Array(body.utf8))))
        #expect(
            inbound == InboundSMS(messageID: "SM5", from: "+15551234567", to: "+15557654321", text: "Hola señor, 1&1"))
        #expect("\(inbound)" == "message SM5")
    }

    @Test func twimlEscapesAndSaysNothingWithAnEmptyResponse() {
        let gateway = TwilioGateway()
        #expect(
            gateway.reply(["Tom & Jerry's <b> \"x\"", "2\u{0}"], to: Self.someone).body
                == #"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Tom &amp; Jerry&apos;s &lt;b&gt; &quot;x&quot;</Message><Message>2</Message></Response>"#
        )
        #expect(gateway.reply([], to: Self.someone).body == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
    }

    @Test func xmlTextKeepsLineBreaksAndDropsWhatXMLCannotCarry() {
        #expect(XMLText.escaped("Pregunta 1\r\n\t1. Sí") == "Pregunta 1\r\n\t1. Sí")
        #expect(XMLText.escaped("a\u{1}b\u{1F}c\u{FFFE}d\u{FFFF}e\u{FFFD}") == "abcde\u{FFFD}")
        #expect(XMLText.escaped("") == "")
    }

    @Test func aFormBodyKeepsItsFieldsInOrderAndSkipsEmptyPairs() throws {
        let form = try FormBody(Array("a=1&&b=&c&=d&a=2+%2B&".utf8))
        #expect(form.fields.map { "\($0.name):\($0.value)" } == ["a:1", "b:", "c:", ":d", "a:2 +"])
        #expect(form["a"] == "1")
        #expect(try FormBody([]).fields.isEmpty)
        #expect(throws: WebhookError.self) { try FormBody(Array("a=%2".utf8)) }
    }

    @Test func jsonSignatureIsHexHMACSHA256OfTheRawBody() {
        // HMAC-SHA256 test case 2 of RFC 4231.
        #expect(
            JSONGateway.signature(body: Array("what do ya want for nothing?".utf8), secret: "Jefe")
                == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let request = GatewayRequest(
            url: "", headers: ["x-chorus-signature": JSONGateway.signature(body: [1, 2], secret: "s")], body: [1, 2])
        #expect(JSONGateway().isAuthentic(request, secret: "s"))
        #expect(!JSONGateway().isAuthentic(request, secret: "t"))
    }

    @Test func jsonReadsItsDocumentedBody() throws {
        let body = #"{"id": "r-1", "from": "+15551234567", "to": "+15557654321", "text": "Sí, 2"}"#
        let inbound = try #require(
            try JSONGateway().inbound(from: GatewayRequest(url: "", headers: [:], body: Array(body.utf8))))
        #expect(inbound == InboundSMS(messageID: "r-1", from: "+15551234567", to: "+15557654321", text: "Sí, 2"))
        #expect(JSONGateway().reply(["a/b \"c\""], to: Self.someone).body == #"{"messages":["a/b \"c\""]}"#)
    }
}
