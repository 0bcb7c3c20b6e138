/// Turns the bytes read from a terminal into key presses.
///
/// A read may end in the middle of an escape sequence or a UTF-8 character; those bytes wait for
/// the next read. An escape byte on its own is ambiguous (the Escape key, or the start of an arrow
/// key's sequence), so the reader calls ``flush()`` once no more bytes came for a short while.
///
/// Text pasted between a terminal's bracketed-paste marks is typed, never acted on: its line breaks
/// and tabs become spaces and its control characters are dropped, so a paste cannot finish a
/// question, skip one or open the PIN prompt.
struct KeyDecoder {
    private var pending: [UInt8] = []
    private var isPasting = false

    private static let pasteStart = Array("\u{1B}[200~".utf8)
    private static let pasteEnd = Array("\u{1B}[201~".utf8)

    /// Whether bytes are waiting to be completed by the next read or given up by ``flush()``.
    var hasPending: Bool { !pending.isEmpty }

    /// The keys in `bytes`, following any bytes left over from the last call.
    mutating func decode(_ bytes: some Sequence<UInt8>) -> [KeyEvent] {
        pending.append(contentsOf: bytes)
        var keys: [KeyEvent] = []
        var index = 0
        decoding: while index < pending.count {
            let rest = pending[index...]
            for (mark, pasting) in [(Self.pasteStart, true), (Self.pasteEnd, false)] where rest.first == 0x1B {
                if rest.starts(with: mark) {
                    isPasting = pasting
                    index += mark.count
                    continue decoding
                }
                // The rest of a mark may come with the next read.
                if mark.starts(with: rest) { break decoding }
            }
            guard let (key, length) = Self.key(in: rest) else { break }
            index += length
            // A terminal sends CR for Enter; a paste may send CR LF, which is one Enter.
            if key == .enter, pending[index - length] == 0x0A, index - length > 0, pending[index - length - 1] == 0x0D {
                continue
            }
            guard isPasting else {
                keys.append(key)
                continue
            }
            switch key {
            case .character: keys.append(key)
            case .space, .enter, .tab: keys.append(.space)
            default: break
            }
        }
        pending.removeFirst(index)
        return keys
    }

    /// Gives up waiting: a lone escape byte is the Escape key, an unfinished sequence is dropped.
    mutating func flush() -> [KeyEvent] {
        defer { pending = [] }
        guard let first = pending.first else { return [] }
        return first == 0x1B && pending.count == 1 ? [.escape] : [.unknown]
    }

    /// The key at the start of `bytes` and how many bytes it took, or `nil` when more are needed.
    private static func key(in bytes: ArraySlice<UInt8>) -> (KeyEvent, Int)? {
        let first = bytes[bytes.startIndex]
        switch first {
        case 0x1B:
            return escapeSequence(in: bytes)
        case 0x0D, 0x0A:
            return (.enter, 1)
        case 0x09:
            return (.tab, 1)
        case 0x7F, 0x08:
            return (.backspace, 1)
        case 0x20:
            return (.space, 1)
        case 0x00..<0x20:
            // Ctrl-A is 0x01 … Ctrl-Z is 0x1A; 0x1C to 0x1F are Ctrl-\, Ctrl-], Ctrl-^ and Ctrl-_.
            return (.control(Character(Unicode.Scalar((0x01...0x1A).contains(first) ? first + 0x60 : first + 0x40))), 1)
        case 0x21..<0x7F:
            return (.character(Character(Unicode.Scalar(first))), 1)
        default:
            return utf8Character(in: bytes)
        }
    }

    private static func utf8Character(in bytes: ArraySlice<UInt8>) -> (KeyEvent, Int)? {
        let first = bytes[bytes.startIndex]
        let length =
            switch first {
            case 0xC2...0xDF: 2
            case 0xE0...0xEF: 3
            case 0xF0...0xF4: 4
            default: 0
            }
        guard length > 0 else { return (.unknown, 1) }
        let available = bytes.prefix(length)
        // A continuation byte is 10xxxxxx; anything else cuts the character short.
        if let bad = available.dropFirst().firstIndex(where: { $0 & 0xC0 != 0x80 }) {
            return (.unknown, bad - bytes.startIndex)
        }
        guard available.count == length else { return nil }
        guard let text = String(validating: available, as: UTF8.self), let character = text.first,
            let scalar = text.unicodeScalars.first, scalar.properties.generalCategory != .control
        else { return (.unknown, length) }
        return (.character(character), length)
    }

    private static func escapeSequence(in bytes: ArraySlice<UInt8>) -> (KeyEvent, Int)? {
        let start = bytes.startIndex
        guard bytes.count > 1 else { return nil }
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            return controlSequence(in: bytes)
        case UInt8(ascii: "O"):
            guard bytes.count > 2 else { return nil }
            return (singleShift(bytes[start + 2]), 3)
        default:
            // Escape followed by anything else: the Escape key, then that key on its own.
            return (.escape, 1)
        }
    }

    /// SS3 sequences (`ESC O x`), sent for arrows and F1–F4 in application mode.
    private static func singleShift(_ final: UInt8) -> KeyEvent {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        case UInt8(ascii: "M"): .enter
        case UInt8(ascii: "P")...UInt8(ascii: "S"): .function(Int(final - UInt8(ascii: "P")) + 1)
        default: .unknown
        }
    }

    /// CSI sequences (`ESC [ params final`), including the Linux console's `ESC [ [ A` for F1.
    private static func controlSequence(in bytes: ArraySlice<UInt8>) -> (KeyEvent, Int)? {
        let start = bytes.startIndex
        if bytes.count > 2, bytes[start + 2] == UInt8(ascii: "[") {
            guard bytes.count > 3 else { return nil }
            let final = bytes[start + 3]
            let isFunction = (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(final)
            return (isFunction ? .function(Int(final - UInt8(ascii: "A")) + 1) : .unknown, 4)
        }
        var index = start + 2
        // Parameter bytes 0x30–0x3F, then intermediate bytes 0x20–0x2F, then one final byte.
        while index < bytes.endIndex, (0x20...0x3F).contains(bytes[index]) { index += 1 }
        guard index < bytes.endIndex else { return nil }
        let final = bytes[index]
        let length = index - start + 1
        guard (0x40...0x7E).contains(final) else { return (.unknown, length - 1) }
        let parameters = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
        let first = Int(parameters.split(separator: ";").first ?? "")
        let key: KeyEvent =
            switch final {
            case UInt8(ascii: "~"): first.map(tildeKey) ?? .unknown
            // Arrows, Home, End and F1–F4 end the same way as their SS3 forms; only SS3 has Enter.
            case UInt8(ascii: "M"): .unknown
            case UInt8(ascii: "A")...UInt8(ascii: "S"): singleShift(final)
            default: .unknown
            }
        return (key, length)
    }

    /// The keys sent as `ESC [ n ~` by xterm, VT220 and the Linux console.
    private static func tildeKey(_ number: Int) -> KeyEvent {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: .unknown
        }
    }
}
