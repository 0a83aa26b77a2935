import Foundation
import Testing

/// Colour only on a terminal and never with NO_COLOR; completion scripts and the man page in docs/
/// match the command-line definition.
@Suite struct TerminalTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path

    /// Runs outturn on a pseudo-terminal with util-linux's `script`.
    func onTerminal(noColor: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let command = ([CLIRunner.executable.path, "project", observations, "--targets", targets])
            .map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-qec", command, "/dev/null"]
        var environment = CLIRunner.inheritedEnvironment
        environment["NO_COLOR"] = noColor ? "1" : nil
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func coloursOnlyOnATerminalWithoutNoColor() throws {
        let coloured = try onTerminal(noColor: false)
        #expect(coloured.contains("\u{1B}[32mon track\u{1B}[0m") && coloured.contains("\u{1B}[31moff track\u{1B}[0m"))
        #expect(!(try onTerminal(noColor: true)).contains("\u{1B}["))
        let piped = try CLIRunner.run(["project", observations, "--targets", targets])
        #expect(!piped.stdout.contains("\u{1B}["))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreCurrent(_ shell: String) throws {
        let generated = try CLIRunner.run(["--generate-completion-script", shell])
        let committed = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/completions/outturn.\(shell)"),
                                   encoding: .utf8)
        #expect(generated.stdout == committed, "run scripts/generate-docs.sh")
    }

    @Test func manPageNamesEveryCommand() throws {
        let manual = try String(contentsOf: CLIRunner.packageRoot.appendingPathComponent("docs/man/outturn.1"), encoding: .utf8)
        for command in ["project", "report", "whatif", "pace", "sweep", "plot", "forecast", "fit"] {
            #expect(manual.contains(command), "\(command)")
        }
    }
}
