import Foundation
import Testing
@testable import OutturnIO

/// The byte-level decimal reader (Clinger's fast path, then Eisel–Lemire) against glibc's `strtod`,
/// an independent, correctly rounding implementation: the same bits whenever it answers, and an
/// answer for every in-range decimal of up to 19 significant digits.
@Suite struct EiselLemireTests {
    /// strtod's double for `text`.
    static func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    static func fast(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer(exactDecimal)
    }

    /// Whether the figure is one the reader must refuse: infinite, or a non-zero significand read as 0.
    static func outOfRange(_ value: Double, significandIsZero: Bool) -> Bool {
        !value.isFinite || (value == 0 && !significandIsZero)
    }

    /// A million random decimals: 1–19 digits (and some of 20–25, cut to 19), a point anywhere,
    /// exponents from -360 to 330 (past the subnormal and overflow edges), either sign.
    @Test func aMillionRandomDecimalsAreStrtodsBits() {
        var state: UInt64 = 0x0DDB_1A5E_5BAD_5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let digitCharacters = Array("0123456789")
        var answered = 0, refused = 0, longUnanswered = 0
        for round in 0..<1_000_000 {
            let long = round % 20 == 0
            let length = long ? 20 + next(6) : 1 + next(19)
            var characters: [Character] = []
            characters.reserveCapacity(length + 8)
            var allZero = true
            for position in 0..<length {
                // Leading zeros now and then, so significant digits and written digits differ.
                let digit = position == 0 && next(4) == 0 ? 0 : next(10)
                if digit != 0 { allZero = false }
                characters.append(digitCharacters[digit])
            }
            if next(2) == 0 { characters.insert(".", at: next(length + 1)) }
            var text = ["", "-", "+"][next(3)] + String(characters)
            switch next(3) {
            case 0: break
            case 1: text += ["e", "E"][next(2)] + ["", "-", "+"][next(3)] + String(next(40))
            default: text += "e" + String(next(691) - 360)
            }
            let expected = Self.strtodValue(text)
            guard let value = Self.fast(text) else {
                if Self.outOfRange(expected, significandIsZero: allZero) {
                    refused += 1
                } else if long {
                    longUnanswered += 1   // the cut significand could not decide: strtod's turn
                } else {
                    Issue.record("no answer for \(text) (strtod: \(expected))")
                }
                continue
            }
            answered += 1
            #expect(!Self.outOfRange(expected, significandIsZero: allZero), "\(text) should be refused")
            #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) vs strtod \(expected)")
        }
        #expect(answered > 800_000)
        #expect(refused > 10_000)
        #expect(longUnanswered < 1_000)
    }

    /// Significands of exactly 17 digits (what `%.17g` and shortest round-trip printing write)
    /// across the whole range of normal doubles: the CSV case the parser is for.
    @Test func seventeenDigitFiguresAreStrtodsBits() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200_000 {
            let value = Double(bitPattern: UInt64.random(in: 0x0010_0000_0000_0000...0x7FEF_FFFF_FFFF_FFFF, using: &generator))
            let text = String(format: "%.17g", value)
            #expect(Self.fast(text)?.bitPattern == value.bitPattern, "\(text)")
        }
    }

    /// Published hard cases: halfway points, the subnormal boundary, the largest double, and the
    /// inputs that hung PHP and Java. Each expected value is strtod's, and where noted also derived.
    @Test(arguments: [
        "9007199254740993",          // 2⁵³ + 1: halfway between 2⁵³ and 2⁵³ + 2, ties to even → 2⁵³
        "9007199254740995",          // 2⁵³ + 3: halfway, ties to even → 2⁵³ + 4
        "9007199254740993.0000000000001",   // just above halfway → 2⁵³ + 2 (cut to 19 digits)
        "2.2250738585072011e-308",   // Java's hang: just below the smallest normal, rounds to it
        "2.2250738585072012e-308",   // PHP's hang: rounds to the smallest normal 2⁻¹⁰²²
        "2.2250738585072014e-308",   // the smallest normal double
        "2.2250738585072009e-308",   // the largest subnormal
        "4.9406564584124654e-324",   // the smallest subnormal 2⁻¹⁰⁷⁴
        "2.4703282292062328e-324",   // just above half of it: rounds up to 2⁻¹⁰⁷⁴
        "1.7976931348623157e308",    // the largest double
        "1.7976931348623158e308",    // still rounds to it (below the halfway to 2¹⁰²⁴)
        "1e23",                      // Clinger's classic: not 10²³ exactly; 0x44B52D02C7E14AF6
        "8.98846567431158e307",
        "7.2057594037927933e16",
        "3.518437208883201171875e13",
        "62.5364939768271845828",
        "8.10109172351e-10",
        "0.1", "0.3", "123456789012345678", "1234567890123456789",
        "1.00000000000000011102230246251565404236316680908203125",   // exactly 1 + 2⁻⁵³, ties to even → 1
        "1.00000000000000011102230246251565404236316680908203126",   // above halfway → 1 + 2⁻⁵²
        "0.000000000000000000000000000000000000000000001e300",
        "4.940656458412465441765687928682213723651e-324",
        "-0", "0e999999999", "-0.000",
    ])
    func hardCaseAgreesWithStrtod(_ text: String) {
        let expected = Self.strtodValue(text)
        if let value = Self.fast(text) {
            #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) vs \(expected)")
        }
        // Every line of the file reaches the same double through the public reader, fallback or not.
        #expect(parseDecimal(text)?.bitPattern == expected.bitPattern)
    }

    /// Values derived by hand, not from any parser.
    @Test func handDerivedValues() {
        #expect(Self.fast("9007199254740993") == 9_007_199_254_740_992)          // 2⁵³ + 1 ties to even 2⁵³
        #expect(Self.fast("9007199254740995") == 9_007_199_254_740_996)          // 2⁵³ + 3 ties to even 2⁵³ + 4
        #expect(Self.fast("2.2250738585072014e-308") == .leastNormalMagnitude)   // 2⁻¹⁰²²
        #expect(Self.fast("4.9406564584124654e-324") == .leastNonzeroMagnitude)  // 2⁻¹⁰⁷⁴
        #expect(Self.fast("1.7976931348623157e308") == .greatestFiniteMagnitude) // (2 − 2⁻⁵²) · 2¹⁰²³
        #expect(Self.fast("1e23")?.bitPattern == 0x44B5_2D02_C7E1_4AF6)           // 10²³ − 8388608, the nearer neighbour
        #expect(Self.fast("1.00000000000000022204460492503130808472633361816406250") == 1 + 0x1p-52)  // exactly 1 + 2⁻⁵²
        #expect(Self.fast("-0")?.sign == .minus)
    }

    @Test(arguments: ["1.7976931348623159e308", "1e309", "2.4703282292062327e-324", "1e-400", "1e99999999999999999999"])
    func outOfRangeIsLeftToTheExplainingReader(_ text: String) {
        #expect(Self.fast(text) == nil)
        #expect(parseDecimal(text) == nil)
    }
}
