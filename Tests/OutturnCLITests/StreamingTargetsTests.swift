import Foundation
import Testing

/// A targets file sorted by indicator is read in step with the sorted observations; the whole-file
/// path (`--whole-file`) stays the reference, byte for byte and error for error.
@Suite struct StreamingTargetsTests {
    /// The panel of ``StreamingProjectionTests/panel(count:lastLine:extraTarget:)`` with a second
    /// year on every 20th indicator (a 2019 target, all observed) so that an indicator's targets
    /// are more than one row, and sizes that make targets straddle the observations' blocks.
    @Test func sortedTargetsStreamTheWholeFilePathsBytes() throws {
        let panel = try StreamingProjectionTests.panel(count: 120)
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        var rows = try String(contentsOf: panel.targets, encoding: .utf8).split(separator: "\n").map(String.init)
        for index in stride(from: rows.count - 1, through: 1, by: -1) where (index - 1) % 20 == 3 {
            let indicator = rows[index].prefix(while: { $0 != "," })
            rows.insert("\(indicator),2019,mean,>=,30,,,,", at: index)
        }
        try (rows.joined(separator: "\n") + "\n").write(to: panel.targets, atomically: true, encoding: .utf8)
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path] + StreamingProjectionTests.exact
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.split(separator: "\n").count == 1 + 120 + 6)
        for block in ["1", "13", "500"] {
            let streamed = try CLIRunner.run(arguments + ["--stream-block", block, "--require-streaming"])
            #expect(streamed.status == 0, "\(streamed.stderr)")
            #expect(streamed.stdout == whole.stdout, "blocks of \(block)")
        }
    }

    /// An unknown indicator on the last targets row (it sorts after every indicator of the
    /// observations, so it is met only once the observations are read through): the whole-file
    /// path's error naming the file, line 302 (header + 300 targets + this one) and field, exit 1,
    /// nothing on standard output, no output file.
    @Test func anUnknownIndicatorOnTheLastTargetsRowWritesNothing() throws {
        let panel = try StreamingProjectionTests.panel(extraTarget: "k9999,2020,sum,>=,5,,,,")
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        let output = panel.folder.appendingPathComponent("out.csv")
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path, "--output", output.path]
            + StreamingProjectionTests.exact
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("targets.csv:302: field 'indicator'"), "\(whole.stderr)")
        #expect(whole.stderr.contains("k9999"))
        for block in ["7", "1000"] {
            let streamed = try CLIRunner.run(arguments + ["--stream-block", block])
            #expect(streamed.status == 1)
            #expect(streamed.stderr == whole.stderr)
            #expect(streamed.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// Targets out of order (reversed): read whole as before, the same bytes; they cannot stream.
    @Test func anUnsortedTargetsFileStillWorks() throws {
        let panel = try StreamingProjectionTests.panel(count: 40)
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        let lines = try String(contentsOf: panel.targets, encoding: .utf8).split(separator: "\n")
        try ([lines[0]] + lines.dropFirst().reversed()).joined(separator: "\n").appending("\n")
            .write(to: panel.targets, atomically: true, encoding: .utf8)
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path] + StreamingProjectionTests.exact
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.split(separator: "\n").count == 41)
        let streamed = try CLIRunner.run(arguments + ["--stream-block", "7"])
        #expect(streamed.status == 0 && streamed.stdout == whole.stdout)
        #expect(try CLIRunner.run(arguments + ["--stream-block", "7", "--require-streaming"]).status == 1)
    }

    /// A repeated targets row and a bad value late in a sorted targets file: the whole-file path's
    /// words (the targets file cannot stream, so the run goes there), nothing written.
    @Test func aTargetsProblemReadsAsTheWholeFilePathsWords() throws {
        // Header + 300 targets: the extra rows are lines 302 and 303; the repeat is reported on its
        // second line, the bad threshold on its own.
        for (extra, line) in [("k299,2020,last,>=,5,,,,\nk299,2020,last,>=,5,,,,", 303), ("k299,2021,sum,>=,1x5,,,,", 302)] {
            let panel = try StreamingProjectionTests.panel(extraTarget: extra)
            defer { try? FileManager.default.removeItem(at: panel.folder) }
            let output = panel.folder.appendingPathComponent("out.csv")
            let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path, "--output", output.path]
                + StreamingProjectionTests.exact
            let whole = try CLIRunner.run(arguments + ["--whole-file"])
            #expect(whole.status == 1)
            #expect(whole.stderr.contains("targets.csv:\(line)"), "\(whole.stderr)")
            let streamed = try CLIRunner.run(arguments + ["--stream-block", "7"])
            #expect(streamed.status == 1 && streamed.stderr == whole.stderr && streamed.stdout.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }
}
