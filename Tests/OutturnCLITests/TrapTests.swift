import Foundation
import Testing

/// Inputs that used to end the process with SIGILL (a trap: status 132, nothing useful on stderr):
/// each now gives an answer or a one-line error. Series are written here, so every expected
/// figure is a hand sum in a comment.
@Suite struct TrapTests {
    /// A scratch folder holding `files`.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// `indicator,month,value` rows for consecutive months from `start` (YYYY-MM).
    func series(_ name: String, from year: Int, _ month: Int, _ values: [Double]) -> String {
        var rows = "indicator,month,value\n"
        for (offset, value) in values.enumerated() {
            let ordinal = year * 12 + month - 1 + offset
            rows += "\(name),\(String(format: "%04d-%02d", ordinal / 12, ordinal % 12 + 1)),\(value)\n"
        }
        return rows
    }

    /// 2019: 1 … 12 (sum 78); 2020-01 … 2020-08: 11 … 18.
    var partlyObserved: [String: String] {
        ["obs.csv": series("a", from: 2019, 1, (1...12).map(Double.init) + (11...18).map(Double.init)),
         "targets.csv": """
            indicator,year,aggregate,comparator,threshold,months
            a,2019,sum,>=,70,
            a,2020,mean,<,20,1-6
            a,2020,sum,>=,200,

            """]
    }

    @Test func sweepSettlesTargetsWhosePeriodIsAlreadyObserved() throws {
        let folder = try folder(partlyObserved)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["sweep", "obs.csv", "--targets", "targets.csv", "--format", "csv",
                                        "--from", "-10", "--to", "10", "--step", "10"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map(String.init)
        // 2019's sum is 78 ≥ 70 and 2020's January–June mean is (11+…+16)/6 = 13.5 < 20, both
        // settled by August 2020: no shift of months still to come can change them.
        #expect(rows.count == 4)
        #expect(rows.dropFirst().first == "a,2019,1,1,1")
        #expect(rows.dropFirst(2).first == "a,2020,1,1,1")
    }

    @Test func reportSettlesTargetsWhosePeriodIsAlreadyObserved() throws {
        let folder = try folder(partlyObserved)
        defer { try? FileManager.default.removeItem(at: folder) }
        for out in ["r.md", "r.html"] {
            let result = try CLIRunner.run(["report", "obs.csv", "--targets", "targets.csv", "--out", out], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(out).path))
        }
    }

