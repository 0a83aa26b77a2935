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
}
