import Foundation
import Glibc

/// One HTTP/1.1 request over a new connection to 127.0.0.1, read to the end: small enough to run
/// from many threads at once while a server is killed under it.
enum LoopbackHTTP {
    /// A port no one listens on now, for a server the test starts: chosen below the kernel's
    /// range for outgoing connections (from 32768), where a busy machine's own connections would
    /// otherwise take it first.
    static func freePort() -> Int {
        while true {
            let port = Int.random(in: 20_000..<32_768)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(socket) }
            if atLoopback(port, { bind(socket, $0, $1) }) == 0 { return port }
        }
    }

    /// Calls `body` (bind or connect) with 127.0.0.1:`port` as a socket address and its length.
    private static func atLoopback(
        _ port: Int, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
    ) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
    }

    struct Response {
        var status: Int
        var body: String
    }

    /// GETs `path`, or POSTs `json` to it; `nil` when no whole response came back, as when the
    /// server died first.
    static func request(port: Int, _ path: String, json: String? = nil) -> Response? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        guard atLoopback(port, { connect(socket, $0, $1) }) == 0 else { return nil }
        let head =
            json.map {
                "POST \(path) HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: \($0.utf8.count)\r\n"
            }
            ?? "GET \(path) HTTP/1.1\r\n"
        let request = Array((head + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n" + (json ?? "")).utf8)
        guard request.withUnsafeBytes({ send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count
        else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
        }
        return parse(received)
    }

    /// The status and body, if `bytes` hold a whole response with a Content-Length.
    private static func parse(_ bytes: [UInt8]) -> Response? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headEnd.lowerBound].split(separator: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? ""),
            let length = lines.lazy.compactMap({ line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }).first
        else { return nil }
        let body = Array(text[headEnd.upperBound...].utf8)
        guard body.count == length else { return nil }
        return Response(status: status, body: String(decoding: body, as: UTF8.self))
    }
}
