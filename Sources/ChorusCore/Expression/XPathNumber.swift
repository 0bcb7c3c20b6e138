/// Number parsing, formatting and the arithmetic the standard library lacks without Foundation.
enum XPathNumber {
    /// Reads XPath's `Number` production with an optional leading `-`: digits with at most one `.`.
    ///
    /// `Double(_:)` alone would also accept `inf`, `1e3` and hexadecimal, which XPath reads as NaN.
    static func parse(_ text: String) -> Double? {
        var digits = 0
        var dots = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar.isASCIIDigit {
                digits += 1
            } else if scalar == "." {
                dots += 1
            } else if scalar != "-" || index != 0 {
                return nil
            }
        }
        guard digits > 0, dots <= 1 else { return nil }
        var normalized = text
        if normalized.hasSuffix(".") { normalized += "0" }
        if normalized.hasPrefix(".") { normalized = "0" + normalized }
        if normalized.hasPrefix("-.") { normalized = "-0" + normalized.dropFirst() }
        return Double(normalized)
    }

    /// XPath's `string()` of a number, with whole numbers written without `.0` as ODK stores them.
    static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
        return Answer.format(number)
    }

    /// XPath 1.0 `round()`: the closest integer, halves toward positive infinity.
    static func round(_ number: Double) -> Double {
        guard number.isFinite else { return number }
        // Not floor(x + 0.5): the addition itself rounds 0.49999999999999994 up to 1. The fraction is exact.
        let whole = number.rounded(.down)
        let rounded = number - whole >= 0.5 ? whole + 1 : whole
        // XPath wants -0 for -0.5 ≤ x < 0.
        return rounded == 0 && number.sign == .minus ? -0.0 : rounded
    }

    /// ODK's `round(x, digits)`: halves away from zero, on the decimal digits `x` is written with.
    ///
    /// Multiplying by a power of ten would round 2.675 (stored as 2.67499…) down; ODK rounds its decimal
    /// representation, so this works on the shortest decimal form of `x` when it is short enough.
    static func round(_ number: Double, digits: Int) -> Double {
        guard number.isFinite, (-300...300).contains(digits) else { return number }
        if digits < 0 {
            let scale = power(10, Double(-digits))
            return (number / scale).rounded(.toNearestOrAwayFromZero) * scale
        }
        let text = String(number.magnitude)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count + parts[1].count <= 18,
            let mantissa = Int(parts[0] + parts[1])
        else {
            let scale = power(10, Double(digits))
            // A number too large to scale has no digits after the point to round.
            guard (number * scale).isFinite else { return number }
            return (number * scale).rounded(.toNearestOrAwayFromZero) / scale
        }
        let dropped = parts[1].count - digits
        guard dropped > 0 else { return number }
        let divisor = Int(power(10, Double(dropped)))
        var kept = mantissa / divisor
        if (mantissa % divisor) * 2 >= divisor { kept += 1 }
        let sign = number.sign == .minus ? "-" : ""
        return Double("\(sign)\(kept)e-\(digits)") ?? number
    }

    /// `x` raised to `y`: exact repeated squaring for whole exponents, `exp(y·ln x)` otherwise.
    static func power(_ base: Double, _ exponent: Double) -> Double {
        if exponent == 0 { return 1 }
        if base.isNaN || exponent.isNaN { return .nan }
        if exponent == exponent.rounded(), exponent.magnitude <= 0x4000_0000 {
            var result = 1.0
            var factor = base
            var remaining = Int(exponent.magnitude)
            while remaining > 0 {
                if remaining & 1 == 1 { result *= factor }
                factor *= factor
                remaining >>= 1
            }
            return exponent < 0 ? 1 / result : result
        }
        if base < 0 { return .nan }
        if base == 0 { return exponent > 0 ? 0 : .infinity }
        return exponential(exponent * naturalLogarithm(base))
    }

    /// e^x by range reduction to |r| ≤ ln 2 / 2 and a Taylor series.
    static func exponential(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 709.8 { return .infinity }
        if x < -745.2 { return 0 }
        let ln2 = 0.693_147_180_559_945_309_4
        let k = (x / ln2).rounded()
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1...25 {
            term *= r / Double(n)
            sum += term
        }
        // Two steps, because 2^k alone can underflow or overflow while the product is representable.
        let half = Int(k) / 2
        return sum * Double(sign: .plus, exponent: half, significand: 1)
            * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }

    /// ln x for x > 0, from x = m·2^e with m in [1, 2) and ln m = 2·atanh((m − 1)/(m + 1)).
    static func naturalLogarithm(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        let m = x.significand
        let z = (m - 1) / (m + 1)
        let zSquared = z * z
        var power = z
        var sum = 0.0
        for n in stride(from: 1, through: 61, by: 2) {
            sum += power / Double(n)
            power *= zSquared
        }
        return 2 * sum + Double(x.exponent) * 0.693_147_180_559_945_309_4
    }
}
