import Foundation
import Testing

/// Scenario syntax through the real binary: changes apply in the order written, one month without
/// `..TO`, units of scale explicit, conflicting sets refused, strict numbers in flags, and YAML
/// alias bombs refused before Yams composes them.
@Suite struct ScenarioCommandTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path

    func whatIf(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(["whatif", observations, "--targets", targets] + arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The first scenario's projected value of `indicator`.
    func projected(_ indicator: String, _ arguments: [String]) throws -> Double {
        let list = try #require(try whatIf(arguments)["indicators"] as? [[String: Any]])
        let entry = try #require(list.first { $0["indicator"] as? String == indicator })
        let scenario = try #require((entry["scenarios"] as? [[String: Any]])?.first)
        return try #require((scenario["projection"] as? [String: Any])?["value"] as? Double)
    }

    func refused(_ arguments: [String]) throws -> String {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        return result.stderr
    }

    func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID()).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func flagsApplyInTheOrderTyped() throws {
        // Water's December alone changes. Set 700 then −10% gives 630; −10% then set 700 gives
        // 700; set 700 alone gives 700. So the first projection is exactly 70 below the others.
        let setThenScale = try projected("water", ["--set", "water@2020-12=700", "--scale", "water@2020-12=-10%"])
        let scaleThenSet = try projected("water", ["--scale", "water@2020-12=-10%", "--set", "water@2020-12=700"])
        let setAlone = try projected("water", ["--set", "water@2020-12=700"])
        #expect(abs(scaleThenSet - setAlone) < 1e-6)
        #expect(abs((scaleThenSet - setThenScale) - 70) < 1e-6)
    }

    @Test func fromAloneIsOneMonth() throws {
        // +100 in September only: the year-end sum moves by exactly 100 (not 400 for Sep–Dec).
        let baseline = try projected("jobs", ["--add", "jobs@2020-09=0"])
        #expect(abs(try projected("jobs", ["--add", "jobs@2020-09=100"]) - baseline - 100) < 1e-6)
        let path = try file("scenarios:\n  - name: one\n    changes:\n      - {indicator: jobs, from: 2020-09, add: 100}\n")
        #expect(abs(try projected("jobs", ["--scenario", path]) - baseline - 100) < 1e-6)
    }

    @Test func scaleNeedsItsUnitAndFactorIsAMultiplier() throws {
        let stderr = try refused(["whatif", observations, "--targets", targets, "--scale", "water@2020-12=0.9"])
        #expect(stderr.contains("field '--scale'") && stderr.contains("-10%") && stderr.contains("factor 0.9"), "\(stderr)")
        let path = try file("scenarios:\n  - name: s\n    changes:\n      - {indicator: water, from: 2020-12, scale: 0.9}\n")
        let fromFile = try refused(["whatif", observations, "--targets", targets, "--scenario", path])
        #expect(fromFile.contains(":4: field 'scenarios[0].changes[0].scale'") && fromFile.contains("factor"), "\(fromFile)")
        // ×0.9 and −10% are the same map of December (1 + (−10)/100 = 0.9).
        let factor = try projected("water", ["--factor", "water@2020-10..2020-12=0.9"])
        let percent = try projected("water", ["--scale", "water@2020-10..2020-12=-10%"])
        #expect(abs(factor - percent) < 1e-6)
        let factorFile = try file("scenarios:\n  - name: f\n    changes:\n      - {indicator: water, from: 2020-10, to: 2020-12, factor: 0.9}\n")
        #expect(abs(try projected("water", ["--scenario", factorFile]) - percent) < 1e-6)
    }

    @Test func conflictingSetsAreRefused() throws {
        let stderr = try refused(["whatif", observations, "--targets", targets,
                                  "--set", "water@2020-12=700", "--set", "water@2020-11..2020-12=800"])
        #expect(stderr.contains("field '--set'") && stderr.contains("2020-12"), "\(stderr)")
        let path = try file("""
            scenarios:
              - name: twice
                changes:
                  - {indicator: water, from: 2020-12, set: 700}
                  - {indicator: water, from: 2020-10, to: 2020-12, set: 800}

            """)
        let fromFile = try refused(["whatif", observations, "--targets", targets, "--scenario", path])
        #expect(fromFile.contains(":5: field 'scenarios[0].changes[1].set'") && fromFile.contains("2020-12"), "\(fromFile)")
    }

    @Test(arguments: [
        (["whatif", "--set", "water@2020-12=0x10"], "--set"),
        (["whatif", "--add", "water@2020-12=1_000"], "--add"),
        (["project", "--level", "0x50"], "--level"),
        (["sweep", "--step", "0x5"], "--step"),
        (["sweep", "--from", "-0x10"], "--from"),
    ])
    func numberFlagsAreStrict(arguments: [String], flag: String) throws {
        let stderr = try refused([arguments[0], observations, "--targets", targets] + arguments.dropFirst())
        #expect(stderr.contains("field '\(flag)'") && stderr.contains("not a number"), "\(stderr)")
    }

    /// Runs the binary with a deadline, so that a regression cannot hang the suite.
    func runWithin(_ seconds: Double, _ arguments: [String]) throws -> (status: Int32, stderr: String, seconds: Double) {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.environment = CLIRunner.inheritedEnvironment
        process.arguments = arguments
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID())")
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardOutput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        while process.isRunning, Date().timeIntervalSince(start) < seconds { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: err), as: UTF8.self),
                Date().timeIntervalSince(start))
    }

    @Test func aliasBombsAreRefusedPromptly() throws {
        // A 600-byte "billion laughs": each list holds the previous one twice, and using the
        // biggest as mapping keys makes Yams compare 2²⁵-leaf trees (minutes of CPU, issue 19.2).
        var text = "a0: &a0 [x, y]\n"
        for level in 1...25 { text += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        text += "k: {*a25: 1, *a24: 2}\nscenarios: []\n"
        let bomb = try file(text)
        let result = try runWithin(10, ["whatif", observations, "--targets", targets, "--scenario", bomb])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("\(bomb):1:") && result.stderr.contains("alias"), "\(result.stderr)")
        // Deep flow nesting is refused too. (How fast is the benchmark's to say; runWithin's 10 s
        // only tells a refusal from a hang.)
        let deep = try file("scenarios: " + String(repeating: "[", count: 100_000) + "\n")
        let nested = try runWithin(10, ["whatif", observations, "--targets", targets, "--scenario", deep])
        #expect(nested.status == 1 && nested.stderr.contains("\(deep):1:"), "\(nested.stderr)")
    }
}

