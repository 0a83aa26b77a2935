import Foundation
import Testing

/// Thin evidence is said, not hidden (issue #14, item 5): `project`'s table marks the row and
/// explains it in a footnote, its JSON carries a `warnings` array, and the report does both.
///
/// The motivating case: jobs placed 100, 110, 120 in Jan–Mar 2024 against a year total of at least
/// 2,000. Before this change the table said "off track, P(met) <1%" with the interval 1,860 – 1,860
/// and no word of doubt. By hand: 3 months < 24 (two seasonal cycles); three points on a line, so
/// `auto` (which needs 8 months for its ensemble) falls back to a regression and `trend` fits them
/// exactly (σ̂ = 0, a zero-width interval); the last month projected, December, lies 9 months
/// after March, more than the 3 observed.
@Suite struct ProjectionWarningCommandTests {
    static let expectedCodes = ["short-history", "exact-fit", "long-extrapolation", "fell-back"]

    /// A folder with the three months and the target.
    func threeMonths() throws -> (folder: URL, observations: String, targets: String) {
        let folder = try CLIRunner.temporaryFolder()
        let observations = folder.appendingPathComponent("obs.csv"), targets = folder.appendingPathComponent("targets.csv")
        try "indicator,month,value\njobs,2024-01,100\njobs,2024-02,110\njobs,2024-03,120\n"
            .write(to: observations, atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold\njobs,2024,sum,>=,2000\n"
            .write(to: targets, atomically: true, encoding: .utf8)
        return (folder, observations.path, targets.path)
    }

    @Test func threeMonthsShowTheirWarningsInTheTable() throws {
        let (folder, observations, targets) = try threeMonths()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", observations, "--targets", targets])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.hasPrefix("jobs") })
        #expect(row.contains("off track ⚠¹"), "\(row)")
        let footnote = try #require(lines.first { $0.hasPrefix("⚠¹ jobs 2024: ") }, "\(result.stdout)")
        for fragment in ["only 3 months observed, fewer than 24", "fits all 3 months exactly (σ̂ = 0)",
                         "projects 9 months ahead from only 3 observed", "too few months for auto (3 observed): fell back to trend"] {
            #expect(footnote.contains(fragment), "\(fragment) in \(footnote)")
        }
    }

    @Test func threeMonthsCarryWarningsInTheJSON() throws {
        let (folder, observations, targets) = try threeMonths()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entry = try #require((document["indicators"] as? [[String: Any]])?.first)
        let warnings = try #require(entry["warnings"] as? [[String: String]])
        #expect(warnings.map { $0["code"] } == Self.expectedCodes)
        #expect(warnings.first?["message"] == "only 3 months observed, fewer than 24 (two seasonal cycles)")
        // The exact fit is real: every interval has collapsed to a point.
        let intervals = try #require((entry["projection"] as? [String: Any])?["intervals"] as? [[String: Any]])
        for interval in intervals {
            #expect(try #require(interval["lower"] as? Double) == (try #require(interval["upper"] as? Double)))
        }
        // The schema knows the array, and JSON stays English (the same bytes) in Chinese.
        #expect(try JSONSchemaTests.validate([("project", result.stdout)]) == [[]])
        let chinese = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json", "--lang", "zh"])
        #expect(chinese.stdout == result.stdout)
    }

    @Test func threeMonthsWarnInChinese() throws {
        let (folder, observations, targets) = try threeMonths()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--lang", "zh"])
        #expect(result.status == 0, "\(result.stderr)")
        let footnote = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("⚠¹ jobs（2024 年）：") },
                                    "\(result.stdout)")
        #expect(footnote.contains("仅有 3 个月的观测，不足 24 个月"))
        #expect(footnote.contains("仅凭 3 个月的观测外推 9 个月"))
        #expect(footnote.contains("无法使用默认的平滑组合模型，已改用 trend"))
    }

    @Test func theReportMarksAndExplainsTheRow() throws {
        let (folder, observations, targets) = try threeMonths()
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = folder.appendingPathComponent("report.md"), html = folder.appendingPathComponent("report.html")
        for out in [markdown, html] {
            let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", out.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let markdownText = try String(contentsOf: markdown, encoding: .utf8)
        #expect(markdownText.contains("off track ⚠¹ |"))
        #expect(markdownText.contains("⚠¹ jobs 2024: only 3 months observed"))
        let htmlText = try String(contentsOf: html, encoding: .utf8)
        #expect(htmlText.contains("href=\"#warning-1\""))
        #expect(htmlText.contains("id=\"warning-1\""))
        #expect(htmlText.contains("projects 9 months ahead from only 3 observed"))
    }

    @Test func aLongHistoryHasNoWarnings() throws {
        // 2017-01 … 2020-06: 42 months ≥ 24, horizon Jun → Dec 6 ≤ 42, an irregular part so no
        // exact fit, and `auto` fits its ensemble. Nothing to say.
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "indicator,month,value\n"
        for i in 0..<42 {
            let value = 100 + 10 * sin(2 * Double.pi * Double(i) / 12) + Double((37 * i) % 11) - 5
            rows += String(format: "x,%04d-%02d,%.2f\n", 2017 + i / 12, i % 12 + 1, value)
        }
        try rows.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold\nx,2020,sum,>=,1200\n"
            .write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        let arguments = ["project", folder.appendingPathComponent("obs.csv").path,
                         "--targets", folder.appendingPathComponent("targets.csv").path]
        let table = try CLIRunner.run(arguments)
        #expect(table.status == 0 && !table.stdout.contains("⚠"), "\(table.stdout)\(table.stderr)")
        let json = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(json.stdout.contains("\"warnings\": []"), "\(json.stdout)")
    }

    @Test func aSettledTargetIsMarkedOnItsValueNotItsStatus() throws {
        // The example's kitchen-waste rate has 4 months (May–Aug 2020) and its May–Dec mean target
        // (≥ 8%) is already met: the status is certain, the projected figure rests on 4 months.
        let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
        let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
        let result = try CLIRunner.run(["project", observations, "--targets", targets])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(result.stdout.split(separator: "\n").first { $0.contains("mean[5–12] ≥ 8.000 %") })
        #expect(row.contains("16.00 ⚠"), "\(row)")
        #expect(!row.contains("met ⚠"), "\(row)")
    }
}