    /// A window longer than the history fits the whole history: the same projection as no window.
    @Test func aRegressionWindowBeyondTheDataUsesAllOfIt() throws {
        // Five years of a trend with a wobble: 100 + t + (t mod 5).
        let values = (0..<60).map { Double(100 + $0 + $0 % 5) }
        let folder = try folder(["obs.csv": series("a", from: 2016, 1, values),
                                 "targets.csv": "indicator,year,aggregate,comparator,threshold\na,2020,sum,>=,2000\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        func projection(_ model: String) throws -> Double {
            let result = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--as-of", "2020-08",
                                            "--model", model, "--format", "json"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let first = try #require((document["indicators"] as? [[String: Any]])?.first)
            return try #require((first["projection"] as? [String: Any])?["value"] as? Double)
        }
        #expect(try projection("trend[100000]") == projection("trend"))
    }

    @Test func aForecastStopsAtTheCalendarsLastMonth() throws {
        // 9999-01 … 9999-06: six months are left in the calendar, not seven.
        let folder = try folder(["obs.csv": series("z", from: 9999, 1, [1, 2, 3, 4, 5, 6])])
        defer { try? FileManager.default.removeItem(at: folder) }
        let six = try CLIRunner.run(["forecast", "obs.csv", "--indicator", "z", "--horizon", "6", "--format", "csv", "--model", "trend"], in: folder)
        #expect(six.status == 0, "\(six.stderr)")
        #expect(six.stdout.split(separator: "\n").last?.hasPrefix("9999-12,") == true)
        let seven = try CLIRunner.run(["forecast", "obs.csv", "--indicator", "z", "--horizon", "7", "--model", "trend"], in: folder)
        #expect(seven.status == 1)
        #expect(seven.stderr.contains("field '--horizon'") && seven.stderr.contains("use at most 6"), "\(seven.stderr)")
    }

    /// Targets in the calendar's last year: every command that projects, sweeps or draws them.
    @Test(arguments: [["project"], ["sweep"], ["pace"], ["plot", "--out", "charts"], ["report", "--out", "r.html"],
                      ["whatif", "--add", "z@9999-12=5"]])
    func targetsInYear9999(_ command: [String]) throws {
        // 9998-01 … 9999-08, all 10: the 2020-style sum so far is 80.
        let folder = try folder(["obs.csv": series("z", from: 9998, 1, Array(repeating: 10, count: 20)),
                                 "targets.csv": "indicator,year,aggregate,comparator,threshold\nz,9999,sum,>=,100\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run([command[0], "obs.csv", "--targets", "targets.csv"] + command.dropFirst(), in: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Year 0001: a milestone, and a backtest cut before January of year 1.
    @Test func milestonesAndTargetsOfYearOne() throws {
        let folder = try folder(["obs.csv": series("y", from: 1, 1, (1...16).map(Double.init)),
                                 "targets.csv": """
                                    indicator,year,aggregate,comparator,threshold,due
                                    y,0001,milestone,>=,3,0001-06
                                    y,0001,sum,>=,3,

                                    """])
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["project", "sweep", "pace"] {
            let result = try CLIRunner.run([command, "obs.csv", "--targets", "targets.csv", "--as-of", "0001-04"], in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
    }

    @Test func backtestCutBeforeYearOne() throws {
        // 0001-01 … 0002-12, values 1 … 24: year 2's sum is 13 + … + 24 = 222.
        let folder = try folder(["obs.csv": series("y", from: 1, 1, (1...24).map(Double.init))])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["backtest", "obs.csv", "--as-of-month", "0", "--model", "trend", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["year"] as? Int } == [2])
        #expect(cases.first?["actual"] as? Double == 222)
        // Year 1 has no history before its January: skipped with the reason, not a trap.
        #expect((document["skipped"] as? [String])?.count == 1)
    }

    /// A range of years beyond the calendar used to build a set of billions of years.
    @Test func backtestYearsBeyondTheCalendarAreRefused() throws {
        let folder = try folder(["obs.csv": series("y", from: 2019, 1, (1...24).map(Double.init))])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["backtest", "obs.csv", "--years", "2019-99999999999"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--years'"), "\(result.stderr)")
    }

    /// A target compared with another indicator, under a change of 1e155 or more: the variance of
    /// V − R overflows, and Welch's ν became ∞/∞ = NaN, which StudentT refused with a trap. Now
    /// an overflow error that names the flag which caused it, in every command with scenarios.
    @Test func hugeScenarioChangeOnAComparedTargetIsAnErrorNamingTheFlag() throws {
        let values = (1...18).map(Double.init)
        let folder = try folder([
            "obs.csv": series("a", from: 2019, 1, values) + series("b", from: 2019, 1, values).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n",
            "targets.csv": "indicator,year,aggregate,comparator,versus\na,2020,sum,>=,b\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(command: [String], flag: String)] = [
            (["whatif", "--factor", "a@2020-07..2020-12=1e155"], "--factor"),
            (["whatif", "--scale", "a@2020-07..2020-12=+1e300%"], "--scale"),
            (["report", "--out", "r.md", "--factor", "a@2020-07..2020-12=1e300"], "--factor"),
            (["report", "--out", "r.html", "--scale", "a@2020-07..2020-12=+1e200%"], "--scale"),
        ]
        for (command, flag) in cases {
            let result = try CLIRunner.run([command[0], "obs.csv", "--targets", "targets.csv"] + command.dropFirst(), in: folder)
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.hasPrefix("outturn: error: command line: field '\(flag)':"), "\(result.stderr)")
            #expect(result.stderr.contains("overflows"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.md").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.html").path))
    }
}
