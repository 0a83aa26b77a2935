import Foundation
import Testing

/// An observed month outside the indicator's declared bounds is warned about (issue #14, item 5:
/// "a projection outside the indicator's bounds" cannot happen once projections are censored into
/// the bounds; data outside them can, and then the censored distribution is suspect).
///
/// The data, by construction: a rate (unit `%`, so 0..100) from 2022-01 to 2024-03, 95 + 3·sin +
/// a deterministic wobble of at most ±1.5, so every month lies in 90.5 … 99.5, except two written
/// in by hand: 2023-07 = 100.5 and 2024-03 = 104.2. So two months lie outside 0..100 and the latest
/// is 2024-03 at 104.2. 27 months ≥ 24, Mar → Dec is 9 ≤ 27 months and the wobble rules out an
/// exact fit, so no other warning applies.
@Suite struct ObservedOutsideBoundsTests {
    static let message = "2024-03 is 104.2, outside the bounds 0..100 (2 months fitted lie outside them): the data contradict the bounds the interval and P(met) are held to"

    /// Writes the rate series (with the two months beyond 100 when `outside`) and a `%` target.
    func rateFolder(outside: Bool = true) throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        var rows = "indicator,month,value\n", index = 0
        for year in 2022...2024 {
            for month in 1...(year == 2024 ? 3 : 12) {
                var value = 95 + 3 * sin(2 * Double.pi * Double(month) / 12) + Double((37 * index) % 11 - 5) * 0.3
                if outside, year == 2023, month == 7 { value = 100.5 }
                if outside, year == 2024, month == 3 { value = 104.2 }
                rows += String(format: "rate,%04d-%02d,%.2f\n", year, month, value)
                index += 1
            }
        }
        try rows.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold,unit\nrate,2024,mean,>=,95,%\n"
            .write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theTableNamesTheLatestMonthOutsideAndItsValue() throws {
        let folder = try rateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let row = try #require(lines.first { $0.hasPrefix("rate") })
        #expect(row.contains("⚠¹"), "\(row)")
        #expect(lines.contains("⚠¹ rate 2024: " + Self.message), "\(result.stdout)")
    }

    @Test func theJSONCarriesTheCodeAndTheSchemaKnowsIt() throws {
        let folder = try rateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let entry = try #require((document["indicators"] as? [[String: Any]])?.first)
        let warnings = try #require(entry["warnings"] as? [[String: String]])
        #expect(warnings == [["code": "observed-outside-bounds", "message": Self.message]])
        #expect(try JSONSchemaTests.validate([("project", result.stdout)]) == [[]])
    }

    @Test func chineseSaysItToo() throws {
        let folder = try rateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--lang", "zh"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("⚠¹ rate（2024 年）：2024-03 的观测值 104.2 超出取值范围 0..100（共有 2 个月的观测超出）"),
                "\(result.stdout)")
    }

    @Test func theReportsMarkAndExplainTheRow() throws {
        let folder = try rateFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["report.md", "report.html"] {
            let result = try CLIRunner.run(["report", "obs.csv", "--targets", "targets.csv", "--out", name], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.contains("2024-03 is 104.2, outside the bounds 0..100"), "\(name)")
            #expect(text.contains(name.hasSuffix("html") ? "id=\"warning-1\"" : "⚠¹ rate 2024: "), "\(name)")
        }
    }

    @Test func dataWithinTheBoundsRaiseNothing() throws {
        let folder = try rateFolder(outside: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"warnings\": []"), "\(result.stdout)")
    }

    /// A count declared `0..` in the `bounds` column with one negative month (2023-05 = −3 among
    /// values 40 … 60) names it; the same data without bounds say nothing, since bounds are never
    /// guessed from the data.
    @Test func aNegativeCountIsNamedOnlyWhenDeclaredNonNegative() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "indicator,month,value\n", index = 0
        for year in 2022...2024 {
            for month in 1...(year == 2024 ? 6 : 12) {
                let value = year == 2023 && month == 5 ? -3 : 50 + (37 * index) % 11 - 5 + (month % 3) * 2
                rows += String(format: "cases,%04d-%02d,%d\n", year, month, value)
                index += 1
            }
        }
        try rows.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold,bounds\ncases,2024,sum,<=,600,0..\n"
            .write(to: folder.appendingPathComponent("bounded.csv"), atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold\ncases,2024,sum,<=,600\n"
            .write(to: folder.appendingPathComponent("unbounded.csv"), atomically: true, encoding: .utf8)
        let bounded = try CLIRunner.run(["project", "obs.csv", "--targets", "bounded.csv", "--format", "json"], in: folder)
        #expect(bounded.status == 0, "\(bounded.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(bounded.stdout.utf8)) as? [String: Any])
        let warnings = try #require((document["indicators"] as? [[String: Any]])?.first?["warnings"] as? [[String: String]])
        #expect(warnings == [["code": "observed-outside-bounds",
                              "message": "2023-05 is -3, outside the bounds 0..: the data contradict the bounds the interval and P(met) are held to"]])
        let unbounded = try CLIRunner.run(["project", "obs.csv", "--targets", "unbounded.csv", "--format", "json"], in: folder)
        #expect(unbounded.status == 0, "\(unbounded.stderr)")
        #expect(unbounded.stdout.contains("\"warnings\": []"), "\(unbounded.stdout)")
    }
}
