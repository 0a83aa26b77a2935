import Foundation
import Testing

/// What `project` prints beyond the numbers: the degrees of freedom behind its intervals (issue
/// 16.2), each indicator's own as-of month (16.7) and the CSV's as-of column and joint rows (16.14).
@Suite struct ProjectionOutputTests {
    static let example = CLIRunner.example

    static func project(_ extra: [String]) throws -> CLIRunner.Result {
        let result = try CLIRunner.run(["project", example.appendingPathComponent("observations.csv").path,
                                        "--targets", example.appendingPathComponent("targets.csv").path] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// Rebuilds PM2.5's 80% and 95% intervals from the JSON's value, standardError and the new
    /// `projection.degreesOfFreedom` with Student-t quantiles from a published table (any
    /// textbook's t table, ν = 7: t₀.₉₀ = 1.415, t₀.₉₇₅ = 2.365). With the model's residual df
    /// (48: t₀.₉₇₅ = 2.011) the rebuilt interval is about 15% too narrow, as issue 16.2 found.
    @Test func theJSONsDegreesOfFreedomRebuildTheInterval() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try Self.project(["--format", "json"]).stdout.utf8)) as? [String: Any]
        let indicators = try #require(json?["indicators"] as? [[String: Any]])
        let pm25 = try #require(indicators.first { $0["indicator"] as? String == "pm25" && ($0["target"] as? [String: Any])?["comparator"] as? String == "<" })
        let projection = try #require(pm25["projection"] as? [String: Any])
        #expect(projection["method"] as? String == "exact")
        let df = try #require(projection["degreesOfFreedom"] as? Int)
        #expect(df == 7)
        let table: [Int: [Double: Double]] = [7: [80: 1.415, 95: 2.365]]
        let value = try #require(projection["value"] as? Double), se = try #require(projection["standardError"] as? Double)
        for interval in try #require(projection["intervals"] as? [[String: Any]]) {
            let level = try #require(interval["level"] as? Double)
            let t = try #require(table[df]?[level])
            let upper = try #require(interval["upper"] as? Double), lower = try #require(interval["lower"] as? Double)
            // Three-decimal table values: agreement to 5e-4 of the half-width.
            #expect(abs((upper - value) / se - t) < 5e-4 * t, "level \(level)")
            #expect(abs((value - lower) / se - t) < 5e-4 * t, "level \(level)")
        }
        let model = try #require(pm25["model"] as? [String: Any])
        #expect(model["degreesOfFreedom"] == nil, "the model's df is named for what it is")
        #expect((model["residualDegreesOfFreedom"] as? Int).map { $0 > df } == true)
    }

    /// The example's PM2.5 is published to July 2020 and water to August (see the last rows of
    /// Examples/xicheng-2020/observations.csv): each row says so, and the footer no longer claims
    /// one as-of month for all.
    @Test func eachRowShowsItsIndicatorsAsOfMonth() throws {
        let table = try Self.project([]).stdout
        let lines = table.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.contains("As of"))
        let pm25 = try #require(lines.first { $0.hasPrefix("细颗粒物（PM2.5）年均浓度") })
        let water = try #require(lines.first { $0.hasPrefix("用水总量") })
        #expect(pm25.contains("  2020-07  "), "\(pm25)")
        #expect(water.contains("  2020-08  "), "\(water)")
        #expect(table.contains("As of each indicator's last observed month"))
        #expect(!table.contains("\nAs of 2020-08."))

        let markdown = try Self.project(["--format", "markdown"]).stdout
        #expect(markdown.contains("| As of |"))
        #expect(markdown.split(separator: "\n").contains { $0.hasPrefix("| 细颗粒物（PM2.5）年均浓度 | 2020 |") && $0.contains("| 2020-07 |") })

        let json = try JSONSerialization.jsonObject(with: Data(try Self.project(["--format", "json"]).stdout.utf8)) as? [String: Any]
        let indicators = try #require(json?["indicators"] as? [[String: Any]])
        #expect(indicators.first { $0["indicator"] as? String == "pm25" }?["asOf"] as? String == "2020-07")
        #expect(indicators.first { $0["indicator"] as? String == "water" }?["asOf"] as? String == "2020-08")
    }

    /// The CSV carries `as_of` and one `joint` row per indicator with several conditions (the
    /// example has two: PM2.5 with three conditions, CO₂ intensity with two), whose probability
    /// and status are those of the JSON's `joint`.
    @Test func theCSVHasTheAsOfMonthAndTheJointRows() throws {
        let csv = try Self.project(["--format", "csv"]).stdout.split(separator: "\n").map { $0.components(separatedBy: ",") }
        let header = try #require(csv.first)
        let asOf = try #require(header.firstIndex(of: "as_of")), aggregate = try #require(header.firstIndex(of: "aggregate"))
        let probability = try #require(header.firstIndex(of: "probability")), status = try #require(header.firstIndex(of: "status"))
        for row in csv { #expect(row.count == header.count, "\(row)") }
        #expect(csv.first { $0[0] == "pm25" }?[asOf] == "2020-07")
        #expect(csv.first { $0[0] == "water" }?[asOf] == "2020-08")
        let joint = csv.filter { $0[aggregate] == "joint" }
        #expect(joint.map { $0[0] } == ["pm25", "co2_intensity"])

        let json = try JSONSerialization.jsonObject(with: Data(try Self.project(["--format", "json"]).stdout.utf8)) as? [String: Any]
        let expected = try #require(json?["joint"] as? [[String: Any]])
        for (row, assessment) in zip(joint, expected) {
            #expect(row[0] == assessment["indicator"] as? String)
            #expect(Double(row[probability]) == assessment["probability"] as? Double)
            #expect(row[status] == assessment["status"] as? String)
        }
    }
}
