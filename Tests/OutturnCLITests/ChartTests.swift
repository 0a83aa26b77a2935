import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// What the analyst reads in the charts and the report's sentences (issue 16.3, 16.12), checked on
/// the files the real binary writes for the shipped example.
@Suite struct ChartTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path

    func plot() throws -> URL {
        let folder = try CLIRunner.temporaryFolder()
        let result = try CLIRunner.run(["plot", observations, "--targets", targets, "--out", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    /// The three PM2.5 targets of Examples/xicheng-2020/targets.csv (lines 2–4) are
    /// `mean < 44`, `mean < previous 3-year mean` and `mean <= pm25_city`: each file says which.
    @Test func fileNamesSayTheCondition() throws {
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: try plot().path))
        #expect(names.contains("pm25-2020-mean-lt-44.svg"))
        #expect(names.contains("pm25-2020-mean-lt-ma3.svg"))
        #expect(names.contains("pm25-2020-mean-le-pm25_city.svg"))
        #expect(!names.contains { $0.hasSuffix("-2.svg") }, "\(names.sorted())")
        for name in names { #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) }
    }

    /// The moving-average target's figure is the mean of 2018, 2019 and 2020 (targets.csv line 3,
    /// `moving_average=3`), not the 2020 mean: the side panel must not call it "2020 mean".
    @Test func movingAverageFigureIsLabelledAsTheThreeYearMean() throws {
        let svg = try String(contentsOf: try plot().appendingPathComponent("pm25-2020-mean-lt-ma3.svg"), encoding: .utf8)
        #expect(!svg.contains(">2020 mean<"))
        #expect(svg.contains("2018–2020 3-year mean"))

        let markdown = try CLIRunner.temporaryFolder().appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", markdown.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: markdown, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("PM2.5 三年滑动平均继续下降**") })
        #expect(!line.contains("averages"), "\(line)")
        #expect(line.contains("the 2018–2020 mean of PM2.5 三年滑动平均继续下降's yearly mean is "), "\(line)")
        #expect(line.contains("(the 2017–2019 mean)"), "\(line)")
    }
}

/// Minimal SVG reading for the chart tests: every element's name and attributes, and text contents.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element { let name: String; let attributes: [String: String]; var text = "" }
    private(set) var elements: [Element] = []

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !elements.isEmpty { elements[elements.count - 1].text += string }
    }

    func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
}

extension ChartTests {
    /// Every sweep line has its own (colour, dash) pair, and the legend shows each pair as a stroke
    /// with the same dash: with the example's 16 open targets, eight colours must be told apart by dash.
    @Test func sweepLinesAreDistinctAndKeyedInTheLegend() throws {
        let chart = try CLIRunner.temporaryFolder().appendingPathComponent("sweep.svg")
        let result = try CLIRunner.run(["sweep", observations, "--targets", targets, "--chart", chart.path])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try SVGElements(String(contentsOf: chart, encoding: .utf8))
        let lines = svg.named("polyline").map { "\($0.attributes["stroke"] ?? "")|\($0.attributes["stroke-dasharray"] ?? "")" }
        #expect(lines.count > 8)
        #expect(Set(lines).count == lines.count, "\(lines)")
        let key = Set(svg.named("line").map { "\($0.attributes["stroke"] ?? "")|\($0.attributes["stroke-dasharray"] ?? "")" })
        for line in lines { #expect(key.contains(line), "legend lacks \(line)") }
    }

    /// Each axis's tick labels carry one number of decimals; band polygons lie in the plot area
    /// (y from 48 to 290 px, the panel FanChart draws into).
    @Test func fanChartTicksAndBands() throws {
        let folder = try plot()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let svg = try SVGElements(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
            for x in ["58", "744"] {   // the monthly panel's axis, the year-end panel's axis
                let labels = svg.named("text").filter { $0.attributes["x"] == "\(x).0" && $0.attributes["text-anchor"] == "end" && $0.attributes["font-size"] == "10.0" }.map(\.text)
                let decimals = Set(labels.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 })
                #expect(decimals.count <= 1, "\(name): ticks \(labels)")
            }
            for polygon in svg.named("polygon") {
                let ys = (polygon.attributes["points"] ?? "").split(separator: " ").compactMap { Double($0.split(separator: ",")[1]) }
                #expect(ys.allSatisfy { (47.9...290.1).contains($0) }, "\(name): band outside the plot \(ys.min() ?? 0)…\(ys.max() ?? 0)")
            }
        }
    }
}
