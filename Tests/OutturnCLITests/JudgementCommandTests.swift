import Foundation
import Testing

/// How `outturn project` and `outturn pace` judge targets, paces and milestones (issue 16 items 1,
/// 5, 6, 14; issue 19 "Status and pace"). Every expected figure is derived by hand in a comment.
@Suite struct JudgementCommandTests {
    let deaths = CLIRunner.shared.appendingPathComponent("data/series/us_accidental_deaths.csv").path
    let exampleObservations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let exampleTargets = CLIRunner.example.appendingPathComponent("targets.csv").path

    static let header = "indicator,year,aggregate,comparator,threshold,months,base_year,change_percent,moving_average,versus,due,name,unit"

    /// A scratch folder holding `files` (name → contents).
    func scratch(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-judge-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func list(_ document: [String: Any], _ key: String = "indicators") throws -> [[String: Any]] {
        try #require(document[key] as? [[String: Any]])
    }

    /// A long-form observations file of one indicator from `start`, one value per month.
    func observations(_ indicator: String, from year: Int, _ values: [Double]) -> String {
        var lines = ["indicator,month,value"]
        for (offset, value) in values.enumerated() {
            let month = String(format: "%04d-%02d", year + offset / 12, offset % 12 + 1)
            lines.append("\(indicator),\(month),\(value)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: 16.1 relative targets whose reference is known settle

    @Test func baseYearTargetWithKnownReferenceSettles() throws {
        // 1976's twelve months sum to 100,741 (../shared/data/series/us_accidental_deaths.csv, summed
        // with awk), so "1976 −50%" is 50,370.5; January–August 1977 already
        // sum to 68,697. The sum of a count cannot fall, so ≥ is met and < is missed, as with the
        // fixed threshold 50,370.
        let folder = try scratch(["targets.csv": Self.header + "\n"
            + "us_accidental_deaths,1977,sum,>=,,,1976,-50,,,,,\n"
            + "us_accidental_deaths,1977,sum,<,,,1976,-50,,,,,\n"
            + "us_accidental_deaths,1977,sum,>=,50370,,,,,,,,\n"
            + "us_accidental_deaths,1977,sum,<,50370,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = folder.appendingPathComponent("targets.csv").path
        let rows = try list(json(["project", deaths, "--targets", targets, "--as-of", "1977-08"]))
        #expect(rows.count == 4)
        for (row, expected) in zip(rows, ["met", "missed", "met", "missed"]) {
            #expect(row["status"] as? String == expected)
            #expect(row["probability"] as? Double == (expected == "met" ? 1 : 0))
            #expect(row["requiredPace"] is NSNull)
            #expect(isClose(try #require(row["yearToDate"] as? Double), 68_697, relative: 1e-12))
        }
        let paces = try list(json(["pace", deaths, "--targets", targets, "--as-of", "1977-08"]))
        let kinds = try paces.map { try #require($0["exact"] as? [String: Any])["kind"] as? String }
        #expect(kinds == ["alreadyMet", "alreadyMissed", "alreadyMet", "alreadyMissed"])
    }

    @Test func versusTargetWithFullyObservedOtherIndicatorSettles() throws {
        // `own` is 200 a month from 2018 through August 2020 (never negative): January–August 2020
        // sum to 1,600. `other` is observed for all of 2020, 100 a month: its year sums to 1,200.
        // 1,600 ≥ 1,200 whatever September–December bring, so ≥ is met and ≤ is missed. (A target on
        // `other` makes its December part of the data, so the as-of month may be 2020-12.)
        var own = (0..<32).map { 200.0 + ($0 % 2 == 0 ? 5 : -5) }
        own[24..<32] = [200, 200, 200, 200, 200, 200, 200, 200]
        let other = [Double](repeating: 100, count: 36)
        let data = observations("own", from: 2018, own)
            + observations("other", from: 2018, other).split(separator: "\n").dropFirst().joined(separator: "\n") + "\n"
        let folder = try scratch(["obs.csv": data, "targets.csv": Self.header + "\n"
            + "own,2020,sum,>=,,,,,,other,,,\n" + "own,2020,sum,<=,,,,,,other,,,\n" + "other,2020,sum,>=,0,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = try list(json(["project", folder.appendingPathComponent("obs.csv").path,
                                  "--targets", folder.appendingPathComponent("targets.csv").path, "--as-of", "2020-12"]))
        #expect(rows.map { $0["status"] as? String } == ["met", "missed", "met"])
    }

    // MARK: 16.5 pace only over months still to come

    @Test func paceSpreadsOnlyOverMonthsStillToCome() throws {
        // kitchen_waste is observed May–August 2020 at a mean of 16 (sum 64). Under the level model
        // every unobserved month is forecast at that mean, 16, including the unobserved January–April.
        // A 12-month mean of 60 needs 720 in all: 720 − 64 − 4 × 16 = 592 over September–December,
        // 148 a month (not (720 − 64)/8 = 82 spread over eight months).
        let folder = try scratch(["targets.csv": Self.header + "\nkitchen_waste,2020,mean,>=,60,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = folder.appendingPathComponent("targets.csv").path
        let row = try #require(try list(json(["project", exampleObservations, "--targets", targets, "--model", "level"])).first)
        #expect(isClose(try #require(row["requiredPace"] as? Double), 148, relative: 1e-12))
        let pace = try #require(try list(json(["pace", exampleObservations, "--targets", targets, "--model", "level"])).first)
        let exact = try #require(pace["exact"] as? [String: Any])
        #expect(isClose(try #require(exact["perMonth"] as? Double), 148, relative: 1e-12))
        // The forecast of September–December is 16 a month: 148 is 825% above it.
        #expect(isClose(try #require(exact["percentOfForecast"] as? Double), 825, relative: 1e-9))
    }

    // MARK: 16.6 milestones have three tiers

    @Test func milestonesHaveAnOffTrackTier() throws {
        // As of August 2020 (seed): 0 of 9 guarantee companies, run-rate 0 → needs 9/4 a month with
        // nothing so far: off track. 1 of 2 fever posts, run-rate 1/8, 0.25/mo needed = twice the
        // run-rate: at risk. 2 of 3 ambulances at 2/8 a month project 3: on track.
        let milestones = try list(json(["project", exampleObservations, "--targets", exampleTargets]), "milestones")
        let status = Dictionary(uniqueKeysWithValues: milestones.map { ($0["indicator"] as! String, $0["status"] as? String) })
        #expect(status["guarantee_connected"] == "off track")
        #expect(status["fever_posts"] == "at risk")
        #expect(status["ambulances"] == "on track by run-rate")
        let table = try CLIRunner.run(["project", exampleObservations, "--targets", exampleTargets])
        let line = try #require(table.stdout.split(separator: "\n").first { $0.contains("融资担保公司系统接入") })
        #expect(line.contains("off track"))
    }

    // MARK: 16.14 exact paces and reachedIn

    @Test func exactPacesAreExactAndReachedInIsTheMonthReached() throws {
        // PM2.5's January–July mean is 44 (seed); a 12-month mean below 44 needs 44 × 12 − 44 × 7 =
        // 220 over August–December: exactly 44 a month.
        let document = try json(["project", exampleObservations, "--targets", exampleTargets])
        let pm25 = try #require(try list(document).first { $0["indicator"] as? String == "pm25" })
        #expect(pm25["requiredPace"] as? Double == 44)
        let result = try CLIRunner.run(["project", exampleObservations, "--targets", exampleTargets, "--format", "json"])
        #expect(!result.stdout.contains("44.00000000000025"))
        // The observations: 3 first secretaries from March 2020, the first fever post from June.
        let milestones = try list(document, "milestones")
        let reachedIn = Dictionary(uniqueKeysWithValues: milestones.map { ($0["indicator"] as! String, $0["reachedIn"] as? String) })
        #expect(reachedIn["village_secretaries"] == "2020-03")
        #expect(reachedIn["fever_posts"] == "2020-06")
    }

    // MARK: 19.4 status and pace

    @Test func earlySettlementRespectsScenariosWithNegativeValues() throws {
        // 150 a month through August 2020: 1,200 so far against sum ≥ 1,000. A scenario that sets
        // September–December to −92.25 makes the year 1,200 − 369 = 831 exactly: the target is not met.
        let history = (0..<32).map { 150.0 + ($0 < 24 ? ($0 % 2 == 0 ? 3 : -3) : 0) }
        let folder = try scratch(["obs.csv": observations("x", from: 2018, history),
                                  "targets.csv": Self.header + "\nx,2020,sum,>=,1000,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try json(["whatif", folder.appendingPathComponent("obs.csv").path,
                                 "--targets", folder.appendingPathComponent("targets.csv").path,
                                 "--set", "x@2020-09..2020-12=-92.25"])
        let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
        #expect(text.contains("831"))
        #expect(text.contains("\"met\""))          // the baseline: 1,200 already, never-negative history
        #expect(text.contains("off track") || text.contains("missed"), "\(text)")
    }

    @Test func paceIsExactForAmountsAbove1e16() throws {
        // 2.51e15 and 2.49e15 alternating from 2019: January–August 2020 sum to exactly 2e16. Reaching
        // 3e16 needs 1e16 over September–December: 2.5e15 a month.
        let history = (0..<20).map { $0 % 2 == 0 ? 2.51e15 : 2.49e15 }
        let folder = try scratch(["obs.csv": observations("won", from: 2019, history),
                                  "targets.csv": Self.header + "\nwon,2020,sum,>=,30000000000000000,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [folder.appendingPathComponent("obs.csv").path, "--targets",
                         folder.appendingPathComponent("targets.csv").path, "--model", "level"]
        let row = try #require(try list(json(["project"] + arguments)).first)
        #expect(row["requiredPace"] as? Double == 2.5e15)
        let pace = try #require(try list(json(["pace"] + arguments)).first)
        let exact = try #require(pace["exact"] as? [String: Any])
        #expect(exact["kind"] as? String == "pace")
        #expect(exact["perMonth"] as? Double == 2.5e15)
    }

    @Test func maxTargetTiedWithObservedExtremeNeedsTheThreshold() throws {
        // The largest month so far is 50; "max > 50" needs a later month to reach 50 (the pace that
        // lands the year's maximum exactly on 50), not −1.
        let history = (0..<20).map { $0 == 14 ? 50.0 : 40 + Double($0 % 3) }
        let folder = try scratch(["obs.csv": observations("peak", from: 2019, history),
                                  "targets.csv": Self.header + "\npeak,2020,max,>,50,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let row = try #require(try list(json(["project", folder.appendingPathComponent("obs.csv").path, "--targets",
                                              folder.appendingPathComponent("targets.csv").path, "--model", "level"])).first)
        #expect(row["status"] as? String != "met")
        #expect(row["requiredPace"] as? Double == 50)
    }

    @Test func roundingNoiseIsNotBelowZero() throws {
        // 0.1 a month: the twelve-month mean of January–June at 0.1 and July–December at v is
        // (0.6 + 6v)/12 ≤ 0.05 exactly when v ≤ 0: the pace is 0, reachable, not "below zero".
        let history = [Double](repeating: 0.1, count: 18)
        let folder = try scratch(["obs.csv": observations("rate", from: 2019, history),
                                  "targets.csv": Self.header + "\nrate,2020,mean,<=,0.05,,,,,,,,\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [folder.appendingPathComponent("obs.csv").path, "--targets",
                         folder.appendingPathComponent("targets.csv").path, "--model", "level"]
        let pace = try #require(try list(json(["pace"] + arguments)).first)
        let exact = try #require(pace["exact"] as? [String: Any])
        #expect(exact["kind"] as? String == "pace", "\(exact)")
        #expect(exact["perMonth"] as? Double == 0)
    }
}
