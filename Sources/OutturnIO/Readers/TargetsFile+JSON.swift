import Foundation
import Yams
import Outturn

extension TargetsFile {
    /// Parses targets JSON.
    ///
    /// Read in one linear pass, entry by entry, with the line of every entry and key for errors.
    /// A file that is not strict JSON (a trailing comma, a comment, the YAML flow forms JSON files
    /// were once read in) is read as YAML when it is at most 1 MiB, as all were before, and
    /// refused with the line at fault otherwise.
    public static func parseJSON(_ data: Data, file: String) throws(InputError) -> TargetsFile {
        try parseJSON(data, file: file, indicators: nil)
    }

    /// The largest file that is read as YAML when it is not strict JSON. A larger one is data made
    /// by a program, and composing megabytes as YAML takes minutes.
    static let yamlFallbackLimit = 1 << 20

    static func parseJSON(_ data: Data, file: String, indicators: KnownIndicators?) throws(InputError) -> TargetsFile {
        let text = try decodedText(data, file: file)
        var entries = JSONEntries(file: file, indicators: indicators)
        let root: TargetsJSONScanner.Root
        switch TargetsJSONScanner.scan(text, element: { entries.take($0, $1) }) {
        case .success(let scanned): root = scanned
        case .failure(let failure):
            if text.utf8.count <= yamlFallbackLimit { return try parseYAML(text, file: file, indicators: indicators) }
            // Aliases and deep nesting are named as they are in small files. Strict JSON has none
            // before the point where the scan stopped, so only the text through that line is scanned.
            let utf8 = text.utf8
            var end = utf8.index(utf8.startIndex, offsetBy: min(failure.offset, utf8.count))
            while end < utf8.endIndex, utf8[end] != UInt8(ascii: "\n") { end = utf8.index(after: end) }
            if let problem = YAMLGuard.problem(in: String(Substring(utf8[..<end])), files: "targets files") {
                throw InputError(file: file, line: problem.line, message: problem.message)
            }
            let shown = escapingControlCharacters(failure.problem)
            throw InputError(file: file, line: failure.line, message: "is not valid JSON (\(shown.count > yamlProblemLimit ? String(shown.prefix(yamlProblemLimit)) + "…" : shown))")
        }
        // The errors of a file that is JSON come in the order they did when it was composed whole:
        // its shape first, then the first entry at fault.
        guard root.hasList else {
            throw InputError(file: file, line: root.line, message: "expected an array of targets, or an object with a 'targets' array")
        }
        guard root.count > 0 else { throw InputError(file: file, line: root.line, message: "the file holds no targets") }
        if let failure = entries.failure { throw failure }
        let targetsFile = TargetsFile(file: file, entries: entries.entries)
        try targetsFile.checkSharedModels()
        return targetsFile
    }

    /// The entries of a JSON file made into targets as the scanner reads them. The first entry at
    /// fault is kept, not thrown, so that a file that is not JSON after all still fails as such
    /// (as when it was composed whole); nothing after it is kept.
    struct JSONEntries {
        let file: String
        let indicators: KnownIndicators?
        private(set) var entries: [(Entry, Location)] = []
        private(set) var failure: InputError?
        /// Each entry's keys and values, as read (trimmed text), in a form that compares them
        /// whole: 10 and "10" are the same value. With its position and line.
        private var seen: [String: (index: Int, line: Int)] = [:]

        init(file: String, indicators: KnownIndicators?) {
            self.file = file
            self.indicators = indicators
        }

        mutating func take(_ index: Int, _ element: TargetsJSONScanner.Element) {
            guard failure == nil else { return }
            do { try add(index, element) } catch { failure = error }
        }

