import Foundation
import Testing

/// Targets on one indicator share the work that does not depend on their thresholds: one fit per
/// first forecast month, and one prediction with its checked spread per set of unobserved months.
/// Sharing must change nothing but the time taken.
@Suite struct SharedWorkTests {
    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/shared-work")
    static let observations = CLIRunner.example.appendingPathComponent("observations.csv").path

    /// `Tests/Fixtures/shared-work/targets.csv` mixes 49 targets over the example: 24 on water
    /// (every aggregate, every comparator, whole year and sub-periods, so some share their months
    /// and some do not), pm25 with a moving average and against pm25_city, co2_intensity against
    /// base years, jobs, diesel_pass_rate and kitchen_waste, several per indicator-year so that the
    /// joint rows are there too. The `*-before.csv` files are the output of the binary built from
    /// main 43d3058, BEFORE predictions were shared between targets (every target then predicted
    /// and checked its spread on its own); they are the reference because they were produced by
    /// the code this change replaces, not by the code under test. They were made with one LAPACK
    /// build; CI runs the suite with reference LAPACK and with OpenBLAS, whose last digits differ,
    /// so numbers are compared to 1e-9 of their size (or of 1) and everything else byte for byte.
    @Test(arguments: [
        (["project"], "project-before.csv"),
        (["sweep"], "sweep-before.csv"),
        (["whatif", "--scenario", CLIRunner.example.appendingPathComponent("scenarios.yaml").path], "whatif-before.csv"),
    ])
    func sharingPredictionsChangesNoByte(_ command: [String], _ reference: String) throws {
        let targets = Self.folder.appendingPathComponent("targets.csv").path
        let result = try CLIRunner.run(command + [Self.observations, "--targets", targets, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(reference), encoding: .utf8)
        let actualRows = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedRows = expected.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(actualRows.count == expectedRows.count)
        for (actual, wanted) in zip(actualRows, expectedRows) {
            let actualCells = actual.split(separator: ",", omittingEmptySubsequences: false)
            let wantedCells = wanted.split(separator: ",", omittingEmptySubsequences: false)
            guard actualCells.count == wantedCells.count else {
                Issue.record("row differs: \(actual) vs \(wanted)"); continue
            }
            for (a, b) in zip(actualCells, wantedCells) where a != b {
                if let x = Double(a), let y = Double(b), abs(x - y) <= 1e-9 * max(1, abs(x), abs(y)) { continue }
                Issue.record("cell \(a) vs \(b) in row \(wanted)")
            }
        }
    }

    /// 20,000 targets on one indicator, differing only in threshold, comparator and aggregate, as
    /// `Benchmarks/many-targets/make_targets.py` writes them: every one gets its row (sum, mean and
    /// last of the whole year share one fit and one prediction). The time this takes is the
    /// benchmark's to measure (`Benchmarks/many-targets/`), not a unit test's.
    @Test func twentyThousandTargetsOnOneIndicatorEachGetTheirRow() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows = "indicator,year,aggregate,comparator,threshold\n"
        let aggregates = ["sum", "mean", "last"], comparators = ["<", "<=", ">", ">="]
        let scale = ["sum": 8500.0, "mean": 710.0, "last": 710.0]
        for index in 0..<20_000 {
            let aggregate = aggregates[index % 3], comparator = comparators[(index / 3) % 4]
            // Distinct thresholds around the indicator's scale: 80% to 120% of it.
            let threshold = scale[aggregate]! * (0.8 + 0.4 * Double(index) / 20_000)
            rows += "water,2020,\(aggregate),\(comparator),\(String(format: "%.6f", threshold))\(index)\n"
        }
        let targets = folder.appendingPathComponent("targets.csv")
        try Data(rows.utf8).write(to: targets)
        let result = try CLIRunner.run(["project", Self.observations, "--targets", targets.path, "--format", "csv",
                                        "--output", folder.appendingPathComponent("out.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        let output = try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8)
        // A header, one row per target and one joint row for water's 2020 conditions.
        #expect(output.split(separator: "\n").count == 1 + 20_000 + 1)
    }
}
