import Foundation
import Testing

/// The progress bar: on a terminal for a large batch, erased at the end; never when piped.
@Suite struct ProgressBarTests {
    @Test func largeBatchShowsAProgressBarOnlyOnATerminal() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var observations = "indicator,month,value\n", targets = "indicator,year,aggregate,comparator,threshold\n"
        for i in 0..<2_500 {
            for m in 1...14 { observations += "s\(i),\(m <= 12 ? "2019" : "2020")-\(String(format: "%02d", (m - 1) % 12 + 1)),\(10 + (i + m) % 7)\n" }
            targets += "s\(i),2020,sum,>=,100\n"
        }
        try observations.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try targets.write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        let arguments = ["project", "obs.csv", "--targets", "targets.csv", "--model", "level", "--format", "csv"]

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.environment = CLIRunner.inheritedEnvironment
        process.arguments = ["-qec", ([CLIRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " "), "/dev/null"]
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let terminal = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(terminal.contains("projecting [") && terminal.contains("100% (2500/2500)"))
        #expect(terminal.contains("\r\u{1B}[2K"))   // erased before the report

        let piped = try CLIRunner.run(arguments, in: folder)
        #expect(piped.status == 0 && piped.stderr.isEmpty)
        #expect(piped.stdout.split(separator: "\n").count == 2_501)
    }
}
