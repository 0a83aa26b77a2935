import Foundation
import Testing

/// `outturn backtest` as a user runs it: a real series from ../shared/data, JSON checked against
/// the data file read here independently, and the calibration chart written.
@Suite struct BacktestCommandTests {
    let file = CLIRunner.shared.appendingPathComponent("data/series/us_accidental_deaths.csv").path

    @Test func everyCompleteYearIsScoredAgainstItsActualTotal() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let chart = folder.appendingPathComponent("calibration.svg")
        let result = try CLIRunner.run(["backtest", file, "--as-of-month", "8", "--format", "json", "--chart", chart.path])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])

        // The yearly totals, from the CSV by hand.
        var totals: [Int: (sum: Double, months: Int)] = [:]
        for line in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 3, let value = Double(fields[2]), let year = Int(fields[1].prefix(4)) else { continue }
            totals[year, default: (0, 0)].sum += value
            totals[year, default: (0, 0)].months += 1
        }
        let complete = totals.filter { $0.value.months == 12 }
        #expect(cases.count == complete.count)
        for c in cases {
            let year = try #require(c["year"] as? Int)
            let actual = try #require(c["actual"] as? Double)
            let projection = try #require(c["projection"] as? Double)
            #expect(isClose(actual, try #require(complete[year]).sum, relative: 1e-12))
            #expect(isClose(try #require(c["ape"] as? Double), abs(projection - actual) / actual * 100, relative: 1e-9))
            if let previous = complete[year - 1] { #expect(isClose(try #require(c["previous"] as? Double), previous.sum, relative: 1e-12)) }
        }
        let summary = try #require(document["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        // Recount the 95% coverage from the cases' own intervals.
        let inside = cases.filter { c in
            let interval = (c["intervals"] as! [[String: Any]]).first { $0["level"] as? Double == 95 }!
            let actual = c["actual"] as! Double
            return (interval["lower"] as! Double) <= actual && actual <= (interval["upper"] as! Double)
        }.count
        #expect(isClose(coverage[1]["share"] as! Double, Double(inside) / Double(cases.count), relative: 1e-12))

        let svg = try String(contentsOf: chart, encoding: .utf8)
        #expect(svg.contains("<polyline") && svg.components(separatedBy: "<rect").count - 1 >= 10)
    }

    @Test func summaryTableNamesTheMeasures() throws {
        let result = try CLIRunner.run(["backtest", file, "--as-of-month", "6", "--model", "theta", "--summary"])
        #expect(result.status == 0, "\(result.stderr)")
        for measure in ["mean APE", "95% interval coverage", "Brier score", "PIT deciles", "sMAPE", "MASE"] {
            #expect(result.stdout.contains(measure), "\(measure)")
        }
        #expect(!result.stdout.contains("1973  "))   // no per-year rows with --summary
    }
}
