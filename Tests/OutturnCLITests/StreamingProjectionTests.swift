import Foundation
import Testing

/// `project` over an observations file sorted by indicator streams it block by block; the
/// whole-file path (`--whole-file`, or the same rows unsorted) stays the reference, byte for byte.
/// Small blocks (`--stream-block`) make many blocks of a small panel, so that calendar groups
/// straddle blocks as they would in a large file.
@Suite struct StreamingProjectionTests {
    /// A sorted panel of `count` indicators (`k000`, `k001`, …: byte order is file order) over
    /// 2017-01…2020-08, with a gap in every third, a base-year target every 50th (not columnar),
    /// and thresholds either side of the figure; the same rows with the indicators in reverse order
    /// (months still ascending within each); and the targets, sorted.
    static func panel(count: Int = 300, lastLine: String? = nil, extraTarget: String? = nil)
        throws -> (folder: URL, sorted: URL, unsorted: URL, targets: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var blocks: [String] = []
        var targets = "indicator,year,aggregate,comparator,threshold,base_year,change_percent,name,unit\n"
        let aggregates = ["sum", "mean", "last"], comparators = [">=", "<=", ">", "<"]
        for i in 0..<count {
            let level = i % 10 == 0 ? -5 + Double(i % 7) : 20 + Double(i)
            var block = ""
            for t in 0..<44 {
                if i % 3 == 1 && t == 5 { continue }
                let noise = 3 * sin(Double(t * (i % 13 + 3)) * 1.7)
                let value = level + 0.4 * Double(t) + 6 * sin(Double(t % 12) * 0.5236) + noise
                block += String(format: "k%03d,%04d-%02d,", i, 2017 + t / 12, t % 12 + 1) + "\(value)\n"
            }
            blocks.append(block)
            let aggregate = aggregates[i % 3], comparator = comparators[(i / 3) % 4]
            let monthly = level + 17 + Double(i % 9 - 4) * 0.8
            let threshold = aggregate == "sum" ? 12 * monthly : monthly
            let name = i == 5 ? "\"Water, new use\"" : ""
            let indicator = String(format: "k%03d", i)
            if i % 50 == 7 {
                targets += "\(indicator),2020,\(aggregate),\(comparator),,2019,-3,\(name),\n"
            } else {
                targets += "\(indicator),2020,\(aggregate),\(comparator),\(threshold),,,\(name),\n"
            }
        }
        if let extraTarget { targets += extraTarget + "\n" }
        let header = "indicator,month,value\n", tail = lastLine.map { $0 + "\n" } ?? ""
        let sorted = folder.appendingPathComponent("sorted.csv"), unsorted = folder.appendingPathComponent("unsorted.csv")
        let targetsFile = folder.appendingPathComponent("targets.csv")
        try (header + blocks.joined() + tail).write(to: sorted, atomically: true, encoding: .utf8)
        try (header + blocks.reversed().joined() + tail).write(to: unsorted, atomically: true, encoding: .utf8)
        try targets.write(to: targetsFile, atomically: true, encoding: .utf8)
        return (folder, sorted, unsorted, targetsFile)
    }

    static let exact = ["--model", "trend+season", "--intervals", "model", "--format", "csv"]