        private mutating func add(_ index: Int, _ element: TargetsJSONScanner.Element) throws(InputError) {
            guard case .object(let line, let fields) = element else {
                if case .other(let line) = element {
                    throw InputError(file: file, line: line, field: "targets[\(index)]", message: "each target must be an object")
                }
                return
            }
            var values: [String: TargetsJSONScanner.Value] = [:], lines: [String: Int] = [:]
            for field in fields {
                values[field.key] = field.value
                lines[field.key] = field.line
            }
            let location = Location.entry(index, line: line, keys: lines)
            for key in values.keys.sorted() where !known.contains(key) {
                throw location.error(file: file, field: excerpt(key), message: "unknown key; targets use \(known.joined(separator: ", "))")
            }
            let entry = try makeEntry(file: file, location: location) { key in
                switch values[key] {
                case nil, .null: nil
                case .text(let text): text
                case .nested: "\u{0}not a string or number"
                }
            }
            try indicators?.check(entry, at: location, file: file)
            entries.append((entry, location))
            // As in CSV: an entry repeated exactly is a copy-paste slip, and would count one target
            // twice. Compared as read (trimmed text), so 10 and "10" are the same value; null reads
            // as the text null, as YAML's null scalar did.
            var row = ""
            for key in values.keys.sorted() {
                let text = switch values[key]! {
                case .text(let text): trimmed(text)
                case .null: "null"
                case .nested(let form): "\u{0}" + form
                }
                row += "\(key.utf8.count):\(key)\(text.utf8.count):\(text)"
            }
            if let first = seen.updateValue((index, line), forKey: row) {
                throw InputError(file: file, line: line, field: "targets[\(index)]",
                                 message: "the entry repeats targets[\(first.index)] (line \(first.line)) exactly; delete one of them")
            }
        }
    }

    /// `text` read as YAML, as every targets JSON file was before ``TargetsJSONScanner``: for the
    /// small files that are not strict JSON, so that they read and fail as they always did.
    static func parseYAML(_ text: String, file: String, indicators: KnownIndicators?) throws(InputError) -> TargetsFile {
        let root: Node?
        // JSON has no anchors or aliases, but it is read as YAML, which has: a few hundred bytes of
        // them expand to billions of nodes. Refused before composing, as in scenario files.
        if let problem = YAMLGuard.problem(in: text, files: "targets files") {
            throw InputError(file: file, line: problem.line, message: problem.message)
        }
        do { root = try Yams.compose(yaml: text) } catch {
            throw InputError(file: file, line: yamlErrorLine(error), message: "is not valid JSON (\(yamlErrorProblem(error)))")
        }
        guard let list = root?.sequence ?? root?.mapping?["targets"]?.sequence else {
            throw InputError(file: file, line: root?.mark?.line,
                             message: "expected an array of targets, or an object with a 'targets' array")
        }
        guard !list.isEmpty else { throw InputError(file: file, line: root?.mark?.line, message: "the file holds no targets") }
        var entries: [(Entry, Location)] = []
        var seenEntries: [[String: String]: Int] = [:]
        for (index, element) in list.enumerated() {
            guard let object = element.mapping else {
                throw InputError(file: file, line: element.mark?.line, field: "targets[\(index)]", message: "each target must be an object")
            }
            var values: [String: Node] = [:], lines: [String: Int] = [:]
            for (key, value) in object {
                guard let name = key.string else { continue }
                values[name] = value
                lines[name] = key.mark?.line
            }
            let location = Location.entry(index, line: element.mark?.line, keys: lines)
            for key in values.keys.sorted() where !known.contains(key) {
                throw location.error(file: file, field: excerpt(key), message: "unknown key; targets use \(known.joined(separator: ", "))")
            }
            let entry = try makeEntry(file: file, location: location) { key in
                guard let node = values[key] else { return nil }
                guard let scalar = node.scalar else { return "\u{0}not a string or number" }
                // JSON's null arrives as YAML's null scalar.
                return scalar.tag == .implicit && scalar.string == "null" && scalar.style == .plain ? nil : scalar.string
            }
            try indicators?.check(entry, at: location, file: file)
            entries.append((entry, location))
            // As in CSV: an entry repeated exactly is a copy-paste slip, and would count one target
            // twice. Compared as read (trimmed text), so 10 and "10" are the same value.
            let row = values.mapValues { node in node.scalar.map { trimmed($0.string) } ?? "\u{0}\(node)" }
            if let first = seenEntries.updateValue(index, forKey: row) {
                let firstLine = list[first].mark.map { " (line \($0.line))" } ?? ""
                throw InputError(file: file, line: element.mark?.line, field: "targets[\(index)]",
                                 message: "the entry repeats targets[\(first)]\(firstLine) exactly; delete one of them")
            }
        }
        let targetsFile = TargetsFile(file: file, entries: entries)
        try targetsFile.checkSharedModels()
        return targetsFile
    }
}
