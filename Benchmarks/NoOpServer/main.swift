// The baseline for Benchmarks/webhook.py: Hummingbird as `chorus serve` runs it, with a route that
// answers 200 and does nothing else. Usage: NoOpServer --port N
import Hummingbird

let arguments = CommandLine.arguments
guard let flag = arguments.firstIndex(of: "--port"), flag + 1 < arguments.count, let port = Int(arguments[flag + 1])
else {
    fatalError("usage: NoOpServer --port N")
}
let router = Router()
router.post("/sms/twilio") { _, _ in HTTPResponse.Status.ok }
router.get("/healthz") { _, _ in "ok\n" }
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
