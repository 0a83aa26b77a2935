import Foundation
import Testing

/// `--intervals calibrated` through the real binary: `backtest` projects with it and its summary
/// records the calibration's own coverage.
@Suite struct CalibratedIntervalsCommandTests {
    /// 2008 is 100 + 10m in month m; every later month is the same month a year before plus 1 in
    /// even months and −1 in odd ones. snaive's σ̂ = 1 (every seasonal difference is ±1); cut at
    /// June 2018, the six open months' steps cancel, so the projected total is exact, and so it
    /// was from every earlier June: z = 0 in the 8 most recent years. S² = (1 + 0)/(1 + 8) = 1/9,
    /// ν = 9, and the model's standard deviation of the total is √6: the 80% half-width is
    /// t₉(.9)·√6/3 = 1.12923823622564 and the 95% one t₉(.975)·√6/3 = 1.8470435889459 (R's
    /// `qt(c(.9, .975), 9) * sqrt(6) / 3`), against the model's own t₁₁₄(.9)·√6 = 3.15744580153688.
    @Test func backtestWithCalibratedIntervalsRecordsTheirCoverage() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = ["indicator,month,value"]
        var values: [Double] = (1...12).map { 100 + 10 * Double($0) }
        for _ in 2009...2018 {
            for month in 1...12 { values.append(values[values.count - 12] + (month % 2 == 0 ? 1 : -1)) }
        }
        for (i, value) in values.enumerated() {
            rows.append(String(format: "alt,%04d-%02d,%.0f", 2008 + i / 12, i % 12 + 1, value))
        }
        let file = folder.appendingPathComponent("alt.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)

        func backtest(_ method: String) throws -> [String: Any] {
            let result = try CLIRunner.run(["backtest", file.path, "--as-of-month", "6", "--years", "2018",
                                            "--model", "snaive", "--intervals", method, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        func halfWidths(_ document: [String: Any]) throws -> [Double] {
            let cases = try #require(document["cases"] as? [[String: Any]])
            let intervals = try #require(cases.first?["intervals"] as? [[String: Any]])
            return try intervals.map { ((try #require($0["upper"] as? Double)) - (try #require($0["lower"] as? Double))) / 2 }
        }
        let calibrated = try backtest("calibrated")
        let widths = try halfWidths(calibrated)
        #expect(widths.count == 2)
        #expect(isClose(widths[0], 1.12923823622564, relative: 1e-9))
        #expect(isClose(widths[1], 1.8470435889459, relative: 1e-9))
        // The exact total is inside both: the summary records full coverage of the calibrated intervals.
        let summary = try #require(calibrated["summary"] as? [String: Any])
        let coverage = try #require(summary["coverage"] as? [[String: Any]])
        #expect(coverage.compactMap { $0["share"] as? Double } == [1, 1])

        #expect(isClose(try halfWidths(try backtest("model"))[0], 3.15744580153688, relative: 1e-9))
    }
}
