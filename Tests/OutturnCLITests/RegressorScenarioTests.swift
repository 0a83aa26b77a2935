import Foundation
import Testing

/// A change to an indicator that is a regressor of the model changes that regressor's values for
/// the indicators whose model uses it. It used to be ignored: a regressor carries no target, so
/// `--set temp@2020-12=30` moved nothing and the what-if showed ±0.
@Suite struct RegressorScenarioTests {
    /// x: 10 + (7·k mod 11) for the k-th month from 2016-01, known through 2020-12 (a regressor
    /// known into the future); y = 100 + 2·x exactly, observed through 2020-08. The regression
    /// trend + x fits it exactly (y's coefficient on x is 2, on the trend 0), so every projected
    /// figure below is a hand sum.
    static func x(_ k: Int) -> Double { Double(10 + (7 * k) % 11) }

    func folder() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var rows = "indicator,month,value\n"
        for k in 0..<60 { rows += "x,\(2016 + k / 12)-\(String(format: "%02d", k % 12 + 1)),\(Self.x(k))\n" }
        for k in 0..<56 { rows += "y,\(2016 + k / 12)-\(String(format: "%02d", k % 12 + 1)),\(100 + 2 * Self.x(k))\n" }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        try Data("indicator,year,aggregate,comparator,threshold\ny,2020,sum,<=,5000\n".utf8)
            .write(to: folder.appendingPathComponent("targets.csv"))
        return folder
    }

    /// The projection of y's 2020 sum in each row of the what-if CSV, by scenario.
    func projections(_ arguments: [String], in folder: URL) throws -> [String: Double] {
        let result = try CLIRunner.run(["whatif", "obs.csv", "--targets", "targets.csv", "--model", "trend+x:x",
                                        "--format", "csv"] + arguments, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        var values: [String: Double] = [:]
        for line in result.stdout.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            values[fields[2]] = Double(fields[3])
        }
        return values
    }

    // 2020 is months k = 48…59: January–August observed (k = 48…55), September–December (56…59) to come.
    var observedSum: Double { (48...55).reduce(0) { $0 + 100 + 2 * Self.x($1) } }
    var baseline: Double { observedSum + (56...59).reduce(0) { $0 + 100 + 2 * Self.x($1) } }

    @Test func settingARegressorMovesTheIndicatorsThatUseIt() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let values = try projections(["--set", "x@2020-09..2020-12=50"], in: folder)
        // Baseline: the observed sum plus Σ(100 + 2·x) over September–December.
        #expect(abs((values["baseline"] ?? .nan) - baseline) < 1e-6 * baseline)
        // x = 50 in each of the four months: each is 100 + 2·50 = 200, so the sum is S + 800.
        #expect(abs((values["command line"] ?? .nan) - (observedSum + 800)) < 1e-6 * baseline)
    }

    @Test func scalingARegressorScalesItsOwnValues() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let values = try projections(["--scale", "x@2020-09..2020-12=+10%"], in: folder)
        // x·1.1 in September–December: S + Σ(100 + 2·1.1·x).
        let expected = observedSum + (56...59).reduce(0) { $0 + 100 + 2 * 1.1 * Self.x($1) }
        #expect(abs((values["command line"] ?? .nan) - expected) < 1e-6 * expected)
    }

    @Test func aScenarioFileChangeOfARegressorMovesItToo() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            scenarios:
              - name: hot
                changes:
                  - {indicator: x, from: 2020-09, to: 2020-12, add: 5}

            """.utf8).write(to: folder.appendingPathComponent("s.yaml"))
        let values = try projections(["--scenario", "s.yaml"], in: folder)
        // x + 5 in four months adds 2·5·4 = 40 to y's sum.
        #expect(abs((values["hot"] ?? .nan) - (baseline + 40)) < 1e-6 * baseline)
    }

    @Test func changingARegressorMonthWithoutAValueNamesTheFlag() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // x is known through 2020-12 only: there is no January 2021 value to add to.
        let result = try CLIRunner.run(["whatif", "obs.csv", "--targets", "targets.csv", "--model", "trend+x:x",
                                        "--add", "x@2020-12..2021-01=5"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--add'"), "\(result.stderr)")
        #expect(result.stderr.contains("2021-01"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
