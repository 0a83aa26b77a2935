import Foundation
import Testing

/// `project --record` keeps what each target was projected with when the targets file's `model`
/// column gives rows their own model: every target's record names its own model, and the run's
/// `model` field says that rows had their own instead of claiming --model for all.
@Suite struct RecordedTargetModelsTests {
    @Test func eachTargetsOwnModelIsRecordedAndTheRunSaysSo() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "indicator,month,value\n"
        for name in ["r", "s"] {
            for index in 0..<40 {   // 2016-01 … 2019-04, no exact fit (see BacktestTargetsTests)
                let value = 100 + 2 * index + 10 * (index % 4) + (37 * index) % 11
                rows += name + String(format: ",%04d-%02d,%d\n", 2016 + index / 12, index % 12 + 1, value)
            }
        }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        // r has its own model (theta); s takes --model (snaive).
        try Data("indicator,year,aggregate,comparator,threshold,model\nr,2019,sum,>=,2000,theta\ns,2019,sum,>=,2000,\n".utf8)
            .write(to: folder.appendingPathComponent("targets.csv"))
        let project = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--model", "snaive",
                                         "--record", "runs.sqlite", "--format", "json"], in: folder)
        #expect(project.status == 0, "\(project.stderr)")
        let history = try CLIRunner.run(["history", "runs.sqlite", "--format", "json"], in: folder)
        #expect(history.status == 0, "\(history.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.map { $0["model"] as? String } == ["per target: theta; others snaive"])
        let tracks = try #require(document["targets"] as? [[String: Any]])
        var recorded: [String: String] = [:]
        for track in tracks {
            let steps = try #require(track["steps"] as? [[String: Any]])
            let model = try #require(steps.first?["model"] as? [String: Any])
            recorded[try #require(track["indicator"] as? String)] = model["name"] as? String
        }
        #expect(recorded == ["r": "theta", "s": "snaive"])
        // What project printed for each target is what was recorded.
        let printed = try #require(try JSONSerialization.jsonObject(with: Data(project.stdout.utf8)) as? [String: Any])
        for entry in try #require(printed["indicators"] as? [[String: Any]]) {
            let name = try #require(entry["indicator"] as? String)
            #expect((entry["model"] as? [String: Any])?["name"] as? String == recorded[name])
        }
    }

    @Test func withoutOwnModelsTheRunRecordsModelAsGiven() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = try CLIRunner.run(["project", observations, "--targets", targets, "--model", "trend+season",
                                         "--record", "runs.sqlite", "--format", "csv"], in: folder)
        #expect(project.status == 0, "\(project.stderr)")
        let history = try CLIRunner.run(["history", "runs.sqlite", "--format", "json"], in: folder)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        #expect((document["runs"] as? [[String: Any]])?.map { $0["model"] as? String } == ["trend+season"])
    }
}
