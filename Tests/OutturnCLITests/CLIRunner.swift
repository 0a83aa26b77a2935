import Foundation
import Testing

/// Runs the built `outturn` executable as a subprocess, as a user would.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let example = packageRoot.appendingPathComponent("Examples/xicheng-2020")

    /// The `outturn` binary beside the test bundle (SwiftPM builds it because this target depends on it).
    static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("outturn")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/outturn")
    }()

    /// The test runner's environment, for a child that runs `outturn`, with LeakSanitizer's check
    /// at exit turned off. Why: a process that exits leaks nothing the system does not take back,
    /// and at exit LeakSanitizer cannot follow Swift's pointers that carry an enum's tag in their
    /// spare bits, so it reported such arrays as leaked when a worker thread still held them (seen
    /// 5 times in 240 runs under load; CI failed on one). AddressSanitizer's checks of every access
    /// stay on in the child, and leaks stay checked in the test process, which runs the same code.
    static var inheritedEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["LSAN_OPTIONS"] = (environment["LSAN_OPTIONS"].map { $0 + ":" } ?? "") + "detect_leaks=0"
        return environment
    }

    /// Runs `outturn` with `arguments`. The locale variables are removed (output is English
    /// whatever the tester's locale) unless `environment` sets them; `environment` overrides the rest.
    /// - Parameter standardInput: a file the process reads as standard input (`-` paths); by
    ///   default it inherits the test runner's.
    static func run(_ arguments: [String], in directory: URL? = nil, standardInput: URL? = nil,
                    environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let standardInput { process.standardInput = try FileHandle(forReadingFrom: standardInput) }
        // Files, not pipes: a large report would fill a pipe and block the child.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-run-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout"), err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        var environment = inheritedEnvironment
        environment["NO_COLOR"] = "1"
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        environment.merge(extra) { $1 }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// Runs pinned to core 0 by taskset (util-linux, in every Debian): the exit status and stdout.
    static func runOnOneCore(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = ["-c", "0", executable.path] + arguments
        process.environment = inheritedEnvironment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// A fresh folder holding copies of the example's observations and targets, so that anything
    /// written beside them (a projection store) stays out of the repository.
    static func exampleCopy() throws -> (folder: URL, observations: String, targets: String) {
        let folder = try temporaryFolder()
        for name in ["observations.csv", "targets.csv"] {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return (folder, folder.appendingPathComponent("observations.csv").path, folder.appendingPathComponent("targets.csv").path)
    }

    /// A fresh folder for a test's files.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outturn-test-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

func isClose(_ actual: Double, _ expected: Double, relative tolerance: Double = 1e-8) -> Bool {
    abs(actual - expected) <= tolerance * abs(expected)
}
