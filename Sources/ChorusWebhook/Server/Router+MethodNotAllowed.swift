import HTTPTypes
import Hummingbird

extension Router {
    /// The methods a path refuses with 405: HTTP's own but CONNECT, whose target is a host, not a
    /// path. Any other, such as WebDAV's, is left to the router's 404.
    private static var knownMethods: [HTTPRequest.Method] {
        [.get, .head, .post, .put, .delete, .options, .patch, .trace]
    }

    /// Answers the methods `path` has no handler for with 405 and, in `Allow`, the ones it has.
    ///
    /// Hummingbird answers a path it has, asked with a method it lacks, with 404, as if the path
    /// did not exist, which sends whoever sets up a gateway looking for the wrong mistake. A path
    /// not registered at all, such as an unconfigured gateway's, still gets 404.
    func refuseOtherMethods(on path: RouterPath, allowing allowed: [HTTPRequest.Method]) {
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        for method in Self.knownMethods where !allowed.contains(method) {
            on(path, method: method) { _, _ in Response(status: .methodNotAllowed, headers: [.allow: allow]) }
        }
    }
}
