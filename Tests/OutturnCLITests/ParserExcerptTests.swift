import Foundation
import Testing

/// A JSON targets file or a YAML scenario that the parser refuses gives a one-line error with a
/// short excerpt, however long the line at fault. Yams's own description of a reader error quotes
/// the whole line, so a 50 MB one-line JSON file with a control character gave a 100 MB message;
/// a repeated key was quoted in full too. The big files are written here, not kept in git.
@Suite struct ParserExcerptTests {
    static let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    static let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
    /// What the error may quote of the input: the issue allows a short excerpt of ≤ 200 characters;
    /// the rest of the line (file, line, what is wrong) is far shorter.
    static let longestLine = 400

    func check(_ arguments: [String], file name: String, contents: Data, mentioning fragment: String) throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try contents.write(to: folder.appendingPathComponent(name))
        let result = try CLIRunner.run(arguments, in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("outturn: error: \(name):1"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.count <= Self.longestLine, "\(result.stderr.count) characters: \(result.stderr.prefix(300))")
        #expect(result.stderr.contains(fragment), "\(result.stderr.prefix(300))")
    }

    @Test func fiftyMegabyteJSONLineWithAControlCharacter() throws {
        // One line of 50 MB: a target whose name holds U+0001, then 50 MB of a name that is never closed.
        var text = #"[{"indicator":"water","year":2020,"aggregate":"sum","comparator":"<=","threshold":1,"name":"a"#
        text += "\u{1}" + String(repeating: "x", count: 50_000_000) + "\"}]"
        try check(["project", Self.observations, "--targets", "t.json"], file: "t.json", contents: Data(text.utf8),
                  mentioning: "control characters are not allowed: U+0001")
    }

    @Test func oneMegabyteYAMLScenarioLineWithAControlCharacter() throws {
        // Just under the 1 MB a scenario file may hold, on one line.
        let text = "scenarios: [{name: a\u{1}" + String(repeating: "x", count: 1_000_000) + "}]\n"
        try check(["whatif", Self.observations, "--targets", Self.targets, "--scenario", "s.yaml"], file: "s.yaml",
                  contents: Data(text.utf8), mentioning: "control characters are not allowed: U+0001")
    }

    @Test func aLongKeyGivenTwiceInJSON() throws {
        // libyaml takes keys of up to 1,024 characters in a JSON object; Yams quoted both in full.
        let key = String(repeating: "k", count: 1_000)
        let text = #"[{"indicator":"water","year":2020,"aggregate":"sum","comparator":"<=","threshold":1,"\#(key)":1,"\#(key)":2}]"#
        try check(["project", Self.observations, "--targets", "t.json"], file: "t.json", contents: Data(text.utf8),
                  mentioning: "a key is given twice")
    }

    @Test func aLongUnknownKeyInJSON() throws {
        let key = String(repeating: "k", count: 1_000)
        let text = #"[{"indicator":"water","year":2020,"aggregate":"sum","comparator":"<=","threshold":1,"\#(key)":1}]"#
        try check(["project", Self.observations, "--targets", "t.json"], file: "t.json", contents: Data(text.utf8),
                  mentioning: "unknown key")
    }

    @Test func aLongUnknownKeyInAScenario() throws {
        let key = String(repeating: "k", count: 1_000)
        let text = "scenarios: [{name: a, \(key): 1}]\n"
        try check(["whatif", Self.observations, "--targets", Self.targets, "--scenario", "s.yaml"], file: "s.yaml",
                  contents: Data(text.utf8), mentioning: "unknown key")
    }
}
