import Foundation
import Outturn

extension ObservationsFile {
    /// Reads observations from CSV, or from an `.xlsx` workbook's sheet `sheet` (default: the
    /// first), in the same long or wide form.
    ///
    /// A workbook's errors name the cell as `obs.xlsx[Sheet1]!B17: field 'value': …`; see
    /// the File formats article for the forms read.
    /// - Throws: ``InputError`` naming the file (and, for a workbook, the sheet and cell).
    public static func read(path: String, sheet: String?) throws(InputError) -> Dataset {
        guard isWorkbook(path) else { return try read(path: path) }
        return try readWorkbook(path: path, sheet: sheet)
    }

    static func readWorkbook(path: String, sheet: String?) throws(InputError) -> Dataset {
        let table = WorkbookTable(try WorkbookReader(path: path, sheet: sheet))
        do {
            return try parseInOnePass(table.csv, file: path)
        } catch {
            throw table.relocated(error)
        }
    }
}

/// Whether `path` names an Office Open XML workbook.
func isWorkbook(_ path: String) -> Bool {
    path.lowercased().hasSuffix(".xlsx")
}
