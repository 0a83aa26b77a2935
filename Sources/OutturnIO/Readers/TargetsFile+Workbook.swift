import Foundation
import Outturn

extension TargetsFile {
    /// Reads targets from CSV or JSON, or from an `.xlsx` workbook's sheet `sheet` (default: the
    /// first) laid out as the CSV form.
    ///
    /// A workbook's errors name the cell as `targets.xlsx[Sheet1]!C4: field 'aggregate': …`.
    /// - Throws: ``InputError`` naming the file (and, for a workbook, the sheet and cell).
    public static func read(path: String, sheet: String?) throws(InputError) -> TargetsFile {
        guard isWorkbook(path) else { return try read(path: path) }
        return try readWorkbook(path: path, sheet: sheet)
    }

    static func readWorkbook(path: String, sheet: String?) throws(InputError) -> TargetsFile {
        let table = WorkbookTable(try WorkbookReader(path: path, sheet: sheet))
        do {
            return try parseCSV(table.csv, file: path)
        } catch {
            throw table.relocated(error)
        }
    }
}
