import Foundation
import Testing

/// `whatif`, `pace` and `sweep` on the bundled example, against figures worked out by hand from
/// the seed (water Jan–Aug 5,048.43 with a cap of 11,489; 7,300 placements of 9,000).
@Suite struct WhatIfCommandTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
    let scenarios = CLIRunner.example.appendingPathComponent("scenarios.yaml").path

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func entry(_ document: [String: Any], _ indicator: String) throws -> [String: Any] {
        let list = try #require(document["indicators"] as? [[String: Any]])
        return try #require(list.first { $0["indicator"] as? String == indicator })
    }

    @Test func aSetMonthHasNoVariance() throws {
        let document = try json(["whatif", observations, "--targets", targets, "--scenario", scenarios])
        #expect(document["scenarios"] as? [String] == ["worse winter", "Q4 10% worse", "dry autumn"])
        let water = try entry(document, "water")
        let dry = try #require((water["scenarios"] as? [[String: Any]])?.first { $0["name"] as? String == "dry autumn" })
        let projection = try #require(dry["projection"] as? [String: Any])
        // Sep–Dec set to 1,000 each: 5,048.43 + 4,000, known exactly.
        #expect(abs(try #require(projection["value"] as? Double) - 9048.43) < 1e-9)
        #expect(projection["standardError"] as? Double == 0)
        // The worse winter touches PM2.5 only: water's projection is the baseline's.
        let baseline = try #require((water["baseline"] as? [String: Any])?["value"] as? Double)
        let winter = try #require((water["scenarios"] as? [[String: Any]])?.first { $0["name"] as? String == "worse winter" })
        #expect((winter["projection"] as? [String: Any])?["value"] as? Double == baseline)
    }

    @Test func flagsFormOneScenario() throws {
        let document = try json(["whatif", observations, "--targets", targets,
                                 "--set", "water@2020-09..2020-12=0", "--add", "jobs@2020-09..2020-12=100"])
        #expect(document["scenarios"] as? [String] == ["command line"])
        let water = try entry(document, "water")
        let line = try #require((water["scenarios"] as? [[String: Any]])?.first)
        #expect(abs(try #require((line["projection"] as? [String: Any])?["value"] as? Double) - 5048.43) < 1e-9)
        // +100 in each of Sep–Dec: the projection moves by exactly 400.
        let jobs = try entry(document, "jobs")
        let change = try #require(((jobs["scenarios"] as? [[String: Any]])?.first?["change"] as? [String: Any])?["value"] as? Double)
        #expect(abs(change - 400) < 1e-6)
    }

    @Test func paceByHand() throws {
        let document = try json(["pace", observations, "--targets", targets, "--probability", "90"])
        let water = try #require((try entry(document, "water"))["exact"] as? [String: Any])
        #expect(abs(try #require(water["perMonth"] as? Double) - (11489 - 5048.43) / 4) < 1e-9)
        let jobs = try #require((try entry(document, "jobs"))["exact"] as? [String: Any])
        #expect(abs(try #require(jobs["perMonth"] as? Double) - (9000 - 7300) / 4.0) < 1e-9)
        let inspections = try #require((try entry(document, "voc_inspections"))["exact"] as? [String: Any])
        #expect(inspections["kind"] as? String == "alreadyMet")   // 134 done against 63
    }

    @Test func sweepAtZeroIsTheBaseline() throws {
        let sweep = try json(["sweep", observations, "--targets", targets, "--from", "-20", "--to", "20", "--step", "10"])
        #expect(sweep["shifts"] as? [Double] == [-20, -10, 0, 10, 20])
        let project = try json(["project", observations, "--targets", targets])
        for id in ["pm25", "water", "dust"] {
            let probabilities = try #require((try entry(sweep, id))["probabilities"] as? [Double])
            #expect(probabilities[2] == (try entry(project, id))["probability"] as? Double, "\(id)")
            // An upper bound gets no likelier as the remaining months grow.
            #expect(zip(probabilities, probabilities.dropFirst()).allSatisfy { $0 >= $1 }, "\(id)")
        }
    }
}
