import Foundation
import Testing

/// A regressor taken from the same observations file, known into the future.
@Suite struct RegressorCommandTests {
    @Test func regressorFromTheFileDoesNotMoveTheDefaultAsOf() throws {
        let folder = try CLIRunner.temporaryFolder()
        // y = 5 + 3·x + small wiggle; x is known through December, y through August.
        var rows = ["indicator,month,value"]
        let x: [Double] = (1...12).map { Double(($0 * 7) % 11) }
        func wiggle(_ m: Int) -> Double { m % 2 == 0 ? 0.1 : -0.1 }
        func y(_ m: Int) -> Double { 5 + 3 * x[m - 1] + wiggle(m) }
        for m in 1...12 { rows.append("x,2020-\(String(format: "%02d", m)),\(x[m - 1])") }
        for m in 1...8 { rows.append("y,2020-\(String(format: "%02d", m)),\(y(m))") }
        try (rows.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("o.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold\ny,2020,sum,>=,100\n"
            .write(to: folder.appendingPathComponent("t.csv"), atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["project", "o.csv", "--targets", "t.csv", "--model", "level",
                                        "--regressor", "x", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["asOf"] as? String == "2020-08")
        let entry = try #require((document["indicators"] as? [[String: Any]])?.first)
        #expect((entry["model"] as? [String: Any])?["name"] as? String == "x:x")
        // Sep–Dec from the regressor: Σ(5 + 3x) over x = 8, 4, 0, 7 (months 9–12) = 20 + 57 = 77, within the wiggle.
        let observed = (1...8).map(y).reduce(0, +)
        let value = try #require((entry["projection"] as? [String: Any])?["value"] as? Double)
        #expect(abs(value - (observed + 77)) < 0.5)

        let unknown = try CLIRunner.run(["project", "o.csv", "--targets", "t.csv", "--regressor", "z"], in: folder)
        #expect(unknown.status == 1 && unknown.stderr.contains("field '--regressor'"))
    }
}
