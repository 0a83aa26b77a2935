import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// JSON targets are read by a linear scanner, no longer composed whole as YAML. Every strict JSON
/// file must read as it read through Yams — the same targets, models and milestones, the same
/// lines for every entry, the same error at the same line — and a file that is not strict JSON
/// is read through Yams as before when it is small, and refused with its line when it is large.
@Suite struct TargetsJSONScannerTests {
    /// What a reading gives, to compare two readings by: every target, model, milestone and
    /// entry place, or the error's text.
    func reading(_ read: () throws(InputError) -> TargetsFile) -> String {
        do {
            let file = try read()
            return "\(file.targets)|\(file.models)|\(file.milestones)|" + file.targets.indices.map { file.place(of: $0) }.joined(separator: ";")
        } catch {
            return "error: \(error)"
        }
    }

    func isStrict(_ text: String) -> Bool {
        if case .success = TargetsJSONScanner.scan(text, element: { _, _ in }) { return true }
        return false
    }

    static let entry = #"{"indicator": "a", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 10}"#

    /// Strict JSON, read and refused in every way the reader knows.
    static let strictDocuments: [String] = [
        "[\n  \(entry),\n  {\"indicator\": \"b\", \"year\": 2021,\n   \"aggregate\": \"max\", \"comparator\": \"<\",\n   \"threshold\": 3.5, \"model\": \"trend\"}\n]\n",
        // Line ends: CR LF, and a lone CR (a line break to libyaml too).
        "[\r\n \(entry),\r\n\r\n {\"indicator\": \"c\",\r\n \"year\": 2020, \"aggregate\": \"mean\", \"comparator\": \"<\", \"threshold\": 1}]",
        "{\"targets\": [\r \(entry),\r {\"indicator\": \"d\", \"year\": 2020, \"aggregate\": \"last\",\r \"comparator\": \"<=\", \"threshold\": 1}]}",
        // A byte-order mark, escapes, a tab inside a string, numbers in every JSON form.
        "\u{FEFF}[{\"indicator\": \"a\\\"b\\\\c\\/d\\u00e9\\u4e2d\", \"name\": \"x\ty\\ty\\n\", \"year\": 2020, \"aggregate\": \"sum\","
            + " \"comparator\": \"\\u2265\", \"threshold\": -1.5E+3},\n {\"indicator\": \"a\", \"year\": 2020, \"aggregate\": \"min\","
            + " \"comparator\": \">\", \"threshold\": -0}]",
        // Milestones, bounds, months, base years, moving averages, versus.
        #"[{"indicator": "a", "year": 2020, "aggregate": "milestone", "threshold": 3, "due": "2020-06"},"#
            + "\n" + #" {"indicator": "r", "year": 2020, "aggregate": "last", "comparator": ">=", "threshold": 95, "bounds": "0..100", "unit": "%"},"#
            + "\n" + #" {"indicator": "a", "year": 2021, "aggregate": "sum", "comparator": "<=", "base_year": 2019, "change_percent": -5, "months": "3-9"},"#
            + "\n" + #" {"indicator": "a", "year": 2022, "aggregate": "mean", "comparator": "<", "moving_average": "3"},"#
            + "\n" + #" {"indicator": "a", "year": 2023, "aggregate": "sum", "comparator": ">=", "versus": "b", "name": null}]"#,
        // Errors, each at its line.
        "[\n \(entry),\n {\"indicator\": \"a\", \"year\": 2020,\n  \"aggregate\": \"median\", \"comparator\": \">=\", \"threshold\": 1}]",
        "[\n \(entry),\n {\"indicator\": \"a\", \"year\": 2020, \"aggregate\": \"sum\",\n  \"comparator\": \">=\", \"treshold\": 1}]",
        "[\n \(entry),\n \(entry.replacingOccurrences(of: "10}", with: "\"10\"}"))\n]",
        "[\n \(entry.replacingOccurrences(of: "10}", with: "1e-400}"))]",
        "[\n \(entry.replacingOccurrences(of: "10}", with: "true}"))]",
        "[\n \(entry.replacingOccurrences(of: "10}", with: "null}"))]",
        "[\n \(entry.replacingOccurrences(of: "10}", with: "10, \"bounds\": [0, {\"a\": [1, null]}]}"))]",
        "[\n \(entry),\n 12,\n [\(entry)]]",
        "[\n \(entry),\n {}]",
        "[]",
        "\n\n{\"targets\": []}",
        "{\"targets\": 5, \"other\": [1, 2]}",
        "{\"other\": [\(entry)]}",
        "\n  \"just a string\"",
        "42",
        "[\(entry), {\"indicator\": \"a\", \"year\": 2020, \"aggregate\": \"sum\", \"comparator\": \">=\", \"threshold\": 10, \"model\": \"theta\"}]",
    ]

    @Test(arguments: strictDocuments)
    func strictJSONReadsAsYamsReadIt(_ text: String) {
        #expect(isStrict(text))
        let scanned = reading { () throws(InputError) in try TargetsFile.parseJSON(Data(text.utf8), file: "t.json") }
        let composed = reading { () throws(InputError) in try TargetsFile.parseYAML(text, file: "t.json", indicators: nil) }
        #expect(scanned == composed)
    }

    /// The one deliberate difference: two entries holding the same array or object are the same
    /// entry (Yams's description of a node held its position, so they never were).
    @Test func entriesRepeatedWithAnArrayAreRefused() {
        let twice = "[\n \(Self.entry.replacingOccurrences(of: "10}", with: "10, \"name\": [1]}")),\n "
            + "\(Self.entry.replacingOccurrences(of: "10}", with: "10, \"name\": [1]}"))]"
        #expect(reading { () throws(InputError) in try TargetsFile.parseJSON(Data(twice.utf8), file: "t.json") }
            == "error: t.json:3: field 'targets[1]': the entry repeats targets[0] (line 2) exactly; delete one of them")
    }

    /// Not strict JSON: the scanner stops, and a small file reads (or fails) through Yams as before.
    static let otherDocuments: [String] = [
        "[\(entry),]",
        "# targets\n[\(entry)]",
        "[\(entry.replacingOccurrences(of: "\"threshold\": 10", with: "\"threshold\": 10, \"threshold\": 11"))]",
        "[\(entry.replacingOccurrences(of: "\"a\"", with: "\"\\ud83d\\ude00\""))]",
        "[\(entry.replacingOccurrences(of: "\"a\"", with: "\"a\nb\""))]",
        "[\(entry.replacingOccurrences(of: "\"a\"", with: "\"a\u{1}\""))]",
        "[\(entry.replacingOccurrences(of: "\"a\"", with: "\"a\u{2028}b\""))]",
        "[{indicator: a, year: 2020, aggregate: sum, comparator: '>=', threshold: 10}]",
        "[\(entry)",
        "[\(entry)] []",
        "\t[\(entry)]",
        "[{\"indicator\"\n: \"a\", \"year\": 2020, \"aggregate\": \"sum\", \"comparator\": \">=\", \"threshold\": 10}]",
        "[{\"\(String(repeating: "k", count: 1_100))\": 1}]",
        "",
        "[&a \(entry), *a]",
    ]

    @Test(arguments: otherDocuments)
    func otherSmallFilesReadThroughYamsAsBefore(_ text: String) {
        #expect(!isStrict(text))
        let read = reading { () throws(InputError) in try TargetsFile.parseJSON(Data(text.utf8), file: "t.json") }
        let before = reading { () throws(InputError) in
            // As parseJSON read every file before the scanner: YAMLGuard, then Yams.
            try TargetsFile.parseYAML(text, file: "t.json", indicators: nil)
        }
        #expect(read == before)
    }

    /// `count` one-line entries after a `[` on line 1: entry i is on line i + 2; well over 1 MB.
    func largeFile(count: Int = 15_000, last: String? = nil) -> String {
        var text = "[\n"
        for index in 0..<count {
            text += #"  {"indicator": "a", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": \#(index)}"#
            text += index == count - 1 && last == nil ? "\n" : ",\n"
        }
        return text + (last.map { "  \($0)\n" } ?? "") + "]\n"
    }

    @Test func aLargeFileIsReadWithoutYAML() throws {
        let text = largeFile()
        #expect(text.utf8.count > TargetsFile.yamlFallbackLimit)
        let file = try TargetsFile.parseJSON(Data(text.utf8), file: "t.json")
        #expect(file.targets.count == 15_000 && file.targets.last?.threshold == 14_999)
        #expect(file.place(of: 14_999) == "targets[14999] (line 15001)")
    }

    @Test func aLargeFileNamesTheLineOfItsBadLastEntry() {
        let text = largeFile(last: #"{"indicator": "a", "year": 2020, "aggregate": "median", "comparator": ">=", "threshold": 1}"#)
        #expect(throws: InputError(file: "t.json", line: 15_002, field: "targets[15000].aggregate",
                                   message: "unknown aggregate 'median'; use sum, mean, last, min, max or milestone")) {
            try TargetsFile.parseJSON(Data(text.utf8), file: "t.json")
        }
    }

    /// Yams would have read these (a trailing comma is YAML), taking minutes for tens of
    /// megabytes; a file this large is made by a program, and is held to JSON.
    @Test func aLargeFileThatIsNotJSONIsRefusedAtItsLine() {
        var text = largeFile()
        text.removeLast(3)   // "\n]\n"
        text += ",\n]\n"
        #expect(throws: InputError(file: "t.json", line: 15_002, message: "is not valid JSON (a comma before ']')")) {
            try TargetsFile.parseJSON(Data(text.utf8), file: "t.json")
        }
        // A control character is named by code, as libyaml names it.
        let control = largeFile(last: "{\"indicator\": \"a\u{1}\"}")
        #expect(throws: InputError(file: "t.json", line: 15_002, message: "is not valid JSON (control characters are not allowed: U+0001)")) {
            try TargetsFile.parseJSON(Data(control.utf8), file: "t.json")
        }
        // An alias is refused as YAMLGuard refuses it in a small file.
        let alias = largeFile(last: "*a")
        #expect {
            try TargetsFile.parseJSON(Data(alias.utf8), file: "t.json")
        } throws: { error in
            "\(error)".hasPrefix("t.json:15002: uses a YAML anchor or alias")
        }
    }
}
