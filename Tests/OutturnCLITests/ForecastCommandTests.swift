import Foundation
import Testing

/// `outturn forecast --model trend+season` on every real series, fitted up to the oracle's training
/// end, against R forecast 8.20's `tslm` forecasts and 80/95% intervals (../shared/oracle/series).
@Suite struct ForecastCommandTests {
    static let ids: [String] = {
        let folder = CLIRunner.shared.appendingPathComponent("oracle/series")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test(arguments: ids)
    func matchesRsTslm(_ id: String) throws {
        let oracleData = try Data(contentsOf: CLIRunner.shared.appendingPathComponent("oracle/series/\(id).json"))
        let oracle = try #require(try JSONSerialization.jsonObject(with: oracleData) as? [String: Any])
        let trainEnd = try #require((oracle["train"] as? [String: Any])?["end"] as? String)
        let tslm = try #require((oracle["methods"] as? [String: Any])?["tslm"] as? [String: Any])

        let data = CLIRunner.shared.appendingPathComponent("data/series/\(id).csv").path
        let result = try CLIRunner.run(["forecast", data, "--indicator", id, "--horizon", "12", "--as-of", trainEnd,
                                        "--model", "trend+season", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let model = try #require(document["model"] as? [String: Any])
        #expect(model["name"] as? String == "trend+season")
        #expect(isClose(try #require(model["sigma"] as? Double), try #require(tslm["residual_std_error"] as? Double)))
        let forecasts = try #require(document["forecasts"] as? [[String: Any]])
        #expect(forecasts.count == 12)
        for (h, forecast) in forecasts.enumerated() {
            #expect(isClose(try #require(forecast["value"] as? Double), try #require((tslm["mean"] as? [Double])?[h])))
            let intervals = try #require(forecast["intervals"] as? [[String: Any]])
            for (index, level) in ["80", "95"].enumerated() {
                let lower = try #require((tslm["lower_\(level)"] as? [Double])?[h])
                let upper = try #require((tslm["upper_\(level)"] as? [Double])?[h])
                #expect(isClose(try #require(intervals[index]["lower"] as? Double), lower), "\(id) h=\(h + 1)")
                #expect(isClose(try #require(intervals[index]["upper"] as? Double), upper), "\(id) h=\(h + 1)")
            }
        }
    }

    @Test func fitPrintsAnRStyleSummary() throws {
        let data = CLIRunner.shared.appendingPathComponent("data/series/uk_driver_deaths.csv").path
        let result = try CLIRunner.run(["fit", data, "--indicator", "uk_driver_deaths", "--model", "trend+season",
                                        "--intervention", "step@1983-02"])
        #expect(result.status == 0, "\(result.stderr)")
        for text in ["(Intercept)", "season12", "step@1983-02", "Residual standard error", "degrees of freedom",
                     "Adjusted R-squared", "AICc"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
    }
}
