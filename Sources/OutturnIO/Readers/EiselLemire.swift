/// The double nearest to w × 10^q (ties to even), for a decimal significand w of at most 19
/// digits, by the Eisel–Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte per Second",
/// Software: Practice and Experience 51(8), 2021; the `compute_float` of fast_float): one 64 × 128
/// bit multiplication by a truncated power of five decides the rounding for every such input, so
/// full-precision figures (`%.17g`, Swift's and Python's shortest round trip) need no
/// multi-precision `strtod`.
///
/// Returns `nil` where the answer would be infinite, or zero for a non-zero w: the caller's slower
/// path refuses those figures with advice. Zero w gives +0 (the caller applies the sign).
func eiselLemire(significand w: UInt64, exponent q: Int) -> Double? {
    if w == 0 { return 0 }
    if q < smallestPowerOfFive { return nil }      // below 10^-342 every 19-digit w rounds to zero
    if q > 308 { return nil }                      // overflows
    let leadingZeros = w.leadingZeroBitCount
    let normalized = w << UInt64(leadingZeros)
    let index = 2 * (q - smallestPowerOfFive)
    let (high, low) = powersOfFive128.withUnsafeBufferPointer { table in
        // 64 × 128 bits, keeping the top 128; the low half of the power only matters when the
        // 55 bits that decide the rounding are all ones (a carry could reach them).
        var (high, low) = normalized.multipliedFullWidth(by: table[index])
        if high & 0x1FF == 0x1FF {
            let second = normalized.multipliedFullWidth(by: table[index + 1]).high
            let (sum, carry) = low.addingReportingOverflow(second)
            low = sum
            if carry { high &+= 1 }
        }
        return (high, low)
    }
    let upperBit = Int(high >> 63)
    let shift = UInt64(upperBit + 64 - 52 - 3)
    var mantissa = high >> shift
    // ⌊log₂(10^q)⌋ + 63 as fast_float computes it (exact for |q| ≤ 350), plus the bias 1023.
    var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023
    if power2 <= 0 {
        // Subnormal: shift into place, round half up on the one extra bit.
        if -power2 + 1 >= 64 { return nil }
        mantissa >>= UInt64(-power2 + 1)
        mantissa += mantissa & 1
        mantissa >>= 1
        power2 = mantissa < (1 << 52) ? 0 : 1
        if mantissa == 0 { return nil }
        return Double(bitPattern: UInt64(power2) << 52 | (mantissa & ((1 << 52) - 1)))
    }
    // A product that ends exactly on a halfway point can only come from an exact w × 5^q, i.e.
    // q in -4…23; then ties go to even instead of up.
    if low <= 1, q >= -4, q <= 23, mantissa & 3 == 1, mantissa << shift == high {
        mantissa &= ~1
    }
    mantissa += mantissa & 1
    mantissa >>= 1
    if mantissa >= 2 << 52 {
        mantissa = 1 << 52
        power2 += 1
    }
    if power2 >= 0x7FF { return nil }
    return Double(bitPattern: UInt64(power2) << 52 | (mantissa & ((1 << 52) - 1)))
}
