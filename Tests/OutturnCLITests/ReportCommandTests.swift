import Foundation
import Testing

/// `outturn report` renders in headless Chromium (Debian's `chromium`, installed by
/// scripts/setup.sh): the page has the targets table and one non-empty chart per target plus the
/// sensitivity chart, and its screenshot is not blank.
@Suite struct ReportCommandTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func runChromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.chromium, "install Debian's chromium"))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    @Test func rendersWithEveryChartInChromium() throws {
        let folder = try CLIRunner.temporaryFolder()
        let report = folder.appendingPathComponent("report.html")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", report.path,
                                        "--scenario", CLIRunner.example.appendingPathComponent("scenarios.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        // Self-contained: nothing is fetched from anywhere.
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<script"))

        let dom = try runChromium(["--dump-dom", report.absoluteString])
        let targetCount = try String(contentsOfFile: targets, encoding: .utf8).split(separator: "\n").dropFirst()
            .filter { !$0.contains(",milestone,") }.count
        #expect(dom.contains("<table id=\"targets\""))
        #expect(dom.contains("用水总量") && dom.contains("细颗粒物（PM2.5）年均浓度"))
        let charts = dom.components(separatedBy: "<svg").dropFirst()
        #expect(charts.count == targetCount + 1)   // one per target, and the sensitivity chart
        for chart in charts {
            #expect(chart.contains("<polyline") || chart.contains("<circle"), "an empty chart")
        }

        let screenshot = folder.appendingPathComponent("report.png")
        _ = try runChromium(["--window-size=1100,1600", "--screenshot=\(screenshot.path)", report.absoluteString])
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank page compresses to a few kilobytes; a page of tables and charts does not.
        #expect(png.count > 50_000, "screenshot of \(png.count) bytes looks blank")
    }

    /// `report --lang zh` in Chromium: a Chinese page (`lang="zh"`, so Chromium picks Simplified
    /// Chinese glyphs), Chinese headings, every chart, and a screenshot that is not blank. The report's
    /// first font, Noto Sans CJK SC (Debian's fonts-noto-cjk), must be installed, or Chromium would
    /// fall back to whatever font has the characters, or draw boxes.
    @Test func rendersInChineseInChromium() throws {
        let match = Process()
        match.executableURL = URL(fileURLWithPath: "/usr/bin/fc-match")
        match.arguments = ["-f", "%{family}", "Noto Sans CJK SC"]
        let pipe = Pipe()
        match.standardOutput = pipe
        try match.run()
        let family = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        match.waitUntilExit()
        #expect(family.contains("Noto Sans CJK SC"), "install fonts-noto-cjk (fc-match gives \(family))")

        let folder = try CLIRunner.temporaryFolder()
        let report = folder.appendingPathComponent("report.html")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", report.path, "--lang", "zh",
                                        "--scenario", CLIRunner.example.appendingPathComponent("scenarios.yaml").path])
        #expect(result.status == 0, "\(result.stderr)")
        let dom = try runChromium(["--dump-dom", report.absoluteString])
        #expect(dom.contains("<html lang=\"zh\""))
        // The default title, the section headings and a status, in Chinese (the phrase table's words).
        for heading in ["<h1>年终展望</h1>", "<h2>各项指标</h2>", "<h2>情景分析</h2>", "<h2>敏感性</h2>", "<th>达成概率</th>", "有望达成"] {
            #expect(dom.contains(heading), "no \(heading)")
        }
        #expect(!dom.contains("Year-end outlook") && !dom.contains("On the current pace") && !dom.contains(">on track<"))
        let targetCount = try String(contentsOfFile: targets, encoding: .utf8).split(separator: "\n").dropFirst()
            .filter { !$0.contains(",milestone,") }.count
        #expect(dom.components(separatedBy: "<svg").count - 1 == targetCount + 1)

        let screenshot = folder.appendingPathComponent("report-zh.png")
        _ = try runChromium(["--window-size=1100,1600", "--screenshot=\(screenshot.path)", report.absoluteString])
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 50_000, "screenshot of \(png.count) bytes looks blank")
    }

    @Test func markdownVariantAndBadPath() throws {
        let folder = try CLIRunner.temporaryFolder()
        let markdown = folder.appendingPathComponent("report.md")
        let result = try CLIRunner.run(["report", observations, "--targets", targets, "--out", markdown.path])
        #expect(result.status == 0)
        let text = try String(contentsOf: markdown, encoding: .utf8)
        #expect(text.hasPrefix("# Year-end outlook") && text.contains("| 用水总量 |") && text.contains("On the current pace 用水总量"))
        let refused = try CLIRunner.run(["report", observations, "--targets", targets, "--out", folder.appendingPathComponent("r.pdf").path])
        #expect(refused.status == 1 && refused.stderr.contains("field '--out'"))
    }
}
