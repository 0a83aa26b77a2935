import Foundation
import Testing

/// `-` for the observations or the targets reads standard input, so `outturn` can sit in a
/// pipeline (`… | outturn project - --targets targets.csv`); the report is the one the same file
/// gives by path, byte for byte.
@Suite struct StandardInputTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv")
    let targets = CLIRunner.example.appendingPathComponent("targets.csv")

    @Test(arguments: ["table", "csv", "json"])
    func observationsFromStandardInputGiveTheFilesReport(_ format: String) throws {
        let byPath = try CLIRunner.run(["project", observations.path, "--targets", targets.path, "--format", format])
        let piped = try CLIRunner.run(["project", "-", "--targets", targets.path, "--format", format], standardInput: observations)
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stdout.isEmpty)
        #expect(piped.stdout == byPath.stdout)
    }

    @Test func targetsFromStandardInputGiveTheFilesReport() throws {
        let byPath = try CLIRunner.run(["project", observations.path, "--targets", targets.path, "--format", "csv"])
        let piped = try CLIRunner.run(["project", observations.path, "--targets", "-", "--format", "csv"], standardInput: targets)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stdout.isEmpty)
        #expect(piped.stdout == byPath.stdout)
    }

    /// Standard input has no `.json` name: JSON targets are told by their opening brace.
    @Test func jsonTargetsAreRecognisedOnStandardInput() throws {
        let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/accepted-input/targets-as-json")
        let observations = folder.appendingPathComponent("obs.csv").path
        let json = folder.appendingPathComponent("targets.json")
        let byPath = try CLIRunner.run(["project", observations, "--targets", json.path, "--format", "csv"])
        let piped = try CLIRunner.run(["project", observations, "--targets", "-", "--format", "csv"], standardInput: json)
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout == byPath.stdout)
    }

    @Test func standardInputCanFeedOnlyOneInput() throws {
        let result = try CLIRunner.run(["project", "-", "--targets", "-"], standardInput: observations)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "outturn: error: command line: field '--targets': standard input (-) can feed only one input and the observations take it; give the targets as a file\n")
    }

    /// The backtest reads its inputs on its own; the reader itself refuses a second `-`.
    @Test func aSecondReadOfStandardInputIsRefusedByTheReader() throws {
        let result = try CLIRunner.run(["backtest", "-", "--targets", "-"], standardInput: observations)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("<stdin>: standard input (-) was already read for another input; only one input can be -"),
                "\(result.stderr)")
    }

    @Test func errorsNameStandardInputAndTheLine() throws {
        let folder = try CLIRunner.temporaryFolder()
        let bad = folder.appendingPathComponent("obs.csv")
        // Line 3 holds the mistake: a thousands separator inside a quoted value.
        try Data("indicator,month,value\na,2020-01,1\na,2020-02,\"1,234\"\n".utf8).write(to: bad)
        let result = try CLIRunner.run(["project", "-", "--targets", targets.path], standardInput: bad)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("outturn: error: <stdin>:3: field 'value': "), "\(result.stderr)")
    }

    @Test func anInputRedirectedFromAFileIsNeverOverwritten() throws {
        let folder = try CLIRunner.temporaryFolder()
        let copy = folder.appendingPathComponent("observations.csv")
        try FileManager.default.copyItem(at: observations, to: copy)
        let before = try Data(contentsOf: copy)
        let refused = try CLIRunner.run(["project", "-", "--targets", targets.path, "--output", copy.path], standardInput: copy)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--output") && refused.stderr.contains("is an input of this command"), "\(refused.stderr)")
        #expect(try Data(contentsOf: copy) == before)
    }
}