extension ScenarioCommandTests {
    @Test func anOverflowNamesTheFlagThatCausedIt() throws {
        // Two additions of 1e308 to December exceed the largest double (≈1.8e308): the sum
        // overflows because of the flags, not because of the targets file's line for water.
        let stderr = try refused(["whatif", observations, "--targets", targets,
                                  "--add", "water@2020-12=1e308", "--add", "water@2020-11..2020-12=1e308"])
        #expect(stderr.contains("field '--add'") && stderr.contains("overflow") && !stderr.contains("targets.csv"), "\(stderr)")
        let path = try file("scenarios:\n  - name: huge\n    changes:\n      - {indicator: water, from: 2020-12, factor: 1e300}\n")
        let fromFile = try refused(["whatif", observations, "--targets", targets, "--scenario", path])
        #expect(fromFile.contains("\(path): field 'scenarios[0]'") && fromFile.contains("overflow"), "\(fromFile)")
        let sweep = try refused(["sweep", observations, "--targets", targets, "--to", "1e300", "--step", "1e299"])
        #expect(sweep.contains("field '--to'"), "\(sweep)")
    }
}

extension ScenarioCommandTests {
    @Test func theTableShowsOnlyChangedTargetsUnlessAll() throws {
        // Water's open months set to 1,000: only water's target changes. The targets file's
        // year-end targets are its rows without a `due` month (those are milestones).
        let rows = try String(contentsOfFile: targets, encoding: .utf8).split(separator: "\n").dropFirst()
        let targetCount = rows.filter { $0.split(separator: ",", omittingEmptySubsequences: false)[10].isEmpty }.count
        let change = ["whatif", observations, "--targets", targets, "--set", "water@2020-09..2020-12=1000"]
        // Rows of the targets' table, before the joint conditions' own table.
        let lines = { (output: String) in
            (output.components(separatedBy: "Joint conditions").first ?? "").split(separator: "\n").filter { $0.contains("command line") }.count
        }
        let changed = try CLIRunner.run(change)
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(lines(changed.stdout) == 1)
        #expect(changed.stdout.contains("用水总量") && changed.stdout.contains("--all"))
        for flag in ["--all", "--no-changed-only"] {
            let all = try CLIRunner.run(change + [flag])
            #expect(all.status == 0, "\(all.stderr)")
            #expect(lines(all.stdout) == targetCount, "\(flag)")
        }
        // JSON keeps every target.
        #expect((try whatIf(["--set", "water@2020-09..2020-12=1000"])["indicators"] as? [Any])?.count == targetCount)
    }
}

