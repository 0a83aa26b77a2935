import Foundation
import Testing

/// The targets file's `model` column changes the model of its own row only, in every command
/// that projects targets.
@Suite struct TargetModelColumnTests {
    /// a: 1 … 30 from 2018-01 (2020-01 … 06 hold 25 … 30, summing to 165); b: another pattern.
    func folder() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var rows = "indicator,month,value\n"
        for i in 0..<30 {
            let month = "\(2018 + i / 12)-\(String(format: "%02d", i % 12 + 1))"
            rows += "a,\(month),\(i + 1)\nb,\(month),\((i * 7) % 11 + 20)\n"
        }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        try Data("indicator,year,aggregate,comparator,threshold,model\na,2020,sum,>=,300,runrate\nb,2020,sum,>=,300,\n".utf8)
            .write(to: folder.appendingPathComponent("own.csv"))
        try Data("indicator,year,aggregate,comparator,threshold\na,2020,sum,>=,300\nb,2020,sum,>=,300\n".utf8)
            .write(to: folder.appendingPathComponent("plain.csv"))
        return folder
    }

    func indicators(_ arguments: [String], in folder: URL) throws -> [[String: Any]] {
        let result = try CLIRunner.run(arguments + ["--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(document["indicators"] as? [[String: Any]])
    }

    /// a's run-rate: 165 observed + 6 × 27.5 (the mean of January–June) = 330. b keeps `--model`'s
    /// choice: the same projection as without the column.
    @Test func projectUsesTheRowsModelForThatRowOnly() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let own = try indicators(["project", "obs.csv", "--targets", "own.csv"], in: folder)
        let plain = try indicators(["project", "obs.csv", "--targets", "plain.csv"], in: folder)
        #expect((own[0]["model"] as? [String: Any])?["name"] as? String == "runrate")
        #expect((own[0]["projection"] as? [String: Any])?["value"] as? Double == 330)
        #expect((plain[0]["model"] as? [String: Any])?["name"] as? String != "runrate")
        #expect((own[1]["model"] as? [String: Any])?["name"] as? String == (plain[1]["model"] as? [String: Any])?["name"] as? String)
        #expect((own[1]["projection"] as? [String: Any])?["value"] as? Double
                == (plain[1]["projection"] as? [String: Any])?["value"] as? Double)
        // The CSV of projections alone (the columnar path) follows the row's model too.
        let csv = try CLIRunner.run(["project", "obs.csv", "--targets", "own.csv", "--format", "csv"], in: folder)
        #expect(csv.stdout.split(separator: "\n").dropFirst().first?.contains("runrate") == true, "\(csv.stdout)")
    }

    /// pace: landing on 300 needs (300 − 165) / 6 = 22.5 a month, 22.5 / 27.5 − 1 = −18.18…% of
    /// the run-rate's forecast. whatif: +10% on a's open months gives 165 + 1.1 × 165 = 346.5.
    @Test func paceWhatIfAndSweepUseItToo() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pace = try indicators(["pace", "obs.csv", "--targets", "own.csv"], in: folder)
        let exact = try #require(pace[0]["exact"] as? [String: Any])
        #expect(exact["perMonth"] as? Double == 22.5)
        #expect(isClose(try #require(exact["percentOfForecast"] as? Double), (22.5 / 27.5 - 1) * 100, relative: 1e-12))
        let whatIf = try indicators(["whatif", "obs.csv", "--targets", "own.csv", "--scale", "a@2020-07..2020-12=10%"], in: folder)
        let scenario = try #require((whatIf[0]["scenarios"] as? [[String: Any]])?.first)
        #expect(isClose(try #require((scenario["projection"] as? [String: Any])?["value"] as? Double), 346.5, relative: 1e-12))
        let project = try indicators(["project", "obs.csv", "--targets", "own.csv"], in: folder)
        let sweep = try indicators(["sweep", "obs.csv", "--targets", "own.csv"], in: folder)
        // Shift 0 (the middle of −30 … 30) is the baseline: the run-rate's P(met).
        #expect((sweep[0]["probabilities"] as? [Double])?[3] == project[0]["probability"] as? Double)
    }
}
