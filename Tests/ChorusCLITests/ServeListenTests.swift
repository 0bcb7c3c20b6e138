import Foundation
import Glibc
import Testing

/// `chorus serve` told to listen where it cannot: a clear error and its own exit status, with
/// nothing created, rather than a database left behind and a library's message.
@Suite struct ServeListenTests {
    func serve(_ directory: URL, listen: String) async throws -> ChorusProcess.Result {
        try await ChorusProcess.run([
            "serve", "--db", directory.path + "/sms.sqlite", "--listen", listen, "--allow-unsigned",
            "Surveys/listening-session.xml",
        ])
    }

    @Test(arguments: [
        (
            "https://sms.example.org/sms/twilio",
            "without the gateway's path: https://sms.example.org, not https://sms.example.org/sms/twilio"
        ),
        ("https://sms.example.org/chorus/sms/json/", "without the gateway's path: https://sms.example.org/chorus,"),
        ("https://sms.example.org/?from=twilio", "without a query or fragment"),
        ("sms.example.org", "as a URL such as https://sms.example.org"),
    ])
    func aPublicURLThatWouldFailEverySignatureIsRefused(_ url: String, _ message: String) async throws {
        let directory = try Scratch.folder()
        let result = try await ChorusProcess.run([
            "serve", "--db", directory.path + "/sms.sqlite", "--public-url", url, "Surveys/listening-session.xml",
        ])
        #expect(result.status == 64)
        #expect(result.standardError.contains("Please give --public-url " + message), "\(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aPortInUseIsRefusedBeforeAnythingIsCreated() async throws {
        // Given another program listening on the port
        let directory = try Scratch.folder()
        let port = LoopbackHTTP.freePort()
        let taken = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(taken) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(taken, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0 && listen(taken, 1) == 0)

        let result = try await serve(directory, listen: "127.0.0.1:\(port)")

        #expect(result.status == 69)
        #expect(
            result.standardError
                == "chorus: error: cannot listen on 127.0.0.1:\(port): the port is in use; stop what uses it or "
                + "choose another --listen\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anAddressNotOfThisMachineIsRefusedBeforeAnythingIsCreated() async throws {
        let directory = try Scratch.folder()
        // 192.0.2.0/24 is set aside for documentation, so no machine has it.
        let result = try await serve(directory, listen: "192.0.2.1:8080")
        #expect(result.status == 69)
        #expect(
            result.standardError
                == "chorus: error: cannot listen on 192.0.2.1:8080: 192.0.2.1 is not an address of this machine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
