import Foundation
import Testing

/// `outturn compare`: every candidate backtested on each target's own figure, through the binary.
@Suite struct CompareCommandTests {
    static let defaultCandidates = ["auto", "ets", "theta", "damped", "trend+season+arma", "regression", "snaive", "runrate"]

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// y = 100 + t, t = 0 at 2015-01, through 2020-06; one target, the 2020 sum.
    func linearFolder(targets: String) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var rows = "indicator,month,value\n"
        for t in 0..<66 { rows += "x,\(2015 + t / 12)-\(String(format: "%02d", t % 12 + 1)),\(100 + t)\n" }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        try Data(targets.utf8).write(to: folder.appendingPathComponent("targets.csv"))
        return folder
    }

    /// Cut after June of 2017, 2018, 2019 (J = 24, 36, 48: January's t): the actual totals are
    /// 1266 + 12J = 1554, 1698, 1842. `level` adds 6 × the mean of t = 0 … J + 5, 615 + 3J, to the
    /// 615 + 6J observed, where the open months sum to 651 + 6J: it misses by 36 + 3J = 108, 144,
    /// 180. `trend` fits the line exactly.
    @Test func linearSeriesByHand() throws {
        let folder = try linearFolder(targets: "indicator,year,aggregate,comparator,threshold,name\nx,2020,sum,>=,1500,the line\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "trend,level",
                                        "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result)
        #expect(document["asOf"] as? String == "2020-06")
        let comparison = try #require((document["comparisons"] as? [[String: Any]])?.first)
        #expect(comparison["years"] as? [Int] == [2017, 2018, 2019] && comparison["monthsKnown"] as? Int == 6)
        #expect(comparison["names"] as? [String] == ["the line"])
        let candidates = try #require(comparison["candidates"] as? [[String: Any]])
        // The model in use (--model's default, auto) is added after the candidates asked for.
        #expect(candidates.map { $0["model"] as? String } == ["trend", "level", "auto"])
        #expect(try #require(candidates[0]["meanAPE"] as? Double) < 1e-9)
        let levelAPE = (108.0 / 1554 + 144.0 / 1698 + 180.0 / 1842) / 3 * 100
        #expect(isClose(try #require(candidates[1]["meanAPE"] as? Double), levelAPE, relative: 1e-10))
        #expect(candidates.allSatisfy { $0["cuts"] as? Int == 3 })
        #expect(comparison["lowestAPE"] as? String == "trend")
        #expect(comparison["model"] as? String == "auto" && comparison["modelFromTargets"] as? Bool == false)
        #expect(comparison["autoChoice"] as? String == "ensemble")

        let table = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "trend,level"], in: folder)
        #expect(table.status == 0)
        let trendRow = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("trend ") })
        #expect(trendRow.contains("lowest APE"))
        let csv = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "trend,level", "--format", "csv"], in: folder)
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("indicator,name,year,aggregate,months,months_known,years,model,cuts") == true)
        #expect(lines.count == 4)
    }

    /// The targets file's `model` is the model in use: added to the candidates and marked.
    @Test func theTargetsFilesModelIsMarked() throws {
        let folder = try linearFolder(targets: "indicator,year,aggregate,comparator,threshold,model\nx,2020,sum,>=,1500,runrate\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "trend", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let comparison = try #require((try json(result)["comparisons"] as? [[String: Any]])?.first)
        #expect(comparison["model"] as? String == "runrate" && comparison["modelFromTargets"] as? Bool == true)
        let candidates = try #require(comparison["candidates"] as? [[String: Any]])
        #expect(candidates.map { $0["model"] as? String } == ["trend", "runrate"])
        // The run-rate misses the open months by 36 each year (see linearSeriesByHand).
        let runRateAPE = (36.0 / 1554 + 36.0 / 1698 + 36.0 / 1842) / 3 * 100
        #expect(isClose(try #require(candidates[1]["meanAPE"] as? Double), runRateAPE, relative: 1e-10))
        let table = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "trend"], in: folder)
        #expect(table.stdout.split(separator: "\n").contains { $0.hasPrefix("runrate ") && $0.contains("in use (targets file)") })
    }

    /// The bundled example, every target: exit 0, one comparison per figure (the three PM2.5
    /// conditions and the two CO₂ ones share theirs), milestones left out, and a figure without an
    /// earlier complete year (kitchen waste, observed since 2020-05) reported as such.
    @Test func theExampleEveryTarget() throws {
        let folder = CLIRunner.example
        let result = try CLIRunner.run(["compare", "observations.csv", "--targets", "targets.csv", "--models", "snaive,runrate",
                                        "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let comparisons = try #require(try json(result)["comparisons"] as? [[String: Any]])
        let indicators = comparisons.compactMap { $0["indicator"] as? String }
        let text = try String(contentsOf: folder.appendingPathComponent("targets.csv"), encoding: .utf8)
        var expected: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields: [Substring] = line.split(separator: ",", omittingEmptySubsequences: false)
            let indicator = String(fields[0])
            if fields[2] != "milestone", !expected.contains(indicator) { expected.append(indicator) }
        }
        #expect(indicators == expected)
        let kitchen = try #require(comparisons.first { $0["indicator"] as? String == "kitchen_waste" })
        #expect((kitchen["years"] as? [Int])?.isEmpty == true)
        for comparison in comparisons where comparison["indicator"] as? String != "kitchen_waste" {
            #expect(comparison["years"] as? [Int] == [2017, 2018, 2019] && comparison["monthsKnown"] as? Int == 8)
            let models = (comparison["candidates"] as? [[String: Any]])?.map { $0["model"] as? String }
            #expect(models == ["snaive", "runrate", "auto"])
        }
        let chinese = try CLIRunner.run(["compare", "observations.csv", "--targets", "targets.csv", "--models", "snaive",
                                         "--lang", "zh"], in: folder)
        #expect(chinese.status == 0 && chinese.stdout.contains("平均 APE") && chinese.stdout.contains("当前使用"))
    }

    /// Every default candidate on the example's observations. (As of March 2018 with one year to
    /// cut: the automatic ARMA order search takes about a minute per cut in a debug build on
    /// 2020's history; the release binary is some 20 times faster.)
    @Test func everyDefaultCandidateOnTheExample() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CLIRunner.example.appendingPathComponent("observations.csv"),
                                         to: folder.appendingPathComponent("observations.csv"))
        try Data("indicator,year,aggregate,comparator,threshold\nwater,2018,sum,<=,11489\n".utf8)
            .write(to: folder.appendingPathComponent("targets.csv"))
        let arguments = ["compare", "observations.csv", "--targets", "targets.csv", "--as-of", "2018-03", "--years", "1"]
        let table = try CLIRunner.run(arguments, in: folder)
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        for name in Self.defaultCandidates { #expect(rows.contains(name), "no row for \(name)") }
        let result = try CLIRunner.run(arguments + ["--format", "json"], in: folder)
        let comparison = try #require((try json(result)["comparisons"] as? [[String: Any]])?.first)
        #expect((comparison["candidates"] as? [[String: Any]])?.map { $0["model"] as? String } == Self.defaultCandidates)
        #expect(comparison["years"] as? [Int] == [2017] && comparison["monthsKnown"] as? Int == 3)
    }

    @Test func modelsWithCommasInsideParenthesesAreOneName() throws {
        let folder = try linearFolder(targets: "indicator,year,aggregate,comparator,threshold\nx,2020,sum,>=,1500\n")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["compare", "obs.csv", "--targets", "targets.csv", "--models", "level, ETS(A,N,N)",
                                        "--years", "1", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let comparison = try #require((try json(result)["comparisons"] as? [[String: Any]])?.first)
        #expect((comparison["candidates"] as? [[String: Any]])?.map { $0["model"] as? String } == ["level", "ets(ANN)", "auto"])
    }
}
