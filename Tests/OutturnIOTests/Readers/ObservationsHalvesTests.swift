import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// Large files are read in two halves at once; the one-pass reader (which every other test of the
/// observations file exercises) is the reference: the same dataset, the same errors.
@Suite struct ObservationsHalvesTests {
    func same(_ a: Dataset, _ b: Dataset) -> Bool {
        a.file == b.file && a.entries.map(\.indicator) == b.entries.map(\.indicator)
            && a.entries.map(\.series) == b.entries.map(\.series)
    }

    /// A long-form file over the threshold: 3,000 indicators × 60 months with 17-digit values,
    /// empty cells, gaps, a quoted name holding a comma, comments, and one indicator whose rows
    /// sit at both ends of the file (so it spans the split).
    func longForm(lineEnding: String = "\n", breakAt brokenLine: Int? = nil, repeatAcrossSplit: Bool = false) -> Data {
        var lines = ["# a comment", "indicator,month,value"]
        func row(_ indicator: String, _ t: Int, _ value: String) {
            lines.append("\(indicator),\(2015 + t / 12)-\(String(format: "%02d", t % 12 + 1)),\(value)")
        }
        for t in 0..<30 { row("spanning", t, "\(Double(t) / 7)") }
        for i in 0..<3_000 {
            let name = i == 17 ? "\"district 17, east\"" : "k\(i)"
            for t in 0..<60 where (t + i) % 23 != 0 {
                row(name, t, (t * i) % 31 == 1 ? "" : "\(100 + Double(i) / 3 + sin(Double(t)))")
            }
        }
        for t in (repeatAcrossSplit ? 29 : 30)..<60 { row("spanning", t, "\(Double(t) / 7)") }
        if let brokenLine { lines[brokenLine] += "x" }   // the value is no longer a number
        return Data((lines.joined(separator: lineEnding) + lineEnding).utf8)
    }

    @Test(arguments: ["\n", "\r\n"])
    func longFormGivesTheOnePassDataset(_ lineEnding: String) throws {
        let data = longForm(lineEnding: lineEnding)
        #expect(data.count >= ObservationsFile.halvesThreshold)
        let halves = try #require(ObservationsFile.parseInHalves(data, file: "big.csv"), "the halves path must be taken")
        let onePass = try ObservationsFile.parseInOnePass(data, file: "big.csv")
        #expect(same(halves, onePass))
        #expect(onePass.entries.count == 3_001 && onePass.entries[0].indicator == "spanning")
        #expect(onePass.entries[0].series.values.count == 60)
        #expect(onePass.entries.contains { $0.indicator == "district 17, east" })
        #expect(same(try ObservationsFile.parse(data, file: "big.csv"), onePass))
    }

    @Test func wideFormGivesTheOnePassDataset() throws {
        var text = "month," + (0..<250).map { "w\($0)" }.joined(separator: ",") + "\n"
        for t in 0..<480 {
            let month = "\(1990 + t / 12)-\(String(format: "%02d", t % 12 + 1))"
            text += month + "," + (0..<250).map { i in (t + i) % 41 == 0 ? "" : "\(Double(t * i) / 9)" }.joined(separator: ",") + "\n"
        }
        let data = Data(text.utf8)
        #expect(data.count >= ObservationsFile.halvesThreshold)
        let halves = try #require(ObservationsFile.parseInHalves(data, file: "wide.csv"))
        #expect(same(halves, try ObservationsFile.parseInOnePass(data, file: "wide.csv")))
    }

    /// A bad value in the second half, or a month repeated across the split: the halves give up
    /// and the error is the one-pass reader's, at the right line.
    @Test func errorsAreTheOnePassErrors() throws {
        for data in [longForm(breakAt: 150_000), longForm(repeatAcrossSplit: true)] {
            let tookHalves = ObservationsFile.parseInHalves(data, file: "big.csv") != nil
            #expect(!tookHalves)
            var expected: InputError?
            do { _ = try ObservationsFile.parseInOnePass(data, file: "big.csv") } catch { expected = error }
            let error = try #require(expected)
            #expect(throws: error) { try ObservationsFile.parse(data, file: "big.csv") }
        }
    }
}
