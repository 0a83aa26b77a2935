import Foundation
import Testing

/// `outturn project` on the bundled example, checked against the seed's own figures
/// (../shared/seed/indicators.md), which the example's monthly values must reproduce.
@Suite struct ProjectCommandTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path

    func projectJSON(_ extra: [String] = []) throws -> [String: Any] {
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func indicators(_ document: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(document["indicators"] as? [[String: Any]])
        // The first condition of an indicator (PM2.5 carries three).
        return Dictionary(list.map { ($0["indicator"] as! String, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func yearToDateFiguresAreTheSeeds() throws {
        let document = try projectJSON()
        #expect(document["asOf"] as? String == "2020-08")
        let byID = try indicators(document)
        // From indicators.md: Jan–Jul PM2.5 mean 44; Jan–Aug water 5,048.43; 7,300 placements; dust
        // Jan–Jul mean 6.7; 134 and 21 VOC visits; 330 medical staff; latest rates 97.5, 60.0, 82.2, 88.5, 93.
        let seed: [(String, Double, Int)] = [
            ("pm25", 44, 7), ("water", 5048.43, 8), ("jobs", 7300, 8), ("dust", 6.7, 7),
            ("voc_inspections", 134, 8), ("voc_monitoring", 21, 8), ("medical_staff", 330, 8),
            ("diesel_pass_rate", 97.5, 8), ("owners_committee_rate", 60.0, 8), ("property_coverage", 82.2, 8),
            ("party_coverage", 88.5, 8), ("disease_control", 93, 8), ("kitchen_waste", 16, 4),
            ("waste_harmless", 100, 8),
        ]
        // Every target of the example has a seed figure except the CO₂ intensity, which the seed gives none.
        #expect(Set(byID.keys) == Set(seed.map(\.0) + ["co2_intensity"]))
        for (id, figure, months) in seed {
            let entry = try #require(byID[id], "\(id)")
            #expect(isClose(try #require(entry["yearToDate"] as? Double), figure, relative: 1e-9), "\(id)")
            #expect(entry["observedMonths"] as? Int == months, "\(id)")
        }
    }

    @Test func milestonesAreTheSeeds() throws {
        // From indicators.md: 3 of 3 first secretaries, 6 of 6 micro-loan companies, 0 of 9 guarantee
        // companies, 1 of 2 fever posts, 2 of 3 ambulances, 12 of 13 departments.
        let milestones = try #require(try projectJSON()["milestones"] as? [[String: Any]])
        let seed: [String: (Double, Double)] = [
            "village_secretaries": (3, 3), "microloan_connected": (6, 6), "guarantee_connected": (0, 9),
            "fever_posts": (1, 2), "ambulances": (2, 3), "supervision_departments": (12, 13),
        ]
        #expect(milestones.count == seed.count)
        for entry in milestones {
            let indicator = try #require(entry["indicator"] as? String)
            let (reached, count) = try #require(seed[indicator])
            #expect(entry["reached"] as? Double == reached && entry["count"] as? Double == count)
            #expect(entry["due"] as? String == "2020-12")
        }
        let statuses = Dictionary(uniqueKeysWithValues: milestones.map { ($0["indicator"] as! String, $0["status"] as! String) })
        // Run-rate by hand: 2 ambulances in 8 months → 3 by December; 1 fever post → 1.5 < 2, the
        // run-rate covering half the gap (at risk); 0 guarantee companies at a run-rate of 0 cover
        // none of it (off track, issue 16.6).
        #expect(statuses["ambulances"] == "on track by run-rate" && statuses["fever_posts"] == "at risk")
        #expect(statuses["village_secretaries"] == "met" && statuses["guarantee_connected"] == "off track")
    }

    @Test func jsonCarriesTheDocumentedContract() throws {
        let document = try projectJSON(["--level", "90"])
        #expect(document["levels"] as? [Double] == [90])
        for entry in try #require(document["indicators"] as? [[String: Any]]) {
            for key in ["indicator", "name", "unit", "year", "aggregate", "observedMonths", "yearToDate",
                        "projection", "target", "probability", "status", "requiredPace", "model"] {
                #expect(entry.keys.contains(key), "\(key)")
            }
            let projection = try #require(entry["projection"] as? [String: Any])
            let value = try #require(projection["value"] as? Double)
            let intervals = try #require(projection["intervals"] as? [[String: Any]])
            #expect(intervals.count == 1 && intervals[0]["level"] as? Double == 90)
            let lower = try #require(intervals[0]["lower"] as? Double), upper = try #require(intervals[0]["upper"] as? Double)
            #expect(lower <= value && value <= upper)
            let probability = try #require(entry["probability"] as? Double)
            #expect((0...1).contains(probability))
            #expect(["met", "missed", "on track", "at risk", "off track"].contains(entry["status"] as? String))
            let model = try #require(entry["model"] as? [String: Any])
            #expect(model["name"] is String && model["reason"] is String)
        }
    }

    @Test func asOfJulyLeavesFiveMonthsToForecast() throws {
        let byID = try indicators(try projectJSON(["--as-of", "2020-07"]))
        let water = try #require(byID["water"])
        #expect(water["observedMonths"] as? Int == 7)
        // Jan–Jul water plus five forecasts; the cap is far away.
        #expect(try #require(water["probability"] as? Double) > 0.9)
        let pm25 = try #require(byID["pm25"])
        #expect(isClose(try #require(pm25["yearToDate"] as? Double), 44, relative: 1e-12))
    }

    @Test func tableAlignsChineseNames() throws {
        let result = try CLIRunner.run(["project", observations, "--targets", targets])
        #expect(result.status == 0)
        #expect(result.stdout.contains("用水总量") && result.stdout.contains("细颗粒物（PM2.5）年均浓度"))
        // Every row of the table must reach the "P(met)" column at the same terminal cell.
        let lines = result.stdout.split(separator: "\n").prefix(14)
        let header = try #require(lines.first)
        let yearInHeader = try #require(header.range(of: "Year"))
        let column = cells(header[..<yearInHeader.lowerBound])
        for line in lines.dropFirst(2) {
            let year = try #require(line.range(of: "2020"), "\(line)")
            #expect(cells(line[..<year.lowerBound]) == column, "\(line)")
        }
    }

    /// Terminal cells by an independent rule: CJK ideographs and fullwidth forms are two cells.
    func cells(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + ((0x4E00...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value) ? 2 : 1)
        }
    }

    @Test(arguments: ["csv", "markdown"])
    func otherFormatsListEveryTargetAndMilestone(_ format: String) throws {
        let result = try CLIRunner.run(["project", observations, "--targets", targets, "--format", format])
        #expect(result.status == 0)
        // One row per line of the targets file (header excluded), plus one per indicator with
        // several conditions (PM2.5, CO₂: a joint row in CSV, a joint line in Markdown); CSV has one
        // header line, Markdown two.
        let rows = try String(contentsOfFile: targets, encoding: .utf8).split(separator: "\n").dropFirst()
        let conditions = Dictionary(grouping: rows.filter { !$0.contains(",milestone,") }, by: { $0.split(separator: ",")[0] })
        let joint = conditions.values.filter { $0.count > 1 }.count
        let lines = result.stdout.split(separator: "\n").count
        // Markdown also gives a footnote line per row whose evidence is thin (`⚠¹ …`; see
        // ProjectionWarningCommandTests); CSV has no such line.
        let footnotes = result.stdout.split(separator: "\n").filter { $0.hasPrefix("⚠") }.count
        #expect(joint == 2)
        #expect(lines == (format == "csv" ? 1 : 2) + rows.count + joint + footnotes)
        #expect(result.stdout.contains("派驻门头沟医务人员") && result.stdout.contains("负压救护车"))
    }

    @Test func outputFileIsWrittenWholeAndInputsAreNeverOverwritten() throws {
        let folder = try CLIRunner.temporaryFolder()
        let output = folder.appendingPathComponent("report.json").path
        let ok = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json", "--output", output])
        #expect(ok.status == 0 && ok.stdout.isEmpty)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) is [String: Any])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])

        let before = try Data(contentsOf: URL(fileURLWithPath: targets))
        let refused = try CLIRunner.run(["project", observations, "--targets", targets, "--output", targets])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--output") && refused.stderr.contains("input"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: targets)) == before)
    }

    @Test func wideFormGivesTheSameProjection() throws {
        let folder = try CLIRunner.temporaryFolder()
        let wide = folder.appendingPathComponent("wide.csv")
        try "month,a,b\n2019-01,1,10\n2019-02,2,\n2019-03,4,12\n2019-04,3,13\n".write(to: wide, atomically: true, encoding: .utf8)
        let long = folder.appendingPathComponent("long.csv")
        try "indicator,month,value\na,2019-01,1\na,2019-02,2\na,2019-03,4\na,2019-04,3\nb,2019-01,10\nb,2019-03,12\nb,2019-04,13\n"
            .write(to: long, atomically: true, encoding: .utf8)
        let targetFile = folder.appendingPathComponent("t.csv")
        try "indicator,year,aggregate,comparator,threshold\na,2019,sum,>=,30\nb,2019,mean,<,12\n"
            .write(to: targetFile, atomically: true, encoding: .utf8)
        let fromWide = try CLIRunner.run(["project", wide.path, "--targets", targetFile.path, "--format", "csv"])
        let fromLong = try CLIRunner.run(["project", long.path, "--targets", targetFile.path, "--format", "csv"])
        #expect(fromWide.status == 0 && fromLong.status == 0)
        #expect(fromWide.stdout == fromLong.stdout)
    }
}
