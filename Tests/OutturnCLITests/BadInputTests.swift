import Foundation
import Testing

/// Every mistake gets `outturn: error: <file>:<line>: field '<field>': <what and how to fix>`, exit
/// status 1, nothing on standard output, and no output file.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        var observations: String = validObservations
        var targets: String = validTargets
        var targetsFile = "targets.csv"
        var arguments: [String] = []
        var command = "project"
        /// What standard error must contain: the location, then a word of the advice.
        let expected: [String]
        var testDescription: String { name }
    }

    static let validObservations = "indicator,month,value\n"
        + (1...18).map { "a,\(2019 + ($0 - 1) / 12)-\(String(format: "%02d", ($0 - 1) % 12 + 1)),\($0 + 10)" }
            .joined(separator: "\n") + "\n"
    static let validTargets = "indicator,year,aggregate,comparator,threshold\na,2020,sum,>=,10\n"

    static let cases: [Case] = [
        Case(name: "unknown column", observations: "indicator,date,value\na,2020-01,1\n",
             expected: ["obs.csv:1: field 'date'", "indicator,month,value"]),
        Case(name: "impossible month", observations: "indicator,month,value\na,2020-01,1\na,2020-13,2\n",
             expected: ["obs.csv:3: field 'month'", "01 to 12"]),
        Case(name: "month without leading zero", observations: "indicator,month,value\na,2020-1,1\n",
             expected: ["obs.csv:2: field 'month'", "YYYY-MM"]),
        Case(name: "two-digit year", observations: "indicator,month,value\na,20-01,1\n",
             expected: ["obs.csv:2: field 'month'", "YYYY-MM"]),
        Case(name: "non-number", observations: "indicator,month,value\na,2020-01,abc\n",
             expected: ["obs.csv:2: field 'value'", "not a number"]),
        Case(name: "thousands separator", observations: "indicator,month,value\na,2020-01,\"5,048.43\"\n",
             expected: ["obs.csv:2: field 'value'", "thousands separator"]),
        Case(name: "NaN text", observations: "indicator,month,value\na,2020-01,NaN\n",
             expected: ["obs.csv:2: field 'value'", "empty for a missing month"]),
        Case(name: "overflowing number", observations: "indicator,month,value\na,2020-01,1e999\n",
             expected: ["obs.csv:2: field 'value'", "too large"]),
        Case(name: "duplicate month", observations: "indicator,month,value\na,2020-01,1\na,2020-02,2\na,2020-02,3\n",
             expected: ["obs.csv:4: field 'month'", "twice (also on line 3)"]),
        Case(name: "unsorted months", observations: "indicator,month,value\na,2020-02,1\na,2020-01,2\n",
             expected: ["obs.csv:3: field 'month'", "sort the rows"]),
        Case(name: "empty file", observations: "", expected: ["obs.csv: the file is empty"]),
        Case(name: "header only", observations: "indicator,month,value\n",
             expected: ["obs.csv:1:", "no data rows"]),
        Case(name: "semicolon separated", observations: "indicator;month;value\na;2020-01;1,5\n",
             expected: ["obs.csv:1:", "comma-separated"]),
        Case(name: "extra field", observations: "indicator,month,value\na,2020-01,1,2\n",
             expected: ["obs.csv:2:", "4 fields but the header has 3"]),
        Case(name: "not UTF-8", observations: "indicator,month,value\na,2020-01,1\n\u{FFFD}",
             expected: ["obs.csv:4:", "UTF-8"]),
        Case(name: "unterminated quote", observations: "indicator,month,value\n\"a,2020-01,1\n",
             expected: ["obs.csv:2:", "never closed"]),
        Case(name: "target for an unknown indicator", targets: "indicator,year,aggregate,comparator,threshold\nb,2020,sum,>=,10\n",
             expected: ["targets.csv:2: field 'indicator'", "'b' is not in obs.csv"]),
        Case(name: "unknown comparator", targets: "indicator,year,aggregate,comparator,threshold\na,2020,sum,=>,10\n",
             expected: ["targets.csv:2: field 'comparator'", "<, <=, > or >="]),
        Case(name: "unknown aggregate", targets: "indicator,year,aggregate,comparator,threshold\na,2020,total,>=,10\n",
             expected: ["targets.csv:2: field 'aggregate'", "sum, mean, last, min, max or milestone"]),
        Case(name: "threshold not a number", targets: "indicator,year,aggregate,comparator,threshold\na,2020,sum,>=,ten\n",
             expected: ["targets.csv:2: field 'threshold'", "not a number"]),
        Case(name: "targets without a threshold column", targets: "indicator,year,aggregate,comparator\na,2020,sum,>=\n",
             expected: ["targets.csv:1: field 'threshold'", "missing"]),
        Case(name: "JSON target for an unknown indicator",
             targets: #"[{"indicator": "zz", "year": 2020, "aggregate": "sum", "comparator": ">=", "threshold": 1}]"#,
             targetsFile: "targets.json", expected: ["targets.json: field 'targets[0].indicator'", "not in obs.csv"]),
        Case(name: "as-of after the data", arguments: ["--as-of", "2021-01"],
             expected: ["field '--as-of'", "after the data end (2020-06)"]),
        Case(name: "malformed as-of", arguments: ["--as-of", "June"], expected: ["field '--as-of'", "YYYY-MM"]),
        Case(name: "unknown model", arguments: ["--model", "arima"], expected: ["field '--model'", "unknown model"]),
        Case(name: "level of 100", arguments: ["--level", "100"], expected: ["field '--level'", "between 0 and 100"]),
        Case(name: "bad intervention", arguments: ["--intervention", "step2020-02"], expected: ["field '--intervention'"]),
        Case(name: "too few points for the model", observations: "indicator,month,value\na,2020-01,1\n",
             expected: ["targets.csv:2: field 'indicator'", "needs at least 2 observed months"]),
        Case(name: "log model with a zero", observations: "indicator,month,value\na,2020-01,1\na,2020-02,0\na,2020-03,2\n",
             arguments: ["--model", "log(trend)"], expected: ["targets.csv:2: field 'indicator'", "positive values"]),
        Case(name: "forecast horizon of zero", command: "forecast", expected: ["field '--horizon'", "between 1 and 1200"]),
        Case(name: "forecast of an unknown indicator", arguments: ["--indicator", "nope"], command: "forecast-indicator",
             expected: ["field '--indicator'", "'nope' is not in obs.csv"]),
    ]

    @Test(arguments: cases)
    func clearErrorNoOutput(_ testCase: Case) throws {
        let folder = try CLIRunner.temporaryFolder()
        var observations = Data(testCase.observations.utf8)
        if testCase.name == "not UTF-8" {   // a lone 0xFF byte on line 4
            observations = Data("indicator,month,value\na,2020-01,1\na,2020-02,2\n".utf8) + Data([0xFF]) + Data(",3\n".utf8)
        }
        try observations.write(to: folder.appendingPathComponent("obs.csv"))
        try Data(testCase.targets.utf8).write(to: folder.appendingPathComponent(testCase.targetsFile))
        let arguments: [String]
        switch testCase.command {
        case "forecast": arguments = ["forecast", "obs.csv", "--indicator", "a", "--horizon", "0"]
        case "forecast-indicator": arguments = ["forecast", "obs.csv", "--horizon", "3"] + testCase.arguments
        default: arguments = ["project", "obs.csv", "--targets", testCase.targetsFile] + testCase.arguments
        }
        let result = try CLIRunner.run(arguments + ["--output", "out.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("outturn: error: "), "\(result.stderr)")
        for fragment in testCase.expected {
            #expect(result.stderr.contains(fragment), "stderr: \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out.txt").path))
    }

    @Test func missingFileIsNamed() throws {
        let result = try CLIRunner.run(["project", "/nonexistent/obs.csv", "--targets", "/nonexistent/t.csv"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/obs.csv: no such file"))
    }

    @Test func usageErrorsExitNonZero() throws {
        let result = try CLIRunner.run(["project"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
    }
}
