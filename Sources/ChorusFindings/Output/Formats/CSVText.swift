/// Builds a CSV file as RFC 4180 asks: comma-separated, CRLF line ends, a field quoted when it
/// holds a comma, a quote or a line break, quotes inside doubled. UTF-8 without a byte-order mark.
struct CSVText {
    private(set) var bytes: [UInt8] = []

    /// Starts a file with its header row.
    init(header: [String]) {
        append(header)
    }

    /// Adds one record; every record has as many fields as the header.
    mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            guard needsQuotes else {
                bytes += field.utf8
                continue
            }
            bytes.append(0x22)
            for byte in field.utf8 {
                if byte == 0x22 { bytes.append(0x22) }
                bytes.append(byte)
            }
            bytes.append(0x22)
        }
        bytes += [0x0D, 0x0A]
    }
}
