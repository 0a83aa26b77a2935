import Foundation
import Testing

/// The batch engine's results do not depend on how many cores run it.
@Suite struct ThreadCountTests {
    @Test func oneCoreAndAllCoresGiveTheSameBytes() throws {
        let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
        let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
        let arguments = ["project", observations, "--targets", targets, "--format", "json"]
        let all = try CLIRunner.run(arguments), one = try CLIRunner.runOnOneCore(arguments)
        #expect(all.status == 0 && one.status == 0)
        #expect(one.stdout == all.stdout)
    }
}
