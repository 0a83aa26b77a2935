import Foundation
import Testing

/// `--lang zh|en` and the locale: Chinese tables and reports through the real binary, English
/// machine output in both languages, and no English left in a Chinese rendering of the example.
///
/// Expected phrases are the example's targets (Examples/xicheng-2020/targets.csv) read aloud in
/// Chinese, as issue 17 words them: the row `pm25,2020,mean,<,44` is "全年均值低于 44 µg/m³"
/// (44 shown with four significant figures, 44.00, like every number in the table); the row with
/// `base_year 2015, change_percent -20, <=` is "比 2015 年下降 20% 以上"; `moving_average 3, <` is
/// "三年滑动平均低于上一期"; `versus pm25_city, <=` is "不高于 pm25_city 的全年均值".
@Suite struct LanguageTests {
    let observations = CLIRunner.example.appendingPathComponent("observations.csv").path
    let targets = CLIRunner.example.appendingPathComponent("targets.csv").path
    var project: [String] { ["project", observations, "--targets", targets] }

    static let chineseTargets = ["全年均值低于 44.00 µg/m³", "全年均值比 2015 年下降 20% 以上", "三年滑动平均低于上一期",
                                 "全年均值不高于 pm25_city 的全年均值", "全年累计不高于 11,489 万立方米", "5–12月均值不低于 8.000 %"]

    @Test func chineseLocalePrintsAChineseTable() throws {
        let result = try CLIRunner.run(project, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = try #require(result.stdout.split(separator: "\n").first)
        #expect(header.hasPrefix("指标") && header.contains("达成概率") && header.contains("状态"))
        for phrase in Self.chineseTargets { #expect(result.stdout.contains(phrase), "missing \(phrase)") }
        // The water row (sum 5,048 of ≤ 11,489 after 8 months) is on track: P(met) > 99%.
        #expect(result.stdout.contains("有望达成"))
        #expect(!result.stdout.contains("on track") && !result.stdout.contains("Indicator"))
    }

    @Test func localeVariablesRankAsPOSIXSays() throws {
        // LC_ALL outranks LANG; LC_MESSAGES outranks LANG; an empty LC_ALL is unset.
        let english = try CLIRunner.run(project, environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"])
        #expect(english.stdout.hasPrefix("Indicator"))
        let chinese = try CLIRunner.run(project, environment: ["LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "C"])
        #expect(chinese.stdout.hasPrefix("指标"))
        let other = try CLIRunner.run(project, environment: ["LANG": "fr_FR.UTF-8"])
        #expect(other.stdout.hasPrefix("Indicator"))
    }

    @Test func langOptionOverridesTheLocale() throws {
        let english = try CLIRunner.run(project + ["--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.status == 0)
        #expect(english.stdout.hasPrefix("Indicator") && english.stdout.contains("mean < 44.00 µg/m³"))
        #expect(!english.stdout.contains("有望达成"))
        let chinese = try CLIRunner.run(project + ["--lang", "zh"], environment: ["LANG": "en_US.UTF-8"])
        #expect(chinese.stdout.hasPrefix("指标"))
    }

    @Test func unknownLanguageIsAClearError() throws {
        let result = try CLIRunner.run(project + ["--lang", "fr"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "outturn: error: command line: field '--lang': 'fr' is not a language Outturn writes; use zh or en\n")
    }

    @Test(arguments: ["json", "csv"]) func machineOutputStaysEnglish(format: String) throws {
        let english = try CLIRunner.run(project + ["--format", format, "--lang", "en"])
        let chinese = try CLIRunner.run(project + ["--format", format, "--lang", "zh"])
        #expect(english.status == 0 && chinese.status == 0)
        #expect(chinese.stdout == english.stdout)
    }

    /// ASCII words a Chinese rendering may hold: the example's indicator ids, names and units, model
    /// names, and the product's own name.
    func allowedWords() throws -> Set<String> {
        var allowed: Set<String> = ["ensemble", "theta", "damped", "snaive", "runrate", "regression", "level", "trend",
                                    "season", "observed", "Outturn"]
        // Scenario names are input too.
        let scenarios = try String(contentsOf: CLIRunner.example.appendingPathComponent("scenarios.yaml"), encoding: .utf8)
        for line in scenarios.split(separator: "\n") where line.contains("name:") { allowed.formUnion(asciiWords(String(line))) }
        for file in [targets, observations] {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(separator: "\n").dropFirst() {
                for field in line.split(separator: ",") { allowed.formUnion(asciiWords(String(field))) }
            }
        }
        return allowed
    }

    func asciiWords(_ text: String) -> Set<String> {
        // A word: two or more ASCII letters (single letters such as the t of "Student-t" aside).
        // HTML entities of Markdown (`&gt;99%`) are markup, not words.
        let text = text.replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&amp;", with: "&")
        return Set(text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count >= 2 })
    }

    @Test func noEnglishLeftInTheChineseExample() throws {
        let allowed = try allowedWords()
        var rendered: [String: String] = [:]
        for command in ["project", "pace", "sweep"] {
            let result = try CLIRunner.run([command, observations, "--targets", targets, "--lang", "zh"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            rendered[command] = result.stdout
        }
        let folder = try CLIRunner.temporaryFolder()
        let markdown = folder.appendingPathComponent("report.md")
        let report = try CLIRunner.run(["report", observations, "--targets", targets, "--out", markdown.path, "--lang", "zh",
                                        "--scenario", CLIRunner.example.appendingPathComponent("scenarios.yaml").path])
        #expect(report.status == 0, "\(report.stderr)")
        rendered["report"] = try String(contentsOf: markdown, encoding: .utf8)
        for (command, text) in rendered {
            let english = asciiWords(text).subtracting(allowed)
            #expect(english.isEmpty, "\(command) --lang zh still says \(english.sorted())")
        }
    }
}