extension ScenarioCommandTests {
    /// The example's PM2.5 is published a month later than the rest: its last month is 2020-07
    /// while the file's as-of month is 2020-08.
    func pm25Alone() throws -> (observations: String, targets: String) {
        let text = try String(contentsOfFile: observations, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("pm25,") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm25-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let obs = folder.appendingPathComponent("obs.csv"), tgt = folder.appendingPathComponent("targets.csv")
        try ("indicator,month,value\n" + rows.joined(separator: "\n") + "\n").write(to: obs, atomically: true, encoding: .utf8)
        try "indicator,year,aggregate,comparator,threshold\npm25,2020,mean,<,44\n".write(to: tgt, atomically: true, encoding: .utf8)
        return (obs.path, tgt.path)
    }

    @Test func aLaterPublishedIndicatorKeepsItsOpenMonths() throws {
        let alone = try pm25Alone()
        // The sweep of PM2.5 < 44 must not depend on which other indicators share the file.
        func sweep(_ obs: String, _ tgt: String) throws -> [Double] {
            let result = try CLIRunner.run(["sweep", obs, "--targets", tgt, "--from", "-20", "--to", "20", "--step", "10", "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let rows = try #require(document["indicators"] as? [[String: Any]])
            return try #require(rows.first { $0["indicator"] as? String == "pm25" }?["probabilities"] as? [Double])
        }
        let shared = try sweep(observations, targets), own = try sweep(alone.observations, alone.targets)
        #expect(shared.count == 5 && own.count == 5)
        for (a, b) in zip(shared, own) { #expect(abs(a - b) < 1e-9, "\(shared) vs \(own)") }
        // August is open for PM2.5: setting Aug–Dec to 30 gives (Jan–Jul sum + 5·30)/12 exactly.
        let rows = try String(contentsOfFile: alone.observations, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("pm25,2020-") }.map { Double($0.split(separator: ",")[2])! }
        #expect(rows.count == 7)
        let expected = (rows.reduce(0, +) + 5 * 30) / 12
        let value = try projected("pm25", ["--set", "pm25@2020-08..2020-12=30"])
        #expect(abs(value - expected) < 1e-9)
    }
}

extension ScenarioCommandTests {
    @Test func jointConditionsAreJudgedUnderEachScenario() throws {
        // PM2.5 has three conditions in 2020 (below 44, 3-year mean falling, at most the city's
        // mean). Setting its open months to 0 puts its year mean near (Jan–Jul sum)/12 ≈ 20, far
        // below 44 and the city's ≈ 41, and pulls the 3-year mean down: all three are then
        // practically certain, whatever the baseline said.
        let document = try whatIf(["--set", "pm25@2020-08..2020-12=0"])
        let joint = try #require(document["joint"] as? [[String: Any]])
        let pm25 = try #require(joint.first { $0["indicator"] as? String == "pm25" })
        #expect(pm25["conditions"] as? Double == 3)
        let project = try CLIRunner.run(["project", observations, "--targets", targets, "--format", "json"])
        let projected = try #require(try JSONSerialization.jsonObject(with: Data(project.stdout.utf8)) as? [String: Any])
        let baseline = try #require(((projected["joint"] as? [[String: Any]])?.first { $0["indicator"] as? String == "pm25" })?["probability"] as? Double)
        #expect((pm25["baseline"] as? [String: Any])?["probability"] as? Double == baseline)
        let scenario = try #require((pm25["scenarios"] as? [[String: Any]])?.first)
        #expect(try #require(scenario["probability"] as? Double) > 0.99)
        let table = try CLIRunner.run(["whatif", observations, "--targets", targets, "--set", "pm25@2020-08..2020-12=0"])
        #expect(table.stdout.contains("Joint conditions"), "\(table.stdout)")
    }
}
