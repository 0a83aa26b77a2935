import Foundation
import Testing
@testable import OutturnIO

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [CSVRecord] { try CSVReader.records(Data(text.utf8), file: "f.csv") }

    @Test func quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws {
        let parsed = try records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n")
        #expect(parsed.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", "row"]])
        // The record after a two-line field starts on physical line 5.
        #expect(parsed.map(\.line) == [1, 2, 3, 5])
    }

    @Test func windowsLineEndingsBOMAndCommentsAreAccepted() throws {
        let parsed = try CSVReader.records(Data([0xEF, 0xBB, 0xBF]) + Data("# note\r\na,b\r\n1,2\r\n\r\n".utf8), file: "f.csv")
        #expect(parsed.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(parsed.map(\.line) == [2, 3])
    }

    @Test func emptyTrailingFieldIsKept() throws {
        #expect(try records("a,b\n1,\n").map(\.fields) == [["a", "b"], ["1", ""]])
    }

    @Test func strayQuotesAreErrorsWithALine() {
        #expect(throws: InputError(file: "f.csv", line: 2, field: "column 2",
                                   message: "a quote appears inside an unquoted field; quote the whole field and double inner quotes (\"\")")) {
            try records("a,b\n1,2\"3\n")
        }
        #expect(throws: InputError.self) { try records("a,b\n\"1\"x,2\n") }
    }
}

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

@Suite struct DisplayWidthTests {
    @Test func cjkTakesTwoCells() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("用水总量") == 8)
        #expect(displayWidth("细颗粒物（PM2.5）") == 8 + 4 + 5)
        #expect(displayWidth("µg/m³") == 5)
        #expect(displayWidth("e\u{301}") == 1)   // combining acute accent
    }

    @Test func tablePadsByCells() {
        var table = TextTable(columns: [("Name", .left), ("N", .right)])
        table.append(["用水", "1"])
        table.append(["water", "22"])
        let lines = table.rendered().split(separator: "\n")
        #expect(lines[2] == "用水    1")
        #expect(lines[3] == "water  22")
    }
}

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderNullsAndShortestNumbers() {
        let value = JSONValue.object([("b", .number(0.1)), ("a", .null), ("n", .number(5048)),
                                      ("s", .string("用水 \"q\"\n")), ("l", .array([.number(1), .number(2.5)]))])
        #expect(value.rendered() == """
            {
              "b": 0.1,
              "a": null,
              "n": 5048,
              "s": "用水 \\"q\\"\\n",
              "l": [1, 2.5]
            }
            """)
        #expect(JSONValue.number(Double.nan) == .null)
    }
}

@Suite struct FormattingTests {
    @Test(arguments: [(11489.0, "11,489"), (5048.43, "5,048"), (44, "44.00"), (0.1234, "0.1234"), (-1610.2, "-1,610"),
                      (1234567.8, "1,234,568"), (97.5, "97.50"), (0, "0.00")])
    func readableNumbers(_ value: Double, _ text: String) {
        #expect(formatForReading(value) == text)
    }

    @Test(arguments: [(11.2249, "+11.2%"), (-0.96, "−1.0%"), (-1e-15, "±0%"), (0.04, "±0%"), (-138.7, "−138.7%")])
    func percentChanges(_ value: Double, _ text: String) {
        #expect(formatPercentChange(value) == text)
    }

    @Test func probabilitiesNeverRoundToCertainty() {
        #expect(formatProbability(0.996) == ">99%")
        #expect(formatProbability(0.004) == "<1%")
        #expect(formatProbability(1) == ">99%")
        #expect(formatProbability(1, settled: true) == "100%")
        #expect(formatProbability(0, settled: true) == "0%")
        #expect(formatProbability(0.555) == "56%")
    }
}
