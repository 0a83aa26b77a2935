import Foundation
import GRDB
import Testing

/// `outturn project … --record` and `outturn history`, through the built binary.
@Suite struct HistoryCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func withoutRecordNoStoreIsWritten() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let result = try CLIRunner.run(["project", observations, "--targets", targets], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try contents(folder) == ["observations.csv", "targets.csv"])
    }

    @Test func aBareRecordWritesOutturnSqliteBesideTheObservations() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let elsewhere = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--record", "--format", "csv"], in: elsewhere)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try contents(folder).contains("outturn.sqlite"))
        #expect(try contents(elsewhere).isEmpty)
    }

    /// The history's figures are the ones `project --format json` printed for each recorded run.
    @Test func historyValuesAreTheRecordedProjections() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        var printed: [String: [[String: Any]]] = [:]
        for asOf in ["2020-07", "2020-08"] {
            let result = try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", asOf,
                                            "--format", "json", "--record", store])
            #expect(result.status == 0, "\(result.stderr)")
            printed[asOf] = try #require(try json(result.stdout)["indicators"] as? [[String: Any]])
        }
        let history = try CLIRunner.run(["history", store, "--format", "json"])
        #expect(history.status == 0, "\(history.stderr)")
        let document = try json(history.stdout)
        #expect((document["runs"] as? [[String: Any]])?.map { $0["asOf"] as? String } == ["2020-07", "2020-08"])
        let tracks = try #require(document["targets"] as? [[String: Any]])
        #expect(tracks.count == printed["2020-08"]!.count)
        for (position, track) in tracks.enumerated() {
            let steps = try #require(track["steps"] as? [[String: Any]])
            #expect(steps.map { $0["asOf"] as? String } == ["2020-07", "2020-08"])
            for step in steps {
                let expected = printed[step["asOf"] as! String]![position]
                #expect(track["indicator"] as? String == expected["indicator"] as? String)
                let projection = try #require(step["projection"] as? [String: Any])
                let expectedProjection = try #require(expected["projection"] as? [String: Any])
                #expect(projection["value"] as? Double == expectedProjection["value"] as? Double)
                #expect(projection["standardError"] as? Double == expectedProjection["standardError"] as? Double)
                let intervals = try #require(projection["intervals"] as? [[String: Double]])
                #expect(intervals == expectedProjection["intervals"] as? [[String: Double]])
                #expect(step["probability"] as? Double == expected["probability"] as? Double)
                #expect(step["status"] as? String == expected["status"] as? String)
                #expect(step["requiredPace"] as? Double == expected["requiredPace"] as? Double)
                #expect(step["yearToDate"] as? Double == expected["yearToDate"] as? Double)
                let model = step["model"] as? [String: Any], expectedModel = expected["model"] as? [String: Any]
                #expect(model?["name"] as? String == expectedModel?["name"] as? String)
                #expect(model?["reason"] as? String == expectedModel?["reason"] as? String)
            }
            // The change is the difference of the two printed projections.
            let change = try #require(steps[1]["change"] as? [String: Any])
            let july = printed["2020-07"]![position]["projection"] as! [String: Any]
            let august = printed["2020-08"]![position]["projection"] as! [String: Any]
            // Foundation's JSON parser on Linux may miss the last bit, so compare to a few ulps of the figures.
            let (before, after) = (july["value"] as! Double, august["value"] as! Double)
            let difference = try #require(change["projection"] as? Double)
            #expect(abs(difference - (after - before)) <= 1e-12 * max(abs(before), abs(after)))
        }
        // The table shows water and jobs moving between the two months.
        let table = try CLIRunner.run(["history", store])
        #expect(table.status == 0)
        for name in ["用水总量", "促进城乡劳动者就业人数"] {
            let rows = table.stdout.split(separator: "\n").filter { $0.hasPrefix(name) }
            #expect(rows.count == 2 && rows[0].contains("2020-07") && rows[1].contains("2020-08"), "\(name)")
        }
    }

    @Test func concurrentWritersBothLandAndTheStoreStaysIntact() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("shared.sqlite").path
        // Four writers at once into a store none of them finds: they race to create it, too.
        let months = ["2020-06", "2020-07", "2020-08", "2020-08"]
        let processes = try months.enumerated().map { index, asOf -> Process in
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.environment = CLIRunner.inheritedEnvironment
            process.arguments = ["project", observations, "--targets", targets, "--as-of", asOf, "--record", store,
                                 "--output", folder.appendingPathComponent("\(index).csv").path, "--format", "csv"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        let (integrity, asOfs, projections) = try DatabaseQueue(path: store).read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"),
             try String.fetchAll(db, sql: "SELECT asOf FROM run ORDER BY asOf"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM projection"))
        }
        #expect(integrity == "ok")
        #expect(asOfs == months)
        // Every run saved all its targets: as many as `project` prints.
        let perRun = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json"])
        let count = try #require(try json(perRun.stdout)["indicators"] as? [Any]).count
        #expect(projections == 4 * count)
    }

    @Test func aFailedRunRecordsNothing() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        // An as-of month after the data: the run fails before anything is projected.
        let early = try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", "2021-01", "--record", store])
        #expect(early.status == 1 && early.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: store))
        // A report that cannot be written: the run's transaction is rolled back.
        #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--record", store]).status == 0)
        let late = try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", "2020-07", "--record", store,
                                      "--output", folder.appendingPathComponent("missing/report.txt").path])
        #expect(late.status == 1 && late.stdout.isEmpty)
        #expect(late.stderr.contains("field '--output'"))
        let runs = try DatabaseQueue(path: store).read { db in try String.fetchAll(db, sql: "SELECT asOf FROM run") }
        #expect(runs == ["2020-08"])
    }

    /// `--lang zh` (or a Chinese locale) writes the history table in Chinese: headings, statuses and the
    /// run list; the English words of the default table are gone.
    @Test func historyTableSpeaksChinese() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        for asOf in ["2020-07", "2020-08"] {
            #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", asOf, "--record", store]).status == 0)
        }
        let english = try CLIRunner.run(["history", store])
        let chinese = try CLIRunner.run(["history", store], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.status == 0 && chinese.status == 0)
        for word in ["Indicator", "Status", "Data revised", "runs in", "as of 2020-07", "on track"] {
            #expect(english.stdout.contains(word), "\(word)")
            #expect(!chinese.stdout.contains(word), "\(word)")
        }
        // The zh phrase table's words for these headings, the run list and "on track".
        for word in ["指标", "状态", "数据修订", "次运行", "截至 2020-07", "有望达成"] {
            #expect(chinese.stdout.contains(word), "\(word)")
        }
    }

    @Test func aStoreFromTheFutureIsRefusedClearly() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--record", store]).status == 0)
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v7')")
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        for arguments in [["project", observations, "--targets", targets, "--record", store], ["history", store]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 1 && result.stdout.isEmpty)
            #expect(result.stderr == "outturn: error: \(store): written by a newer Outturn (store schema 7; this Outturn "
                    + "reads schema 1 and older); upgrade Outturn or record into another store\n")
        }
        let runs = try DatabaseQueue(path: store).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM run") }
        #expect(runs == 1)
    }

    @Test func historyNamesTheMonthsARevisionChanged() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", "2020-07", "--record", store]).status == 0)
        // The March water figure is revised (548.55 → 560) before the August run.
        let text = try String(contentsOfFile: observations, encoding: .utf8)
        #expect(text.contains("water,2020-03,548.55\n"))
        try text.replacingOccurrences(of: "water,2020-03,548.55\n", with: "water,2020-03,560\n")
            .write(toFile: observations, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--record", store]).status == 0)

        let history = try CLIRunner.run(["history", store, "--format", "json"])
        let tracks = try #require(try json(history.stdout)["targets"] as? [[String: Any]])
        for track in tracks {
            let steps = try #require(track["steps"] as? [[String: Any]])
            let revised = steps[1]["revisedMonths"] as? [String]
            #expect(revised == (track["indicator"] as? String == "water" ? ["2020-03"] : []), "\(track["indicator"] ?? "")")
        }
        let water = try CLIRunner.run(["history", store, "--indicator", "water"])
        #expect(water.status == 0)
        let rows = water.stdout.split(separator: "\n").filter { $0.hasPrefix("用水总量") }
        #expect(rows.count == 2 && rows[1].hasSuffix("2020-03"))
    }

    @Test func chartsAreOnePerTarget() throws {
        let (folder, observations, targets) = try CLIRunner.exampleCopy()
        let store = folder.appendingPathComponent("runs.sqlite").path
        for asOf in ["2020-06", "2020-08"] {
            #expect(try CLIRunner.run(["project", observations, "--targets", targets, "--as-of", asOf, "--record", store]).status == 0)
        }
        let charts = folder.appendingPathComponent("charts")
        let result = try CLIRunner.run(["history", store, "--chart", charts.path])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        let perRun = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json"])
        let count = try #require(try json(perRun.stdout)["indicators"] as? [Any]).count
        let files = try contents(charts)
        #expect(files.count == count && files.contains("water-2020.svg") && files.contains("pm25-2020-2.svg"))
        let svg = try String(contentsOf: charts.appendingPathComponent("water-2020.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("P(met)") && svg.hasSuffix("</svg>\n"))
    }

    @Test func historyOfNoStoreIsAnErrorAndCreatesNothing() throws {
        let folder = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["history", "none.sqlite"], in: folder)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("outturn: error: none.sqlite: no projection store here"))
        #expect(try contents(folder).isEmpty)
    }
}
