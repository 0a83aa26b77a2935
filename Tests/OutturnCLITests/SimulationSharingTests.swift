import Foundation
import Testing

/// Targets judged by simulation (`min`, `max`, every log model) on one prediction share its 10,000
/// drawn paths and the figure's values on them. Sharing must change nothing but the time taken:
/// each row is the row its target gets alone, to the last digit.
@Suite struct SimulationSharingTests {
    static let observations = CLIRunner.example.appendingPathComponent("observations.csv").path

    /// The CSV rows of `project` over the targets `rows`, keyed by their `name` cell, with that
    /// cell left out (it is what tells the copies apart).
    func projectRows(_ rows: [String], model: [String] = [], in folder: URL) throws -> [String: [String]] {
        let targets = folder.appendingPathComponent("targets.csv")
        try Data(("indicator,year,aggregate,comparator,threshold,name\n" + rows.joined(separator: "\n") + "\n").utf8).write(to: targets)
        let result = try CLIRunner.run(["project", Self.observations, "--targets", targets.path, "--format", "csv"] + model)
        #expect(result.status == 0, "\(result.stderr)")
        var byName: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n").dropFirst() {
            var cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // Target rows only: the joint row of an indicator-year is not made for a single target.
            guard cells.count > 4, cells[4] != "joint" else { continue }
            let name = cells.remove(at: 1)
            byName[name, default: []].append(cells.joined(separator: ","))
        }
        return byName
    }

    @Test(arguments: [[String](), ["--model", "log(trend+season)"]])
    func manyTargetsOnOnePredictionGiveTheRowsOfTargetsAlone(_ model: [String]) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Water 2020 in the example: a maximum, a minimum and a sum under several thresholds, and
        // 40 copies of one max target told apart by name only.
        let distinct = ["water,2020,max,>=,780,a", "water,2020,max,<,760,b", "water,2020,min,<=,650,c",
                        "water,2020,min,>,600,d", "water,2020,sum,<=,8500,e"]
        let copies = (0..<40).map { "water,2020,max,>=,780,copy\($0)" }
        let together = try projectRows(distinct + copies, model: model, in: folder)
        #expect(together.count == distinct.count + copies.count)
        for row in distinct {
            let name = String(row.split(separator: ",").last!)
            let alone = try projectRows([row], model: model, in: folder)
            #expect(alone[name] != nil && together[name] == alone[name], "\(row)")
        }
        // Every copy has the row of the target it copies, run alone.
        let original = try #require(try projectRows(["water,2020,max,>=,780,a"], model: model, in: folder)["a"])
        #expect(original.count == 1 && original[0].contains(",simulation"))
        for index in 0..<40 { #expect(together["copy\(index)"] == original) }
    }

    /// A `level` model on a series that alternates 10 and 12 (2019-01 to 2020-06, n = 18): the
    /// forecast of every open month is ȳ = 11 and σ̂² = RSS/(n − 1) = 18/17, each month's error
    /// σ̂·√(ν/χ²_ν)·(z₀/√18 + εᵢ) with ν = 17 (shared parameter error z₀, one χ² per path).
    /// `max` of 2020 is max(12, the six open months). Far above: `max ≥ 1000` needs a month
    /// 960 σ̂ above the forecast, beyond every draw (a t tail with ν = 17 there is below 1e-40),
    /// so P = 0; `max ≤ 1000` is met on every path, P = 1, and not settled (the maximum can still
    /// rise). The median and the 10%/90% quantiles of V come from an independent simulation of
    /// the same distribution with numpy (4,000,000 draws, seed 1):
    /// `np.maximum(12, (11 + s*sqrt(nu/chi2)*(z0/sqrt(18) + e)).max(axis=1))` →
    /// median 12.2947, quantiles 12 and 13.3931; the program's 10,000 draws must agree within
    /// their sampling error (about 0.01 at the median, 0.03 at 90%).
    @Test func levelModelMaxTargetsFarFromTheSeriesGiveTheHandAnswer() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var observations = "indicator,month,value\n"
        for index in 0..<18 {
            observations += "x,\(2019 + index / 12)-\(String(format: "%02d", index % 12 + 1)),\(index % 2 == 0 ? 10 : 12)\n"
        }
        try Data(observations.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        // Many copies, so that the shared paths are what is judged.
        var targets = "indicator,year,aggregate,comparator,threshold,name\n"
        for index in 0..<20 { targets += "x,2020,max,>=,1000,above\(index)\nx,2020,max,<=,1000,below\(index)\n" }
        try Data(targets.utf8).write(to: folder.appendingPathComponent("t.csv"))
        let result = try CLIRunner.run(["project", "obs.csv", "--targets", "t.csv", "--model", "level", "--intervals", "model",
                                        "--level", "80", "--format", "csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let rows = lines.dropFirst().filter { $0[try! column("aggregate")] == "max" }
        #expect(rows.count == 40)
        for row in rows {
            let above = row[try column("name")].hasPrefix("above")
            #expect(row[try column("method")] == "simulation")
            #expect(row[try column("probability")] == (above ? "0" : "1"))
            #expect(row[try column("status")] == (above ? "off track" : "on track"))
            let value = try #require(Double(row[try column("projection")]))
            let lower = try #require(Double(row[try column("lower_80")]))
            let upper = try #require(Double(row[try column("upper_80")]))
            #expect(abs(value - 12.2947) < 0.03, "\(value)")
            #expect(lower == 12)
            #expect(abs(upper - 13.3931) < 0.08, "\(upper)")
        }
    }
}
