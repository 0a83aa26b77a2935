import Foundation
import Testing

/// The catalogue of input mistakes in `Tests/Fixtures/bad-input/` (one folder per case: its files,
/// a `command` file with one argument per line, and an `expected` file with the fragments standard
/// error must contain), and of tolerated forms in `Tests/Fixtures/accepted-input/` (`expected`:
/// fragments of standard output).
///
/// Every mistake must give `outturn: error: <file>:<line>: field '<field>': …`, exit status 1,
/// nothing on standard output, no output file, and leave every input byte for byte as it was.
@Suite struct FixtureCatalogueTests {
    static let fixtures = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures")

    static func cases(_ kind: String) -> [String] {
        let folder = fixtures.appendingPathComponent(kind)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// Copies a case into a scratch folder and reads its command and expectations.
    func prepare(_ kind: String, _ name: String) throws -> (folder: URL, command: [String], expected: [String]) {
        let source = Self.fixtures.appendingPathComponent(kind).appendingPathComponent(name)
        let folder = try CLIRunner.temporaryFolder().appendingPathComponent(name)
        try FileManager.default.copyItem(at: source, to: folder)
        func lines(_ file: String) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
        return (folder, try lines("command"), try lines("expected"))
    }

    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func theCatalogueCoversAtLeastFortyMistakes() {
        #expect(Self.cases("bad-input").count >= 40)
        #expect(Self.cases("accepted-input").count >= 8)
    }

    @Test(arguments: cases("bad-input"))
    func mistakeGetsAClearErrorAndNoOutput(_ name: String) throws {
        let (folder, command, expected) = try prepare("bad-input", name)
        let before = try snapshot(folder)
        let writesOutput = command.contains("--output")
        let result = try CLIRunner.run(command + (writesOutput ? [] : ["--output", "out.txt"]), in: folder)
        #expect(result.status == 1, "exit status \(result.status): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("outturn: error: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
        for fragment in expected {
            #expect(result.stderr.contains(fragment), "missing «\(fragment)» in: \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.txt").path))
        #expect(try snapshot(folder) == before, "an input changed")
    }

    @Test(arguments: cases("accepted-input"))
    func toleratedFormIsRead(_ name: String) throws {
        let (folder, command, expected) = try prepare("accepted-input", name)
        let result = try CLIRunner.run(command, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        for fragment in expected {
            #expect(result.stdout.contains(fragment), "missing «\(fragment)» in: \(result.stdout)")
        }
    }

    @Test func usageErrorsExitNonZero() throws {
        let result = try CLIRunner.run(["project"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
