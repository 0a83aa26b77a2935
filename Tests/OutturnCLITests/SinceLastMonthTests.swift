import Foundation
import Testing

/// `outturn report`'s "since last month", through the built binary. The expected changes are the
/// differences of two `project --format json` runs (as of 2020-07 and 2020-08), never the report
/// code's own arithmetic.
@Suite struct SinceLastMonthTests {
    /// Each target of `project --format json` as of `asOf`, in file order; `extra` adds e.g. `--record`.
    func projected(_ observations: String, _ targets: String, asOf: String, extra: [String] = []) throws -> [[String: Any]] {
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", asOf, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(document["indicators"] as? [[String: Any]])
    }

    /// The rows of the Markdown report's "Since last month" table, as cells.
    func sinceRows(_ markdown: String) throws -> [[String]] {
        let section = try #require(markdown.components(separatedBy: "## Since last month").dropFirst().first)
        let lines = section.split(separator: "\n").filter { $0.hasPrefix("| ") }.dropFirst(2)   // the header and its rule
        return lines.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        }
    }

    /// `+198.3`, `−85.22`, `±0.00`, `1,234` → a number.
    func number(_ cell: String) throws -> Double {
        let plain = cell.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "±", with: "")
            .replacingOccurrences(of: "+", with: "").replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " pt", with: "")
        return try #require(Double(plain), "not a number: \(cell)")
    }

    /// Checks every row's Δ projected and Δ P(met) against the two JSON runs, and the status
    /// changes against the statuses they printed.
    func expectChanges(_ markdown: String, from before: [[String: Any]], to after: [[String: Any]]) throws {
        let rows = try sinceRows(markdown)
        #expect(rows.count == after.count)
        var changed: [String] = []
        for (row, (then, now)) in zip(rows, zip(before, after)) {
            #expect(row[0] == now["name"] as? String)
            let valueThen = try #require((then["projection"] as? [String: Any])?["value"] as? Double)
            let valueNow = try #require((now["projection"] as? [String: Any])?["value"] as? Double)
            // The report shows about four significant figures: allow half a unit of the last one shown.
            let change = valueNow - valueThen
            let shown = try number(row[4])
            let tolerance = change == 0 ? 0.005 : max(0.005 * 1e-3, abs(change) * 5e-4 + 5e-5)
            #expect(abs(shown - change) <= tolerance, "\(row[0]): Δ \(row[4]) vs \(change)")
            // P(met) in whole points, rounded.
            let points = ((now["probability"] as! Double) - (then["probability"] as! Double)) * 100
            #expect(abs(try number(row[7]) - points) <= 0.5 + 1e-9, "\(row[0]): Δ P(met) \(row[7]) vs \(points)")
            let (statusThen, statusNow) = (then["status"] as! String, now["status"] as! String)
            #expect(row[8] == (statusThen == statusNow ? statusNow : "\(statusThen) → \(statusNow)"))
            if statusThen != statusNow { changed.append("\(now["name"] as! String) (") }
        }
        // The list of status changes names exactly the targets whose status differs.
        let listed = markdown.components(separatedBy: "Status changes:").dropFirst().first?
            .split(separator: "\n").filter { $0.hasPrefix("- ") && $0.contains(" → ") } ?? []
        #expect(listed.count == changed.count)
        for (line, name) in zip(listed, changed) { #expect(line.hasPrefix("- \(name)")) }
    }

    /// Two runs recorded as of 2020-07 and 2020-08: the report as of 2020-08 compares with the
    /// July run as recorded, not with a run of its own month, nor with July recomputed. July was
    /// recorded before a revision (water's July figure 300 higher), so recomputing would differ.
    @Test func fromAStoreOfTwoRecordedRuns() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        let early = folder.appendingPathComponent("observations-as-first-published.csv")
        let lines = try String(contentsOfFile: observations, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let revised = lines.map { line -> String in
            guard line.hasPrefix("water,2020-07,"), let value = Double(line.split(separator: ",")[2]) else { return String(line) }
            return "water,2020-07,\(value + 300)"
        }
        #expect(revised != lines.map(String.init))
        try revised.joined(separator: "\n").write(to: early, atomically: true, encoding: .utf8)
        let july = try projected(early.path, targets, asOf: "2020-07", extra: ["--record", store])
        let august = try projected(observations, targets, asOf: "2020-08", extra: ["--record", store])
        let recomputedJuly = try projected(observations, targets, asOf: "2020-07")
        let water = try #require(july.firstIndex { $0["indicator"] as? String == "water" })
        let value = { (p: [String: Any]) in (p["projection"] as! [String: Any])["value"] as! Double }
        #expect(abs(value(july[water]) - value(recomputedJuly[water])) > 100)
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--as-of", "2020-08",
                                        "--store", store, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("## Since last month (2020-07)"))
        #expect(markdown.contains("recorded in the store \(store) as of 2020-07 (run #1,"))
        try expectChanges(markdown, from: july, to: august)
        // Water and jobs move between July and August (their data reach August).
        let rows = try sinceRows(markdown)
        for name in ["用水总量", "促进城乡劳动者就业人数"] {
            let row = try #require(rows.first { $0[0] == name })
            #expect(try number(row[4]) != 0, "\(name)")
        }
    }

    /// July was recorded with the targets file's rows in reverse order: each target is still
    /// compared with its own July projection (matched by its condition, not its row).
    @Test func targetsAreMatchedByTheirConditionNotTheirRow() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        let reversedTargets = folder.appendingPathComponent("targets-reordered.csv")
        let lines = try String(contentsOfFile: targets, encoding: .utf8).split(separator: "\n")
        try ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n").write(to: reversedTargets, atomically: true, encoding: .utf8)
        let julyReversed = try projected(observations, reversedTargets.path, asOf: "2020-07", extra: ["--record", store])
        let august = try projected(observations, targets, asOf: "2020-08")
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--store", store, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        try expectChanges(try String(contentsOf: report, encoding: .utf8), from: julyReversed.reversed(), to: august)
    }

    /// `--record` alone writes outturn.sqlite beside the observations; `report` finds it there.
    @Test func theStoreBesideTheObservationsIsFoundByDefault() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let july = try projected(observations, targets, asOf: "2020-07", extra: ["--record"])
        let august = try projected(observations, targets, asOf: "2020-08", extra: ["--record"])
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("recorded in the store \(folder.appendingPathComponent("outturn.sqlite").path) as of 2020-07"))
        try expectChanges(markdown, from: july, to: august)
    }

    /// Without a store, last month is recomputed from the same data: the same figures as
    /// `project --as-of 2020-07`, and the report says so.
    @Test func withoutAStoreLastMonthIsRecomputed() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let july = try projected(observations, targets, asOf: "2020-07")
        let august = try projected(observations, targets, asOf: "2020-08")
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("recomputed from the same data as of 2020-07 (no projection store)"))
        try expectChanges(markdown, from: july, to: august)
        // Nothing was written beside the observations but the report.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == ["observations.csv", "report.md", "targets.csv"])
    }

    /// A store holding only runs of the report's own month has nothing earlier: recomputed, and said why.
    @Test func aStoreWithoutAnEarlierRunFallsBackToRecomputing() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        _ = try projected(observations, targets, asOf: "2020-08", extra: ["--record", store])
        let july = try projected(observations, targets, asOf: "2020-07")
        let august = try projected(observations, targets, asOf: "2020-08")
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--store", store, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = try String(contentsOf: report, encoding: .utf8)
        #expect(markdown.contains("as of 2020-07 (the store \(store) holds no run before 2020-08)"))
        try expectChanges(markdown, from: july, to: august)
    }

    /// The HTML report has the two delta columns and lists the status changes.
    @Test func theHTMLReportShowsTheDeltasAndStatusChanges() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let july = try projected(observations, targets, asOf: "2020-07")
        let august = try projected(observations, targets, asOf: "2020-08")
        let report = folder.appendingPathComponent("report.html")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("<th>Δ projected</th>") && html.contains("<th>Δ P(met)</th>"))
        #expect(html.contains("<section id=\"since-last-month\">"))
        let changes = zip(july, august).filter { ($0["status"] as! String) != ($1["status"] as! String) }
        #expect(!changes.isEmpty)   // the example has some (a month of new data moves them)
        for (then, now) in changes {
            #expect(html.contains("<li>\(now["name"] as! String) ("), "\(now["name"]!)")
            #expect(html.contains("): \(then["status"] as! String) → \(now["status"] as! String)</li>"))
        }
    }

    /// A `--store` that names no file is an error, not a silent recomputation.
    @Test func aMissingStoreIsRefused() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let report = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--store",
                                        folder.appendingPathComponent("typo.sqlite").path, "--out", report.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("outturn: error: ") && result.stderr.contains("field '--store'"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }
}
