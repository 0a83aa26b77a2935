import Foundation
import Testing
@testable import OutturnIO

@Suite struct NumberParsingTests {
    @Test(arguments: [("44", 44.0), ("-12.5", -12.5), ("5048.43", 5048.43), ("3e4", 30000), ("+.5", 0.5),
                      ("1E-3", 0.001), ("0", 0)])
    func plainDecimals(_ text: String, _ value: Double) {
        #expect(parseDecimal(text) == value)
    }

    @Test(arguments: ["1,234", "1 234", " 4", "4 ", "NaN", "inf", "-Infinity", "0x10", "1e", "e5", ".", "-", "1.2.3",
                      "1e400", "12%", "４４"])
    func refusedText(_ text: String) {
        #expect(parseDecimal(text) == nil)
        #expect(Array(text.utf8).withUnsafeBufferPointer(exactDecimal) == nil)
    }

    /// The byte-level fast path must give strtod's double (Swift's `Double(String)`) bit for bit
    /// whenever it answers, and answer for every short plain decimal.
    @Test func exactDecimalIsStrtodsDouble() {
        var state: UInt64 = 2020
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var answered = 0
        for _ in 0..<200_000 {
            let length = 1 + next(19)
            var digits = String((0..<length).map { _ in Character(String(next(10))) })
            if next(2) == 0 { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: next(length + 1))) }
            let sign = ["", "-", "+"][next(3)]
            let exponent = next(4) == 0 ? ["e", "E"][next(2)] + ["", "-", "+"][next(3)] + String(next(40)) : ""
            let text = sign + digits + exponent
            guard let expected = Double(text) else { continue }
            let fast = Array(text.utf8).withUnsafeBufferPointer(exactDecimal)
            if let fast {
                answered += 1
                #expect(fast.bitPattern == expected.bitPattern, "\(text)")
            } else if length <= 15, exponent.isEmpty {
                Issue.record("no fast answer for \(text)")
            }
        }
        #expect(answered > 100_000)
    }
}
