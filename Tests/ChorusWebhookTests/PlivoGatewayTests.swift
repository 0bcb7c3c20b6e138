import Foundation
import Testing

@testable import ChorusWebhook

@Suite struct PlivoGatewayTests {
    // Made once with Plivo's own Python SDK (plivo.utils: construct_post_url and get_signature_v3
    // for V3, validate_signature for V2), independently of this code.
    static let token = "MAXXXXXXXXXXXXXXXXXX-token"
    static let url = "https://sms.example.org/sms/plivo?site=3&b=x+y"
    static let nonce = "05429567804466091622"
    static let fields = [
        ("From", "14155550100"), ("To", "14155550199"), ("Text", "Yes, 2"), ("Type", "sms"),
        ("MessageUUID", "2a4b0f1e-1111-2222-3333-444455556666"), ("Units", "1"),
    ]
    static let v3 = "OIPcOr5Hdi/tRif2V0a64Nf+/RpRi3YStfDzhc07lts="
    static let v2 = "z0Sl8Ni6VsuyjNSNPR1X1PmVDamyVmurGNb8jf5wMkQ="

    static var body: [UInt8] {
        Array(fields.map { "\($0.0)=\(WebhookHarness.formEncoded($0.1))" }.joined(separator: "&").utf8)
    }

    func request(_ headers: [String: String], url: String = Self.url, body: [UInt8] = Self.body) -> GatewayRequest {
        GatewayRequest(url: url, headers: headers, body: body)
    }

    @Test func v3MatchesTheSDKVector() {
        let signature = PlivoGateway.signatureV3(
            url: Self.url, form: Self.fields.map { ($0.0, $0.1) }, nonce: Self.nonce, token: Self.token)
        #expect(signature == Self.v3)
    }

    /// Spanish answers carry accents and dashes: V3 signs the text's UTF-8. The vector was made with
    /// the SDK's own check, `validate_v3_signature` of plivo-python 4.63.0, which accepts it; Plivo's
    /// Go and Node SDKs build the same string. Older Python SDKs read the UTF-8 back as Latin-1 first.
    @Test func v3SignsTextOutsideASCIIAsUTF8() {
        let fields = [
            ("From", "5215550100123"), ("To", "14155550199"), ("Text", "Sí, 2 — más seguridad"), ("Type", "sms"),
            ("MessageUUID", "7c1d2e3f-aaaa-bbbb-cccc-ddddeeeeffff"), ("Units", "1"),
        ]
        let url = "https://sms.example.org/sms/plivo"
        let vector = "KML53RXzWIA4zStTiPYwjRQdfFCJ1iFeSeQxEM4hSzw="
        #expect(PlivoGateway.signatureV3(url: url, form: fields, nonce: Self.nonce, token: Self.token) == vector)
        let body = Array(fields.map { "\($0.0)=\(WebhookHarness.formEncoded($0.1))" }.joined(separator: "&").utf8)
        let headers = ["x-plivo-signature-v3-nonce": Self.nonce, "x-plivo-signature-v3": vector]
        #expect(PlivoGateway().isAuthentic(request(headers, url: url, body: body), secret: Self.token))
        let accentless = Array(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "%C3%AD", with: "i").utf8)
        #expect(!PlivoGateway().isAuthentic(request(headers, url: url, body: accentless), secret: Self.token))
    }

    @Test func v2MatchesTheSDKVectorAndIgnoresTheQuery() {
        #expect(PlivoGateway.signatureV2(url: Self.url, nonce: Self.nonce, token: Self.token) == Self.v2)
        #expect(
            PlivoGateway.signatureV2(url: "https://sms.example.org/sms/plivo", nonce: Self.nonce, token: Self.token)
                == Self.v2)
    }

    @Test func v3IsCheckedWhenItsHeadersArePresentAmongSeveralSignatures() {
        let gateway = PlivoGateway()
        let nonce = ["x-plivo-signature-v3-nonce": Self.nonce]
        #expect(
            gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-v3": Self.v3]) { $1 }), secret: Self.token))
        // One signature per active token, comma-separated: any may match.
        let several = "c2VjcmV0LW90aGVyLXRva2Vu, \(Self.v3)"
        #expect(
            gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-v3": several]) { $1 }), secret: Self.token))
        // Messaging signs with the main account's token under the Ma header.
        #expect(
            gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-ma-v3": Self.v3]) { $1 }), secret: Self.token)
        )
        #expect(
            !gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-v3": Self.v3]) { $1 }), secret: "other"))
        // V3 covers the form: a changed answer is refused.
        let tampered = Array(String(decoding: Self.body, as: UTF8.self).replacingOccurrences(of: "2", with: "3").utf8)
        #expect(
            !gateway.isAuthentic(
                request(nonce.merging(["x-plivo-signature-v3": Self.v3]) { $1 }, body: tampered), secret: Self.token))
        // And the query.
        #expect(
            !gateway.isAuthentic(
                request(nonce.merging(["x-plivo-signature-v3": Self.v3]) { $1 }, url: Self.url + "&c=1"),
                secret: Self.token))
        // A valid V2 signature does not stand in for V3 once V3's nonce is there.
        let mixed = nonce.merging(["x-plivo-signature-v2": Self.v2, "x-plivo-signature-v2-nonce": Self.nonce]) { $1 }
        #expect(!gateway.isAuthentic(request(mixed), secret: Self.token))
    }

    @Test func v2IsCheckedWithoutV3Headers() {
        let gateway = PlivoGateway()
        let nonce = ["x-plivo-signature-v2-nonce": Self.nonce]
        #expect(
            gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-v2": Self.v2]) { $1 }), secret: Self.token))
        #expect(
            gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-ma-v2": Self.v2]) { $1 }), secret: Self.token)
        )
        #expect(
            !gateway.isAuthentic(request(nonce.merging(["x-plivo-signature-v2": Self.v2]) { $1 }), secret: "other"))
        #expect(!gateway.isAuthentic(request(["x-plivo-signature-v2": Self.v2]), secret: Self.token))
        #expect(!gateway.isAuthentic(request([:]), secret: Self.token))
    }

    @Test func readsItsFieldsAndRepliesInPlivoXMLFromTheNumberTexted() throws {
        let inbound = try #require(try PlivoGateway().inbound(from: request([:])))
        #expect(
            inbound
                == InboundSMS(
                    messageID: "2a4b0f1e-1111-2222-3333-444455556666", from: "14155550100", to: "14155550199",
                    text: "Yes, 2"))
        let reply = PlivoGateway().reply(["Fish & <chips>", "2"], to: inbound)
        #expect(reply.contentType == "application/xml; charset=utf-8")
        #expect(
            reply.body
                == #"<?xml version="1.0" encoding="UTF-8"?><Response>"#
                + #"<Message src="14155550199" dst="14155550100" type="sms">Fish &amp; &lt;chips&gt;</Message>"#
                + #"<Message src="14155550199" dst="14155550100" type="sms">2</Message></Response>"#)
        #expect(PlivoGateway().reply([], to: inbound).body == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
    }

    @Test(arguments: ["From=1415&Text=x&To=1", "MessageUUID=u&Text=x&To=1", "MessageUUID=u&From=1&Text=x"])
    func aBodyWithoutUUIDSenderOrRecipientIsMalformed(_ body: String) {
        #expect(throws: WebhookError.self) { try PlivoGateway().inbound(from: request([:], body: Array(body.utf8))) }
    }
}
