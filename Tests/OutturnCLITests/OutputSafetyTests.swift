import Foundation
import Testing

/// Output files through the real binary: what `--output` may replace, what it reports when the
/// write fails, and that a failing or interrupted command leaves nothing behind (issue 19.3); and
/// output that cannot be turned against its reader (issue 19.5).
///
/// No test here ever names a system device: device behaviour is checked on nodes made with
/// `mknod` in a temporary folder (root only; skipped otherwise), so that even the code before
/// the fix, which renamed a file over the node, could only replace the test's own node.
@Suite struct OutputSafetyTests {
    /// A folder holding the bundled example as `obs.csv` and `targets.csv`.
    static func exampleFolder() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        for (source, name) in [("observations.csv", "obs.csv"), ("targets.csv", "targets.csv")] {
            try FileManager.default.copyItem(at: CLIRunner.example.appendingPathComponent(source),
                                             to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func project(_ folder: URL, _ extra: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv"] + extra, in: folder)
    }

    static func fileType(_ url: URL) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.type] as? FileAttributeType
    }

    /// Names in `folder` that start with a dot: temporary files left behind.
    static func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }

    /// Makes a character device node (major 1: /dev/null is minor 3, /dev/full minor 7) in a
    /// test folder; `false` when not permitted (not root, or a container without CAP_MKNOD).
    static func makeDevice(_ url: URL, minor: UInt32) -> Bool {
        mknod(url.path, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0
    }

    // MARK: - 19.3 Never replace what is not a regular file

    @Test func aFIFOIsRefusedAndStaysAFIFO() throws {
        let folder = try Self.exampleFolder()
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let result = try Self.project(folder, ["--output", "pipe"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--output'") && result.stderr.contains("FIFO"), "\(result.stderr)")
        var status = stat()
        #expect(stat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(try Self.leftovers(folder).isEmpty)
    }

    @Test func aSocketIsRefused() throws {
        let folder = try Self.exampleFolder()
        let path = folder.appendingPathComponent("sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            path.utf8CString.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0.prefix(buffer.count))) }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let result = try Self.project(folder, ["--output", "sock"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("socket"), "\(result.stderr)")
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFSOCK)
    }

    @Test func aFolderIsRefusedInWords() throws {
        let folder = try Self.exampleFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("reports"), withIntermediateDirectories: false)
        let result = try Self.project(folder, ["--output", "reports"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--output'") && result.stderr.contains("is a folder (EISDIR)"), "\(result.stderr)")
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(try Self.leftovers(folder).isEmpty)
    }

    /// A character device is written in place: the node stays a device (before the fix a regular
    /// file was renamed over it, which as root replaces the system's /dev/null).
    @Test func aCharacterDeviceIsWrittenNotReplaced() throws {
        let folder = try Self.exampleFolder()
        let device = folder.appendingPathComponent("null")
        guard Self.makeDevice(device, minor: 3) else { return }
        let result = try Self.project(folder, ["--output", "null"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.fileType(device) == .typeCharacterSpecial)
        #expect(try Self.leftovers(folder).isEmpty)
    }

    // MARK: - 19.3 Report every write error

    /// A full device: ENOSPC in words, exit 1, the node untouched.
    @Test func aFullDeviceFailsWithENOSPC() throws {
        let folder = try Self.exampleFolder()
        let device = folder.appendingPathComponent("full")
        guard Self.makeDevice(device, minor: 7) else { return }
        let result = try Self.project(folder, ["--output", "full"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("No space left on device (ENOSPC)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(Self.fileType(device) == .typeCharacterSpecial)
    }

    /// A file-size limit (RLIMIT_FSIZE) of one 512-byte block: EFBIG in words, not a death by
    /// SIGXFSZ, and no partial file left.
    @Test func aFileSizeLimitFailsWithEFBIG() throws {
        let folder = try Self.exampleFolder()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.environment = CLIRunner.inheritedEnvironment
        process.arguments = ["-c", "ulimit -f 1; exec \"$0\" project obs.csv --targets targets.csv --format json --output out.json",
                             CLIRunner.executable.path]
        process.currentDirectoryURL = folder
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(process.terminationStatus) \(stderr)")
        #expect(stderr.contains("File too large (EFBIG)"), "\(stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.json").path))
        #expect(try Self.leftovers(folder).isEmpty)
    }

    // MARK: - 19.3 Temporary files

    /// The old temporary name `.<name>.<pid>.tmp` could be guessed and a symlink planted there was
    /// followed. Symlinks at every name of the next 2,000 process ids point at a victim file; the
    /// victim must be untouched and the output a regular file.
    @Test func aPlantedSymlinkAtATemporaryNameIsNotFollowed() throws {
        let folder = try Self.exampleFolder()
        let victim = folder.appendingPathComponent("victim.txt")
        try "precious\n".write(to: victim, atomically: false, encoding: .utf8)
        let last = Int((try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? Int(getpid())
        for pid in last..<(last + 2_000) {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(".out.txt.\(pid).tmp").path,
                                                       withDestinationPath: victim.path)
        }
        let result = try Self.project(folder, ["--output", "out.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect(Self.fileType(folder.appendingPathComponent("out.txt")) == .typeRegular)
    }

    // MARK: - 19.3 Ctrl-C during the write

    /// SIGINT sent the moment a temporary file appears: afterwards no temporary file remains, and
    /// the output is either absent or complete. Before the fix the signal mask covered only the
    /// writing thread, another thread took the signal, and a partial temporary file stayed.
    @Test func anInterruptDuringTheWriteLeavesNothing() throws {
        let folder = try CLIRunner.temporaryFolder()
        // 1,000 indicators × 49 interval levels: a JSON report of about 7 MB, long enough to catch.
        var observations = "indicator,month,value\n", targets = "indicator,year,aggregate,comparator,threshold\n"
        for index in 0..<1_000 {
            for offset in 0..<20 {
                let month = offset < 12 ? "2019-\(String(format: "%02d", offset + 1))" : "2020-\(String(format: "%02d", offset - 11))"
                observations += "k\(index),\(month),\(100 + (index * 7 + offset * 13) % 10)\n"
            }
            targets += "k\(index),2020,sum,>=,1200\n"
        }
        try observations.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try targets.write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        let levels = (50...98).flatMap { ["--level", String($0)] }
        var caught = false
        for _ in 0..<3 where !caught {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("out.json"))
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.environment = CLIRunner.inheritedEnvironment
            process.arguments = ["project", "obs.csv", "--targets", "targets.csv", "--model", "level", "--format", "json",
                                 "--output", "out.json"] + levels
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            while process.isRunning {
                if let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path),
                   names.contains(where: { $0.hasPrefix(".out.json") }) {
                    kill(process.processIdentifier, SIGINT)
                    caught = true
                    break
                }
            }
            process.waitUntilExit()
            let left = try Self.leftovers(folder)
            #expect(left.isEmpty, "a temporary file was left: \(left)")
            let out = folder.appendingPathComponent("out.json")
            if FileManager.default.fileExists(atPath: out.path) {
                #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: out))) != nil, "a partial report")
            }
        }
        #expect(caught, "the write was never caught in progress")
    }

    // MARK: - 19.3 Inputs compared after resolving symlinks

    /// `link` points to `data/deeper`, so `link/../obs.csv` is `data/obs.csv`, not the
    /// `./obs.csv` that collapsing the text would give (and that Foundation's readers open).
    /// Writing to `data/obs.csv` must be refused, and so must writing to `obs.csv`.
    @Test func anInputReachedThroughASymlinkIsNotOverwritten() throws {
        let folder = try Self.exampleFolder()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("deeper"), withIntermediateDirectories: true)
        // A copy at both places: whichever of the two a reader takes `link/../obs.csv` for, the
        // other spelling of it must not be overwritten.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("obs.csv"), to: data.appendingPathComponent("obs.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path,
                                                   withDestinationPath: data.appendingPathComponent("deeper").path)
        let before = try Data(contentsOf: data.appendingPathComponent("obs.csv"))
        let result = try CLIRunner.run(["project", "link/../obs.csv", "--targets", "targets.csv", "--output", "data/obs.csv"],
                                       in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is an input"), "\(result.stderr)")
        #expect(try Data(contentsOf: data.appendingPathComponent("obs.csv")) == before)
        let textual = try CLIRunner.run(["project", "link/../obs.csv", "--targets", "targets.csv", "--output", "obs.csv"],
                                        in: folder)
        #expect(textual.status == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("obs.csv")) == before)
    }

    // MARK: - 19.3 One output per path; a failing command writes nothing

    @Test func twoOutputsOnOnePathAreRefused() throws {
        let folder = try Self.exampleFolder()
        let result = try CLIRunner.run(["sweep", "obs.csv", "--targets", "targets.csv", "--chart", "same.txt",
                                        "--output", "same.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("also the path of --chart"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("same.txt").path))
    }

    /// The chart's folder does not exist: before the fix `backtest` had already written its
    /// `--output` when the chart failed.
    @Test func aBacktestWhoseChartFailsWritesNoOutput() throws {
        let folder = try Self.exampleFolder()
        let result = try CLIRunner.run(["backtest", "obs.csv", "--indicator", "water", "--years", "2019",
                                        "--output", "out.txt", "--chart", "no/such/folder/chart.svg"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("field '--chart'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.txt").path))
    }

    // MARK: - 19.5 Control characters

    /// The C0 and C1 controls and DEL that a terminal would obey.
    static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
    }

    /// A name with an OSC title sequence, a colour and a bell is shown, not obeyed, in the table
    /// and in the Markdown report.
    @Test func controlCharactersInNamesAreShownNotObeyed() throws {
        let folder = try Self.exampleFolder()
        let name = "pwned\u{1B}]0;owned\u{07}\u{1B}[31mred\u{9B}2J"
        try "indicator,year,aggregate,comparator,threshold,name\nwater,2020,sum,<=,11489,\"\(name)\"\n"
            .write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        for format in ["table", "markdown", "csv", "json"] {
            let result = try Self.project(folder, ["--format", format])
            #expect(!Self.hasRawControls(result.stdout), "\(format): \(result.stdout.debugDescription)")
            #expect(!Self.hasRawControls(result.stderr))
            if result.status == 0, format == "table" || format == "markdown" {
                #expect(result.stdout.contains("pwned\\e]0;owned\\x07\\e[31mred\\u{9B}2J"), "\(result.stdout)")
            }
        }
        let report = try CLIRunner.run(["report", "obs.csv", "--targets", "targets.csv", "--out", "r.md"], in: folder)
        if report.status == 0 {
            #expect(!Self.hasRawControls(try String(contentsOf: folder.appendingPathComponent("r.md"), encoding: .utf8)))
        }
    }

    /// An unknown indicator whose name carries escapes is echoed in the error, escaped.
    @Test func controlCharactersInErrorsAreShownNotObeyed() throws {
        let folder = try Self.exampleFolder()
        try "indicator,year,aggregate,comparator,threshold\n\"x\u{1B}]8;;http://evil\u{07}y\",2020,sum,<=,1\n"
            .write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        let result = try Self.project(folder, [])
        #expect(result.status == 1)
        #expect(!Self.hasRawControls(result.stderr), "\(result.stderr.debugDescription)")
        let flag = try CLIRunner.run(["project", "obs.csv", "--targets", "targets.csv", "--format", "x\u{1B}[2Jy"], in: folder)
        #expect(flag.status != 0)
        #expect(!Self.hasRawControls(flag.stderr), "\(flag.stderr.debugDescription)")
    }

    // MARK: - 19.5 CSV injection

    /// Names a spreadsheet would run get a leading `'` (OWASP); negative numbers stay numbers.
    /// The series `neg` (−5 … −2, hand-made) has the threshold −10, printed as `-10`.
    @Test func csvCellsThatLookLikeFormulasAreNeutralised() throws {
        let folder = try Self.exampleFolder()
        var observations = "indicator,month,value\n"
        for month in 1...8 { observations += "neg,2020-\(String(format: "%02d", month)),\(-5 + (month % 4))\n" }
        for month in 1...8 { observations += "pos,2020-\(String(format: "%02d", month)),\(10 + month % 3)\n" }
        try observations.write(to: folder.appendingPathComponent("obs.csv"), atomically: true, encoding: .utf8)
        try """
            indicator,year,aggregate,comparator,threshold,name,unit
            neg,2020,mean,>=,-10,"=HYPERLINK(""http://evil"",""x"")",@SUM(A1)
            pos,2020,sum,>=,100,+cmd|' /C calc'!A0,-2+3

            """.write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        let result = try Self.project(folder, ["--format", "csv", "--model", "level"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[1].contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'@SUM(A1),"), "\(lines[1])")
        #expect(lines[1].contains(",>=,-10,"), "\(lines[1])")
        #expect(lines[2].contains(",'+cmd|' /C calc'!A0,'-2+3,"), "\(lines[2])")
        for line in lines.dropFirst() {
            for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                let text = cell.hasPrefix("\"") ? String(cell.dropFirst()) : String(cell)
                if let first = text.first, "=+@".contains(first) { Issue.record("unneutralised cell \(cell)") }
                if text.hasPrefix("-"), Double(text) == nil { Issue.record("unneutralised cell \(cell)") }
            }
        }
    }

    // MARK: - 19.5 Markdown

    /// HTML in a name is escaped in the Markdown report, and a quoted line break does not split
    /// its table row: every table line begins and ends with a pipe and has the header's cells.
    @Test func markdownEscapesHTMLAndKeepsRowsWhole() throws {
        let folder = try Self.exampleFolder()
        try """
            indicator,year,aggregate,comparator,threshold,name
            water,2020,sum,<=,11489,"<img src=x onerror=alert(1)>"
            jobs,2020,sum,>=,9000,"two
            lines"

            """.write(to: folder.appendingPathComponent("targets.csv"), atomically: true, encoding: .utf8)
        for command in [["project", "obs.csv", "--targets", "targets.csv", "--format", "markdown"],
                        ["report", "obs.csv", "--targets", "targets.csv", "--out", "r.md"]] {
            let result = try CLIRunner.run(command, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let text = command[0] == "report"
                ? try String(contentsOf: folder.appendingPathComponent("r.md"), encoding: .utf8) : result.stdout
            #expect(!text.contains("<img"), "\(text)")
            #expect(text.contains("&lt;img src=x onerror=alert(1)&gt;"))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let table = lines.filter { $0.hasPrefix("|") || $0.contains(" | ") }
            #expect(table.count >= 4)
            // Each row as wide as its own table's header (the report has more than one table).
            var width = 0, previousWasTable = false
            for line in lines {
                let isTable = line.hasPrefix("|") || line.contains(" | ")
                defer { previousWasTable = isTable }
                guard isTable else { continue }
                #expect(line.hasPrefix("|") && line.hasSuffix("|"), "a split row: \(line)")
                if !previousWasTable { width = line.components(separatedBy: " | ").count }
                if !line.hasPrefix("| ---") && !line.hasPrefix("|---") && line.hasPrefix("| ") {
                    #expect(line.components(separatedBy: " | ").count == width, "\(line)")
                }
            }
            #expect(text.contains("two\\nlines"))
        }
    }
}
