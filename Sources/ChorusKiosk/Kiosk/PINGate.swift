/// The organizer's way out: Ctrl-X, then the PIN and Enter on a prompt that hides what is typed.
///
/// Each wrong PIN makes the next try wait longer (1, 2, 4, 8, 16, then 30 seconds), and closing the
/// prompt does not reset that, so guessing takes hours. The PIN is compared in constant time.
struct PINGate {
    private let pin: [UInt8]
    /// Whether the prompt is on screen, over whatever the respondent saw.
    private(set) var isOpen = false
    private(set) var typed = ""
    private(set) var failures = 0
    /// Until when a PIN cannot be tried, after a wrong one.
    private(set) var lockedUntil: Duration?

    /// Longest PIN taken; more is ignored rather than stored.
    static let maximumLength = 64
    /// The longest wait between tries.
    static let maximumDelay = Duration.seconds(30)

    init(pin: String) {
        self.pin = Array(pin.utf8)
    }

    mutating func open() {
        isOpen = true
        typed = ""
    }

    mutating func close() {
        isOpen = false
        typed = ""
    }

    /// Whether tries are still refused at `now` after a wrong PIN.
    func isLocked(at now: Duration) -> Bool {
        lockedUntil.map { now < $0 } ?? false
    }

    /// Takes a key while the prompt is open; `true` when Enter confirms the right PIN.
    mutating func press(_ key: KeyEvent, at now: Duration) -> Bool {
        switch key {
        case .escape:
            close()
        case .backspace:
            if !typed.isEmpty { typed.removeLast() }
        case .character(let character) where !isLocked(at: now) && typed.utf8.count < Self.maximumLength:
            typed.append(character)
        case .enter where !isLocked(at: now) && !typed.isEmpty:
            if Self.matches(Array(typed.utf8), pin) { return true }
            failures += 1
            lockedUntil = now + Self.delay(afterFailures: failures)
            typed = ""
        default:
            break
        }
        return false
    }

    /// How long to wait after the `failures`th wrong PIN in a row.
    static func delay(afterFailures failures: Int) -> Duration {
        min(.seconds(1 << min(max(failures - 1, 0), 5)), maximumDelay)
    }

    /// Whether `typed` is `pin`, taking the same time however many bytes match.
    static func matches(_ typed: [UInt8], _ pin: [UInt8]) -> Bool {
        var difference: UInt8 = typed.count == pin.count ? 0 : 1
        for index in pin.indices {
            difference |= pin[index] ^ (index < typed.count ? typed[index] : 0)
        }
        return difference == 0 && !pin.isEmpty
    }
}
