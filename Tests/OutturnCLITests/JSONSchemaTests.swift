import Foundation
import Testing

/// Every command's JSON output validates against its schema in `docs/schema/` (JSON Schema draft
/// 2020-12), checked by a real validator: Python's `jsonschema` package (install it with
/// `scripts/setup.sh --with-test-tools`, or `python3 -m pip install jsonschema`).
@Suite struct JSONSchemaTests {
    static let schemas = CLIRunner.packageRoot.appendingPathComponent("docs/schema")
    static let example = CLIRunner.example
    static var observations: String { example.appendingPathComponent("observations.csv").path }
    static var targets: String { example.appendingPathComponent("targets.csv").path }

    /// Validates each (schema name, document) pair with `jsonschema`; the messages of the failures
    /// by pair, `[]` for a valid document.
    static func validate(_ pairs: [(schema: String, document: String)]) throws -> [[String]] {
        let folder = try CLIRunner.temporaryFolder()
        var arguments: [String] = []
        for (index, pair) in pairs.enumerated() {
            let file = folder.appendingPathComponent("\(index).json")
            try pair.document.write(to: file, atomically: true, encoding: .utf8)
            arguments += [schemas.appendingPathComponent("\(pair.schema).json").path, file.path]
        }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("NO-JSONSCHEMA"); sys.exit(3)
            results = []
            for schema_path, document_path in zip(sys.argv[1::2], sys.argv[2::2]):
                schema = json.load(open(schema_path, encoding="utf-8"))
                jsonschema.Draft202012Validator.check_schema(schema)
                validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
                document = json.load(open(document_path, encoding="utf-8"))
                results.append([e.message[:200] + " at /" + "/".join(map(str, e.absolute_path))
                                for e in validator.iter_errors(document)])
            print(json.dumps(results))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            Issue.record(text.contains("NO-JSONSCHEMA")
                         ? "python3's jsonschema is missing: run scripts/setup.sh --with-test-tools"
                         : "the validator failed: \(text)")
            return []
        }
        return try JSONDecoder().decode([[String]].self, from: data)
    }

    static func output(_ arguments: [String]) throws -> String {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test func everyCommandsJSONMatchesItsSchema() throws {
        let scenarios = Self.example.appendingPathComponent("scenarios.yaml").path
        var pairs: [(schema: String, document: String)] = [
            ("project", try Self.output(["project", Self.observations, "--targets", Self.targets])),
            // Earlier in the year: more months open, every indicator as of June.
            ("project", try Self.output(["project", Self.observations, "--targets", Self.targets, "--as-of", "2020-06"])),
            ("pace", try Self.output(["pace", Self.observations, "--targets", Self.targets])),
            ("whatif", try Self.output(["whatif", Self.observations, "--targets", Self.targets, "--scenario", scenarios])),
            ("sweep", try Self.output(["sweep", Self.observations, "--targets", Self.targets])),
            ("backtest", try Self.output(["backtest", Self.observations, "--indicator", "water", "--indicator", "pm25"])),
            ("backtest", try Self.output(["backtest", Self.observations, "--summary"])),
            ("compare", try Self.output(["compare", Self.observations, "--targets", Self.targets, "--models", "snaive,runrate"])),
        ]
        // One of each model family: smoothing, regression, a rule of thumb.
        for model in ["auto", "trend+season", "snaive"] {
            pairs.append(("fit", try Self.output(["fit", Self.observations, "--indicator", "water", "--model", model])))
            pairs.append(("forecast", try Self.output(["forecast", Self.observations, "--indicator", "water",
                                                       "--model", model, "--horizon", "6"])))
        }
        let results = try Self.validate(pairs)
        #expect(results.count == pairs.count)
        for (pair, errors) in zip(pairs, results) {
            #expect(errors.isEmpty, "\(pair.schema): \(errors)")
        }
    }

    /// The schemas are not vacuous: the shape `project` had before `projection.degreesOfFreedom`
    /// and `residualDegreesOfFreedom`, a month 13 and a made-up status are each refused.
    @Test func theSchemasRefuseWrongDocuments() throws {
        let good = try Self.output(["project", Self.observations, "--targets", Self.targets])
        let wrong = [
            good.replacingOccurrences(of: "\"residualDegreesOfFreedom\"", with: "\"degreesOfFreedom\""),
            good.replacingOccurrences(of: "\"asOf\": \"2020-08\"", with: "\"asOf\": \"2020-13\""),
            good.replacingOccurrences(of: "\"status\": \"on track\"", with: "\"status\": \"fine\""),
        ]
        for document in wrong { #expect(document != good) }
        let results = try Self.validate(wrong.map { ("project", $0) })
        for errors in results { #expect(!errors.isEmpty) }
    }
}
