import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The README's "library in ten lines", run on the bundled example's water series, and the
/// README's promises about itself: short, and every link it (or a page it leads to) makes resolves.
@Suite struct ReadmeExampleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func tenLinesOnTheExample() throws {
        let root = Self.root
        let dataset = try ObservationsFile.read(path: root.appendingPathComponent("Examples/xicheng-2020/observations.csv").path)
        let series = try #require(dataset.series("water"))
        let target = try Target(indicator: "water", year: 2020, aggregate: .sum,
                                comparator: .lessThanOrEqual, threshold: 11_489)
        let projection = try YearEndProjection(series: series, target: target,
                                               asOf: Month(parsing: "2020-08"), model: .auto, levels: [80, 95])
        // The seed: Jan–Aug 2020 new-water use 5,048.43 ×10⁴ m³.
        #expect(abs(try #require(projection.yearToDate) - 5048.43) < 1e-9)
        // Pace by hand: (11,489 − 5,048.43)/4 = 1,610.1425.
        #expect(abs(try #require(projection.requiredPace) - 1610.1425) < 1e-9)
        #expect(projection.intervals.map(\.level) == [80, 95])
        #expect(projection.modelSummary?.reason.hasPrefix("auto") == true)
        let fit = try RegressionFit(series: series, model: RegressionFormula(parsing: "trend+season"))
        #expect(try fit.forecast(horizon: 12, levels: [95]).count == 12)
    }

    /// Issue 15: the README fits on a few screens (under 12 KB) and links to where each topic lives.
    @Test func readmeStaysShort() throws {
        let size = try Data(contentsOf: Self.root.appendingPathComponent("README.md")).count
        #expect(size < 12 * 1024, "README.md is \(size) bytes; move detail to docs/, a DocC catalog or Benchmarks/")
    }

    /// Every relative link in the README and the pages it leads to names a file that exists, and
    /// every `#anchor` a heading of that file (GitHub's slugs), so moving a section cannot strand a link.
    @Test func documentationLinksResolve() throws {
        let pages = ["README.md", "CONTRIBUTING.md", "docs/cli.md", "docs/store.md", "docs/spark.md", "Benchmarks/README.md",
                     "Fuzz/README.md", "Fuzz/RESULTS.md"]
            + (try markdownFiles(in: "Sources/Outturn/Outturn.docc")) + (try markdownFiles(in: "Sources/OutturnIO/OutturnIO.docc"))
        var broken: [String] = []
        for page in pages {
            let file = Self.root.appendingPathComponent(page)
            for link in try Self.relativeLinks(in: String(contentsOf: file, encoding: .utf8)) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].isEmpty ? file : file.deletingLastPathComponent().appendingPathComponent(String(parts[0]))
                guard FileManager.default.fileExists(atPath: target.path) else {
                    broken.append("\(page): \(link) (no such file)"); continue
                }
                if parts.count == 2, target.pathExtension == "md" {
                    let anchors = try Self.headingSlugs(in: String(contentsOf: target, encoding: .utf8))
                    if !anchors.contains(String(parts[1])) { broken.append("\(page): \(link) (no such heading)") }
                }
            }
        }
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    /// A hand-written page with one good and two broken links: the checker must see exactly those.
    @Test func linkCheckerFindsLinksOutsideCode() {
        let page = """
        # Title
        See [a](docs/cli.md#errors), [web](https://example.com), [here](#title) and `[not](code.md)`.
        ```
        [not a link](inside-a-fence.md)
        ```
        """
        #expect(Self.relativeLinks(in: page) == ["docs/cli.md#errors", "#title"])
        #expect(Self.headingSlugs(in: "## What if, and what pace\n### `outturn` (the command)") ==
                ["what-if-and-what-pace", "outturn-the-command"])
    }

    private func markdownFiles(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Targets of `[text](target)` outside fenced blocks and code spans, except web, mail and DocC links.
    static func relativeLinks(in text: String) -> [String] {
        var links: [String] = [], fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { fenced.toggle(); continue }
            if fenced { continue }
            let prose = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            for match in prose.matches(of: /\]\(([^)\s]+)\)/) {
                let target = String(match.1)
                if ["http://", "https://", "mailto:", "doc:"].contains(where: { target.hasPrefix($0) }) { continue }
                links.append(target)
            }
        }
        return links
    }

    /// GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces to hyphens.
    static func headingSlugs(in text: String) -> Set<String> {
        var slugs: Set<String> = [], fenced = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            guard !fenced, line.hasPrefix("#") else { continue }
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces).lowercased()
            slugs.insert(String(title.compactMap { character -> Character? in
                if character == " " { return "-" }
                return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
            }))
        }
        return slugs
    }
}
