import Foundation
import Testing

/// `outturn` on `.xlsx` inputs, through the real binary.
@Suite struct WorkbookCommandTests {
    /// The example's workbooks are made from its CSVs by scripts/make-xlsx-fixtures.py, so the
    /// projection must be the same bytes.
    @Test func exampleWorkbooksProjectLikeTheCSV() throws {
        let example = CLIRunner.example
        func project(_ extension: String) throws -> CLIRunner.Result {
            try CLIRunner.run(["project", example.appendingPathComponent("observations.\(`extension`)").path,
                               "--targets", example.appendingPathComponent("targets.\(`extension`)").path,
                               "--as-of", "2020-08"])
        }
        let csv = try project("csv"), xlsx = try project("xlsx")
        #expect(csv.status == 0)
        #expect(xlsx.status == 0)
        #expect(xlsx.stderr == "")
        #expect(xlsx.stdout == csv.stdout)
    }

    @Test func aBadCellIsNamed() throws {
        let path = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/xlsx/bad-value.xlsx").path
        let result = try CLIRunner.run(["fit", path, "--indicator", "pm25"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("outturn: error: \(path)[Sheet1]!B5: field 'value':"))
    }
}
