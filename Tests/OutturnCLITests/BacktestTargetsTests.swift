import Foundation
import Testing

/// `backtest --targets` scores each target's own figure, and `--years` comes out in order.
@Suite struct BacktestTargetsTests {
    /// 2016-01 … 2019-12: month m of year y is 10·(y − 2015) + m, never negative.
    func folder(targets: String) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var rows = "indicator,month,value\n"
        for year in 2016...2019 { for month in 1...12 { rows += "r,\(year)-\(String(format: "%02d", month)),\(10 * (year - 2015) + month)\n" } }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        try Data(targets.utf8).write(to: folder.appendingPathComponent("targets.csv"))
        return folder
    }

    @Test func eachTargetIsBacktestedOnItsOwnAggregateAndPeriod() throws {
        let folder = try folder(targets: "indicator,year,aggregate,comparator,threshold,months\nr,2020,mean,<,5,5-12\nr,2020,max,>=,5,\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["backtest", "obs.csv", "--targets", "targets.csv", "--as-of-month", "6",
                                        "--model", "trend", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        let means = cases.filter { $0["aggregate"] as? String == "mean" }
        let maxima = cases.filter { $0["aggregate"] as? String == "max" }
        // Mean of May–December of year y: 10·(y − 2015) + (5 + … + 12)/8 = 10·(y − 2015) + 8.5.
        #expect(means.map { $0["year"] as? Int } == [2016, 2017, 2018, 2019])
        for c in means {
            let year = try #require(c["year"] as? Int)
            #expect(c["actual"] as? Double == Double(10 * (year - 2015)) + 8.5)
            #expect(c["months"] as? String == "5-12" && c["comparator"] as? String == "<")
        }
        // The maximum is December's value: 10·(y − 2015) + 12.
        for c in maxima {
            let year = try #require(c["year"] as? Int)
            #expect(c["actual"] as? Double == Double(10 * (year - 2015) + 12))
        }
        #expect(maxima.count == 4)
        #expect(document["aggregate"] is NSNull)
        // A series never negative has no interval below zero.
        for c in cases {
            for interval in try #require(c["intervals"] as? [[String: Any]]) {
                #expect(try #require(interval["lower"] as? Double) >= 0)
            }
        }
    }

    /// A coverage rate (unit `%`) that runs at 97–99.9: its backtested intervals are censored to
    /// 0…100 as `project`'s are, so the backtest scores what analysts are shown. The same rows
    /// with the bounds lifted (`..`) reach above 100 — the test of the test: without the bounds
    /// there is something to censor.
    @Test func percentTargetsAreBacktestedWithinTheirBounds() throws {
        func run(bounds: String) throws -> [Double] {
            let folder = try CLIRunner.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            // Month m of year y: 97 + 2.9·((7m + 3y) mod 10)/9, between 97 and 99.9, no trend.
            var rows = "indicator,month,value\n"
            for year in 2015...2019 {
                for month in 1...12 {
                    rows += "rate,\(year)-\(String(format: "%02d", month)),\(97 + 2.9 * Double((7 * month + 3 * year) % 10) / 9)\n"
                }
            }
            try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
            try Data("indicator,year,aggregate,comparator,threshold,unit,bounds\nrate,2020,last,>=,98,%,\(bounds)\n".utf8)
                .write(to: folder.appendingPathComponent("targets.csv"))
            let result = try CLIRunner.run(["backtest", "obs.csv", "--targets", "targets.csv", "--as-of-month", "3",
                                            "--model", "level", "--format", "json"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let cases = try #require(document["cases"] as? [[String: Any]])
            #expect(!cases.isEmpty)
            return try cases.flatMap { c in
                try #require(c["intervals"] as? [[String: Any]]).map { try #require($0["upper"] as? Double) }
            }
        }
        let bounded = try run(bounds: "")
        #expect(bounded.allSatisfy { $0 <= 100 }, "\(bounded)")
        let unbounded = try run(bounds: "..")
        #expect(unbounded.contains { $0 > 100 }, "\(unbounded)")
    }

    @Test func targetsReplaceAggregate() throws {
        let folder = try folder(targets: "indicator,year,aggregate,comparator,threshold\nr,2020,sum,>=,5\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["backtest", "obs.csv", "--targets", "targets.csv", "--aggregate", "mean"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--aggregate'"), "\(result.stderr)")
    }

    /// The years of `--years` were a Set's iteration order: different on every run.
    @Test func yearsComeInOrderOnEveryRun() throws {
        let folder = try folder(targets: "")
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<4 {
            let result = try CLIRunner.run(["backtest", "obs.csv", "--years", "2019,2016-2018", "--model", "trend",
                                            "--as-of-month", "3", "--format", "csv"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let years = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] }
            #expect(years == ["2016", "2017", "2018", "2019"])
        }
    }

    /// A targets file's `model` column gives a row its own model in backtest too, as in project.
    /// Two rows of one indicator and figure (sum, ≥), years 2020 and 2021 so that they may differ
    /// (targets of one indicator and year share a model), with theta and snaive: each row's cases
    /// are exactly those of `backtest --model` that model, and each case names its model. Before,
    /// both rows were backtested with --model (auto) and the second, the same figure, was dropped.
    @Test func eachRowIsBacktestedWithItsOwnModel() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "indicator,month,value\n"
        for index in 0..<48 {
            // A trend, a four-month cycle and a deterministic wobble: no model fits it exactly.
            let value = 100 + 2 * index + 10 * (index % 4) + (37 * index) % 11
            rows += String(format: "r,%04d-%02d,%d\n", 2016 + index / 12, index % 12 + 1, value)
        }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        try Data("indicator,year,aggregate,comparator,threshold,model\nr,2020,sum,>=,5,theta\nr,2021,sum,>=,5,snaive\n".utf8)
            .write(to: folder.appendingPathComponent("targets.csv"))
        func backtest(_ arguments: [String]) throws -> [String: Any] {
            let result = try CLIRunner.run(["backtest", "obs.csv", "--as-of-month", "4", "--format", "json"] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        let perRow = try backtest(["--targets", "targets.csv"])
        #expect(perRow["model"] as? String == "per target: theta, snaive")
        let cases = try #require(perRow["cases"] as? [[String: Any]])
        for model in ["theta", "snaive"] {
            let alone = try #require(try backtest(["--model", model])["cases"] as? [[String: Any]])
            let mine = cases.filter { $0["model"] as? String == model }
            #expect(mine.count == alone.count && !alone.isEmpty, "\(model): \(mine.count) cases, \(alone.count) alone")
            for (own, reference) in zip(mine, alone) {
                for key in ["year", "model", "projection", "actual", "pit", "previous"] {
                    #expect(String(describing: own[key]) == String(describing: reference[key]), "\(model) \(key)")
                }
                let intervals = try #require(own["intervals"] as? [[String: Double]])
                #expect(intervals.count == 2 && intervals == reference["intervals"] as? [[String: Double]], "\(model)")
            }
        }
    }
}
