import Foundation
import Testing

/// `outturn project` on a panel large enough to take the shared calendar: each indicator must get
/// what it gets when projected on its own (then fitted alone, by the path R's `tslm` checks), and
/// the bytes must not depend on the core count.
@Suite struct SharedCalendarCommandTests {
    /// 100 indicators, 2017-01 … 2020-08, in wide form; targets: 2020 sums above a threshold.
    static func panel() throws -> (folder: URL, observations: URL, targets: URL) {
        let folder = try CLIRunner.temporaryFolder()
        let indicators = (0..<100).map { "k\($0)" }
        var wide = "month," + indicators.joined(separator: ",") + "\n"
        for t in 0..<44 {
            let month = String(format: "%04d-%02d", 2017 + t / 12, t % 12 + 1)
            let values = (0..<100).map { i in
                String(100 + Double(i) + 0.8 * Double(t) + 9 * sin(Double(t) * 0.5236 + Double(i % 7)) + Double((t * 5 + i) % 7))
            }
            wide += month + "," + values.joined(separator: ",") + "\n"
        }
        let observations = folder.appendingPathComponent("panel.csv")
        try wide.write(to: observations, atomically: true, encoding: .utf8)
        let targets = folder.appendingPathComponent("targets.csv")
        try ("indicator,year,aggregate,comparator,threshold\n"
            + indicators.enumerated().map { "\($1),2020,sum,>=,\(1_700 + 12 * $0)" }.joined(separator: "\n") + "\n")
            .write(to: targets, atomically: true, encoding: .utf8)
        return (folder, observations, targets)
    }

    func projections(_ output: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return try #require(document["indicators"] as? [[String: Any]])
    }

    @Test func panelAgreesWithEachIndicatorAlone() throws {
        let (folder, observations, targets) = try Self.panel()
        let model = ["--model", "trend+season", "--intervals", "model", "--format", "json"]
        let together = try CLIRunner.run(["project", observations.path, "--targets", targets.path] + model)
        #expect(together.status == 0, "\(together.stderr)")
        let all = try projections(together.stdout)
        #expect(all.count == 100)
        for index in [0, 37, 99] {
            let one = folder.appendingPathComponent("one\(index).csv")
            try "indicator,year,aggregate,comparator,threshold\nk\(index),2020,sum,>=,\(1_700 + 12 * index)\n"
                .write(to: one, atomically: true, encoding: .utf8)
            let alone = try CLIRunner.run(["project", observations.path, "--targets", one.path] + model)
            #expect(alone.status == 0, "\(alone.stderr)")
            let expected = try #require(try projections(alone.stdout).first)
            let actual = all[index]
            let modelAlone = try #require(expected["model"] as? [String: Any])
            let modelTogether = try #require(actual["model"] as? [String: Any])
            #expect((modelTogether["reason"] as? String)?.contains("shared calendar") == true)
            #expect((modelAlone["reason"] as? String) == "as requested")
            for key in ["name", "observations", "residualDegreesOfFreedom", "lastMonth"] {
                #expect("\(modelAlone[key]!)" == "\(modelTogether[key]!)", "\(key)")
            }
            let a = try #require(actual["projection"] as? [String: Any]), e = try #require(expected["projection"] as? [String: Any])
            for key in ["value", "standardError"] {
                #expect(isClose(try #require(a[key] as? Double), try #require(e[key] as? Double), relative: 1e-10), "\(key)")
            }
            #expect(abs(try #require(actual["probability"] as? Double) - (try #require(expected["probability"] as? Double))) <= 1e-10)
            #expect(actual["status"] as? String == expected["status"] as? String)
        }
    }

    @Test func oneCoreAndAllCoresGiveTheSameBytes() throws {
        let (_, observations, targets) = try Self.panel()
        let arguments = ["project", observations.path, "--targets", targets.path, "--model", "trend+season",
                         "--intervals", "model", "--format", "json"]
        let all = try CLIRunner.run(arguments), one = try CLIRunner.runOnOneCore(arguments)
        #expect(all.status == 0 && one.status == 0)
        #expect(one.stdout == all.stdout)
    }

