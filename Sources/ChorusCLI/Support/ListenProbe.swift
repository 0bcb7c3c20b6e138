import Glibc

/// Whether the server will be able to listen where it is told to, found out before the database or
/// the key file is created, so that a port already taken leaves nothing behind but a clear error.
enum ListenProbe {
    /// Binds a socket to `host` and `port` as the server will, then lets it go.
    ///
    /// - Throws: ``ExitStatus/unavailable`` after saying why, when the address cannot be bound.
    static func check(host: String, port: Int) throws {
        guard let reason = problem(host: host, port: port) else { return }
        StandardError.write("chorus: error: cannot listen on \(host):\(port): \(reason)")
        throw ExitStatus.unavailable
    }

    private static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            return "no address of this machine is called \(host)"
        }
        defer { freeaddrinfo(found) }
        let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, 0)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        // As the server's own socket does, so that connections of a server just stopped do not count.
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE: return "the port is in use; stop what uses it or choose another --listen"
        case EADDRNOTAVAIL: return "\(host) is not an address of this machine"
        case EACCES: return "ports below 1024 need privileges; listen on a higher one behind the proxy"
        case let code: return String(cString: strerror(code))
        }
    }
}