    /// "é" decomposed (65 CC 81) and composed (C3 A9) are one indicator to the whole-file reader
    /// (Swift's `String` equality is canonical equivalence), and in byte order they sort apart,
    /// with "f" between them. Such a file must not stream: streaming would meet the indicator
    /// twice and project it as two. Built by hand: rows of é (decomposed), f, é (composed), whose
    /// bytes ascend.
    @Test func canonicallyEquivalentNamesApartInByteOrderDoNotStream() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decomposed = "e\u{301}", composed = "\u{E9}"
        #expect(decomposed == composed && Array(decomposed.utf8) == [0x65, 0xCC, 0x81])
        var rows = "indicator,month,value\n"
        for (name, months) in [(decomposed, 1...12), ("f", 1...24), (composed, 13...24)] {
            for m in months { rows += "\(name),\(2018 + (m - 1) / 12)-\(String(format: "%02d", (m - 1) % 12 + 1)),\(10 + m % 5)\n" }
        }
        try Data(rows.utf8).write(to: folder.appendingPathComponent("obs.csv"))
        // Targets sorted both ways (f is 66, é composed C3 A9), so that only the observations decide.
        try Data("indicator,year,aggregate,comparator,threshold\nf,2020,sum,>=,100\n\(composed),2020,sum,>=,100\n".utf8)
            .write(to: folder.appendingPathComponent("targets.csv"))
        let arguments = ["project", "obs.csv", "--targets", "targets.csv", "--as-of", "2019-12", "--model", "level",
                         "--format", "csv", "--stream-block", "1"]
        let refused = try CLIRunner.run(arguments + ["--require-streaming"], in: folder)
        #expect(refused.status == 1, "\(refused.stdout)")
        #expect(refused.stderr.contains("cannot stream"), "\(refused.stderr)")
        let whole = try CLIRunner.run(arguments + ["--whole-file"], in: folder)
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(try CLIRunner.run(arguments, in: folder).stdout == whole.stdout)
    }

    /// A fixed regression with the model's intervals (the columnar path): every block size gives
    /// the whole-file path's bytes, on standard output and in an `--output` file, and the unsorted
    /// copy (read whole) gives them too.
    @Test func aSortedPanelStreamsTheWholeFilePathsBytes() throws {
        let panel = try Self.panel()
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path] + Self.exact
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        #expect(whole.status == 0)
        #expect(whole.stdout.split(separator: "\n").count == 301)
        let unsorted = try CLIRunner.run(["project", panel.unsorted.path, "--targets", panel.targets.path] + Self.exact)
        #expect(unsorted.stdout == whole.stdout)
        #expect(try CLIRunner.run(["project", panel.unsorted.path, "--targets", panel.targets.path, "--require-streaming"]
            + Self.exact).status == 1)
        for block in ["1", "7", "100", "1000"] {
            let streamed = try CLIRunner.run(arguments + ["--stream-block", block, "--require-streaming"])
            #expect(streamed.status == 0, "\(streamed.stderr)")
            #expect(streamed.stdout == whole.stdout, "blocks of \(block)")
        }
        let output = panel.folder.appendingPathComponent("out.csv")
        let written = try CLIRunner.run(arguments + ["--stream-block", "9", "--require-streaming", "--output", output.path])
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8) == whole.stdout)
    }

    /// The default model (per series) streams too, and gives the same bytes.
    @Test func theDefaultModelStreamsTheSameBytes() throws {
        let panel = try Self.panel(count: 12)
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path, "--format", "csv"]
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        let streamed = try CLIRunner.run(arguments + ["--stream-block", "5", "--require-streaming"])
        #expect(whole.status == 0 && streamed.status == 0)
        #expect(streamed.stdout == whole.stdout)
    }

    /// A bad value on the last line of a sorted file: the whole-file path's error, nothing on
    /// standard output, no output file (the blocks before it were projected into a temporary file
    /// that is discarded).
    @Test func anErrorOnTheLastLineWritesNothing() throws {
        let panel = try Self.panel(lastLine: "k999,2020-08,12..5")
        defer { try? FileManager.default.removeItem(at: panel.folder) }
        let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path] + Self.exact
        let whole = try CLIRunner.run(arguments + ["--whole-file"])
        #expect(whole.status == 1)
        #expect(whole.stderr.contains("sorted.csv:13102: field 'value'"))
        let output = panel.folder.appendingPathComponent("out.csv")
        for extra in [["--output", output.path], []] {
            let streamed = try CLIRunner.run(arguments + ["--stream-block", "7"] + extra)
            #expect(streamed.status == 1)
            #expect(streamed.stderr == whole.stderr)
            #expect(streamed.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: panel.folder.path).sorted()
        #expect(left == ["sorted.csv", "targets.csv", "unsorted.csv"])
    }

    /// A target that fails in the last block — a year beyond the horizon (checked before anything
    /// is fitted), or a model the last series is too short for (found while projecting) — gives the
    /// whole-file path's error and writes nothing.
    @Test func aLateTargetErrorWritesNothing() throws {
        for (lastLine, extra) in [(nil as String?, "k299,2130,sum,>=,5,,,,"),
                                  ("zz,2020-08,5", "zz,2020,sum,>=,5,,,,")] {
            let panel = try Self.panel(lastLine: lastLine, extraTarget: extra)
            defer { try? FileManager.default.removeItem(at: panel.folder) }
            let output = panel.folder.appendingPathComponent("out.csv")
            let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path, "--output", output.path] + Self.exact
            let whole = try CLIRunner.run(arguments + ["--whole-file"])
            #expect(whole.status == 1)
            #expect(whole.stderr.contains("targets.csv:302"), "\(whole.stderr)")
            let streamed = try CLIRunner.run(arguments + ["--stream-block", "7"])
            #expect(streamed.status == 1)
            #expect(streamed.stderr == whole.stderr)
            #expect(!FileManager.default.fileExists(atPath: output.path))
        }
    }

    /// A target naming an indicator the file lacks (the file is then read whole), and an
    /// `--as-of` outside the data: the whole-file path's words.
    @Test func inputErrorsReadAsTheWholeFilePathsWords() throws {
        let unknown = try Self.panel(count: 70, extraTarget: "k0695,2020,sum,>=,5,,,,")
        let plain = try Self.panel(count: 70)
        defer {
            try? FileManager.default.removeItem(at: unknown.folder)
            try? FileManager.default.removeItem(at: plain.folder)
        }
        for (panel, extra) in [(unknown, [String]()), (plain, ["--as-of", "2021-01"]), (plain, ["--as-of", "2016-01"])] {
            let arguments = ["project", panel.sorted.path, "--targets", panel.targets.path] + Self.exact + extra
            let whole = try CLIRunner.run(arguments + ["--whole-file"])
            let streamed = try CLIRunner.run(arguments + ["--stream-block", "7"])
            #expect(whole.status == 1 && streamed.status == 1)
            #expect(!whole.stderr.isEmpty && streamed.stderr == whole.stderr, "\(streamed.stderr)")
        }
    }
}