    /// 300 indicators, 2017-01 … 2020-08 in long form, on three calendars: most complete (one
    /// shared group), a third missing 2017-06 (a second group), three missing 2018-02 (too few to
    /// share: fitted one at a time). Targets mix sums, means and lasts, all four comparators,
    /// thresholds on either side of the projection, series that dip below zero (no early settling),
    /// exact fits (σ̂ = 0), a names-and-units row, and a few base-year targets (assessed per series
    /// inside a shared group).
    static func mixedPanel() throws -> (observations: URL, targets: URL) {
        let folder = try CLIRunner.temporaryFolder()
        var long = "indicator,month,value\n"
        var targets = "indicator,year,aggregate,comparator,threshold,base_year,change_percent,name,unit\n"
        let aggregates = ["sum", "mean", "last"], comparators = [">=", "<=", ">", "<"]
        for i in 0..<300 {
            let level = i % 10 == 0 ? -5 + Double(i % 7) : 20 + Double(i)
            let exact = i % 23 == 0
            for t in 0..<44 {
                if i % 3 == 1 && t == 5 { continue }
                if i >= 297 && t == 13 { continue }
                let noise = exact ? 0 : 3 * sin(Double(t * (i % 13 + 3)) * 1.7) + Double((t * 7 + i) % 5) / 3
                let value = level + 0.4 * Double(t) + 6 * sin(Double(t % 12) * 0.5236) + noise
                long += String(format: "k%d,%04d-%02d,", i, 2017 + t / 12, t % 12 + 1) + "\(value)\n"
            }
            let aggregate = aggregates[i % 3], comparator = comparators[(i / 3) % 4]
            // The 2020 figure is near level + 17 per month; thresholds straddle it.
            let monthly = level + 17 + Double(i % 9 - 4) * 0.8
            // Every 17th sum asks for a third of the year: the months so far already settle it.
            let threshold = aggregate == "sum" ? (i % 17 == 3 ? 4 : 12) * monthly : monthly
            let name = i == 5 ? "Water, new use" : "", unit = i == 5 ? "m3" : ""
            if i % 50 == 7 {
                targets += "k\(i),2020,\(aggregate),\(comparator),,2019,-3,\(name),\(unit)\n"
            } else {
                targets += "k\(i),2020,\(aggregate),\(comparator),\(threshold),,,\"\(name)\",\(unit)\n"
            }
        }
        let observations = folder.appendingPathComponent("mixed.csv"), targetsFile = folder.appendingPathComponent("targets.csv")
        try long.write(to: observations, atomically: true, encoding: .utf8)
        try targets.write(to: targetsFile, atomically: true, encoding: .utf8)
        return (observations, targetsFile)
    }

    /// The columnar path (a CSV of projections alone) writes the very bytes of the per-series
    /// assembly, which stays the reference (`--per-series`), on all cores and on one.
    @Test func columnarCSVIsByteIdenticalToThePerSeriesPath() throws {
        let (observations, targets) = try Self.mixedPanel()
        let arguments = ["project", observations.path, "--targets", targets.path, "--model", "trend+season",
                         "--intervals", "model", "--format", "csv"]
        let columnar = try CLIRunner.run(arguments), reference = try CLIRunner.run(arguments + ["--per-series"])
        #expect(columnar.status == 0, "\(columnar.stderr)")
        #expect(reference.status == 0, "\(reference.stderr)")
        let lines = columnar.stdout.split(separator: "\n")
        #expect(lines.count == 301)
        // The panel covers what it means to: every status, settled rows, rows with and without a pace.
        for status in [",met,", ",missed,", ",on track,", ",off track,", ",at risk,"] {
            #expect(lines.contains { $0.contains(status) }, "\(status)")
        }
        #expect(columnar.stdout == reference.stdout)
        let oneCore = try CLIRunner.runOnOneCore(arguments)
        #expect(oneCore.stdout == reference.stdout)
    }
}
