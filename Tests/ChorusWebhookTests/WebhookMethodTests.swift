import HTTPTypes
import HummingbirdTesting
import Testing

@testable import ChorusWebhook

/// What a path that exists answers to a method it does not take, on a real server on 127.0.0.1.
@Suite struct WebhookMethodTests {
    @Test(arguments: [HTTPRequest.Method.get, .put, .head, .delete])
    func aGatewayAsksForPostWhenCalledWithAnotherMethod(_ method: HTTPRequest.Method) async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            for path in ["/sms/twilio", "/sms/json", "/sms/plivo"] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(path)")
                #expect(response.headers[.allow] == "POST", "\(path)")
            }
        }
        #expect(harness.store.calls == 0)
    }

    @Test(arguments: ["/healthz", "/metrics"])
    func healthAndMetricsTakeGetAndHeadOnly(_ path: String) async throws {
        let harness = try WebhookHarness()
        try await harness.application().test(.live) { client in
            for method in [HTTPRequest.Method.put, .post, .delete] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .methodNotAllowed, "\(method)")
                #expect(response.headers[.allow] == "GET, HEAD", "\(method)")
            }
            #expect(try await client.execute(uri: path, method: .head).status == .ok)
        }
    }

    @Test(arguments: [HTTPRequest.Method.get, .post, .put])
    func aGatewayWithoutASecretIsNotThereWhateverTheMethod(_ method: HTTPRequest.Method) async throws {
        var harness = try WebhookHarness()
        harness.configuration.secrets = ["json": WebhookHarness.jsonSecret]
        try await harness.application().test(.live) { client in
            for path in ["/sms/twilio", "/sms/nowhere"] {
                let response = try await client.execute(uri: path, method: method)
                #expect(response.status == .notFound, "\(path)")
                #expect(response.headers[.allow] == nil, "\(path)")
            }
        }
    }
}
