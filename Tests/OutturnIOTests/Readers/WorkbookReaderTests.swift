import Foundation
import Testing
import Outturn
@testable import OutturnIO

/// The `.xlsx` reader, on workbooks written by openpyxl (scripts/make-xlsx-fixtures.py).
@Suite struct WorkbookReaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    /// month-forms.xlsx holds Jan 2019 – Aug 2020 in rotating forms (date serial, `2019/2/1`,
    /// `Mar-19`, `2019年4月`, `2019-05`, a mid-month date), a merged title above the header and an
    /// empty row after the tenth month. The script writes value = 50 + month number, so the
    /// expected series is that by hand: 51…62 for 2019, then 51…58 for 2020, with no gap.
    @Test func everyMonthFormIsReadAsItsMonth() throws {
        let path = Self.fixtures.appendingPathComponent("month-forms.xlsx").path
        let dataset = try ObservationsFile.read(path: path, sheet: nil)
        let series = try #require(dataset.series("pm25"))
        #expect(series.start == (try Month(parsing: "2019-01")))
        let expected: [Double?] = (1...12).map { Double(50 + $0) } + (1...8).map { Double(50 + $0) }
        #expect(series.values == expected)
    }

    /// formula-cells.xlsx was written by LibreOffice (scripts/make-xlsx-fixtures.py): C3 is
    /// `=C2*2`, C4 `=C2+C3` beside the month `=DATE(2020,3,1)`, B5 the text formula
    /// `="2020-0"&"4"`. Each is read as its cached value, by hand: 21, 2×21 = 42, 21+42 = 63 for
    /// 2020-01…03, then 44 for 2020-04.
    @Test func formulaCellsAreReadAsTheirCachedValues() throws {
        let path = Self.fixtures.appendingPathComponent("formula-cells.xlsx").path
        let dataset = try ObservationsFile.read(path: path, sheet: nil)
        let series = try #require(dataset.series("pm25"))
        #expect(series.start == (try Month(parsing: "2020-01")))
        #expect(series.values == [21, 42, 63, 44])
    }

    @Test func textMonthForms() {
        func month(_ text: String, number: Bool = false) -> String? {
            WorkbookTable.month(WorkbookReader.Cell(text: text, isNumber: number))
        }
        #expect(month("2020/8/1") == "2020-08")
        #expect(month("Aug-20") == "2020-08")
        #expect(month("August 2020") == "2020-08")
        #expect(month("2020年8月") == "2020-08")
        #expect(month("2020-08-01T00:00:00") == "2020-08")
        // 44044 days after 1899-12-30 is 2020-08-01 (Excel shows =DATE(2020,8,1) as 44044).
        #expect(month("44044", number: true) == "2020-08")
        #expect(month("45.5", number: true) == nil)
    }

    /// 1 is 1900-01-01 in Excel; 60 is Excel's fictitious 1900-02-29, so 61 is 1900-03-01.
    @Test func serialDates() {
        #expect(excelDate(44044) == "2020-08-01")
        #expect(excelDate(61) == "1900-03-01")
        #expect(excelDate(25569) == "1970-01-01")
    }

    /// bad-value.xlsx has `n/a` in column B ("value") of sheet row 5.
    @Test func errorsNameTheCell() {
        let path = Self.fixtures.appendingPathComponent("bad-value.xlsx").path
        #expect {
            _ = try ObservationsFile.read(path: path)
        } throws: { error in
            "\(error)".hasPrefix("\(path)[Sheet1]!B5: field 'value':")
        }
    }

    @Test func namedSheet() throws {
        let path = Self.fixtures.appendingPathComponent("two-sheets.xlsx").path
        let dataset = try ObservationsFile.read(path: path, sheet: "Data")
        #expect(dataset.series("jobs")?.values.first == 701)
        #expect(throws: InputError.self) { _ = try ObservationsFile.read(path: path, sheet: "Nope") }
    }
}
