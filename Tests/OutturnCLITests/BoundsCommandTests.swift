import Foundation
import Testing

/// Natural bounds through the binary: a pass rate in `%` running at 96–99 (2018-01 … 2020-08),
/// whose December is judged against ≥ 95. The default model's 95% interval for December reaches
/// past 100 (as it did before bounds existed, and still does when the targets file says `..`, no
/// bounds); with the unit `%` it stops at 100, and a +10% scenario never projects above 100.
@Suite struct BoundsCommandTests {
    static let rates: [Double] = [97.6, 98.3, 97.6, 97.5, 97.0, 97.6, 98.8, 98.2, 98.7, 98.0, 98.2, 98.0,
                                  96.3, 98.6, 98.3, 98.2, 96.3, 96.2, 97.0, 97.4, 98.1, 97.8, 98.3, 97.2,
                                  98.1, 98.2, 97.2, 99.3, 98.3, 98.9, 97.2, 97.5]

    /// A folder with `obs.csv` and `targets.csv` whose `bounds` cell is `bounds`.
    func files(bounds: String) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var observations = "indicator,month,value\n"
        for (index, rate) in Self.rates.enumerated() {
            observations += "pass_rate,\(2018 + index / 12)-\(String(format: "%02d", index % 12 + 1)),\(rate)\n"
        }
        try observations.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold,unit,bounds\npass_rate,2020,last,>=,95,%,\(bounds)\n"
            .write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    func json(_ arguments: [String], in folder: URL) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func firstIndicator(_ document: [String: Any]) throws -> [String: Any] {
        try #require((document["indicators"] as? [[String: Any]])?.first)
    }

    func upper95(_ projection: [String: Any]) throws -> Double {
        let intervals = try #require(projection["intervals"] as? [[String: Any]])
        return try #require(intervals.first { $0["level"] as? Double == 95 }?["upper"] as? Double)
    }

    @Test func aPercentIntervalStopsAtOneHundred() throws {
        let open = try firstIndicator(try json(["project", "obs.csv", "--targets", "targets.csv"], in: try files(bounds: "..")))
        let openProjection = try #require(open["projection"] as? [String: Any])
        #expect(try upper95(openProjection) > 100, "the case must reach past 100 without bounds")
        #expect((open["target"] as? [String: Any])?["bounds"] == nil)

        let bounded = try firstIndicator(try json(["project", "obs.csv", "--targets", "targets.csv"], in: try files(bounds: "")))
        let projection = try #require(bounded["projection"] as? [String: Any])
        #expect(try upper95(projection) <= 100)
        #expect(try #require(projection["value"] as? Double) <= 100)
        let bounds = try #require((bounded["target"] as? [String: Any])?["bounds"] as? [String: Any])
        #expect(bounds["lower"] as? Double == 0 && bounds["upper"] as? Double == 100)
        // The threshold 95 lies inside 0…100: the model's own P(met) stands.
        #expect(bounded["probability"] as? Double == open["probability"] as? Double)
    }

    @Test func aRateAt97AndAHalfCannotRiseByTenPercent() throws {
        let arguments = ["whatif", "obs.csv", "--targets", "targets.csv", "--scale", "pass_rate@2020-09..2020-12=+10%"]
        // Unbounded, +10% on months forecast near 97.5 projects December near 107.
        let open = try firstIndicator(try json(arguments, in: try files(bounds: "..")))
        let openScenario = try #require((open["scenarios"] as? [[String: Any]])?.first)
        #expect(try #require((openScenario["projection"] as? [String: Any])?["value"] as? Double) > 105)

        let bounded = try firstIndicator(try json(arguments, in: try files(bounds: "0..100")))
        let scenario = try #require((bounded["scenarios"] as? [[String: Any]])?.first)
        let projection = try #require(scenario["projection"] as? [String: Any])
        #expect(try #require(projection["value"] as? Double) <= 100)
        #expect(try upper95(projection) <= 100)
        #expect(scenario["heldAtBounds"] as? [String] == ["2020-09", "2020-10", "2020-11", "2020-12"])

        // The table marks the scenario and says why.
        let table = try CLIRunner.run(arguments, in: try files(bounds: "0..100"))
        #expect(table.stdout.contains("command line*"))
        #expect(table.stdout.contains("past the indicator's bounds 0..100; held at the bound"))
    }

    @Test func sweepSaysWhichShiftsWereHeld() throws {
        let document = try json(["sweep", "obs.csv", "--targets", "targets.csv", "--from", "-10", "--to", "10"],
                                in: try files(bounds: ""))
        let row = try firstIndicator(document)
        // −10% and 0 keep every month within 0…100; +10% from ~97.5 would not.
        #expect(row["heldAtBounds"] as? [Bool] == [false, false, true])
    }
}
