import Foundation

/// A workbook sheet seen as the CSV the observations and targets readers already validate, with
/// the way back from a CSV line and field to the sheet's cell for errors.
///
/// - The header is the first row with two or more filled cells: a title above it (often one
///   merged cell, whose value sits in its first cell only) and empty rows are skipped.
/// - Cells in a `month` or `due` column are read as a month in any form Excel produces: a
///   date-formatted number (serial days since 1899-12-30), an unformatted serial between 10000
///   and 100000 (1927–2173), or text such as `2020-08`, `2020/8/1`, `Aug-20`, `August 2020`,
///   `2020年8月`. They become `YYYY-MM`; anything else is passed on for the usual error.
/// - A formula cell counts as its cached value.
struct WorkbookTable {
    let csv: Data
    private let reader: WorkbookReader
    /// The sheet row of each CSV line (index 0 is line 1, the header).
    private let lineRows: [Int]
    /// Header name → 0-based column.
    private let columns: [String: Int]

    init(_ reader: WorkbookReader) {
        self.reader = reader
        var text = "", lineRows: [Int] = [], columns: [String: Int] = [:]
        if let headerIndex = reader.rows.firstIndex(where: { $0.cells.count >= 2 }) {
            let header = reader.rows[headerIndex]
            let lastColumn = header.cells.keys.max() ?? 0
            var monthColumns: Set<Int> = []
            for (column, cell) in header.cells {
                let name = trimmed(cell.text)
                if columns[name] == nil { columns[name] = column }
                if ["month", "due"].contains(name.lowercased()) { monthColumns.insert(column) }
            }
            for row in reader.rows[headerIndex...] {
                let fields = (0...lastColumn).map { column -> String in
                    guard let cell = row.cells[column] else { return "" }
                    let value = row.number != header.number && monthColumns.contains(column)
                        ? (Self.month(cell) ?? cell.text) : cell.text
                    return Self.quoted(value)
                }
                text += fields.joined(separator: ",") + "\n"
                lineRows.append(row.number)
            }
        }
        self.csv = Data(text.utf8)
        self.lineRows = lineRows
        self.columns = columns
    }

    /// The error `error` (raised on the CSV) told against the sheet's cell.
    func relocated(_ error: InputError) -> InputError {
        let sheet = "\(reader.path)[\(reader.sheetName)]"
        guard let line = error.line, line >= 1, line <= lineRows.count else {
            return InputError(file: sheet, field: error.field, message: error.message)
        }
        let row = lineRows[line - 1]
        if let field = error.field, let column = columns[field] {
            return InputError(file: reader.cellName(column: column, row: row), field: field, message: error.message)
        }
        return InputError(file: sheet, line: row, field: error.field, message: error.message)
    }

    static func quoted(_ value: String) -> String {
        // One CSV line per sheet row, so line numbers map back to rows.
        let flat = value.replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        guard flat.contains(",") || flat.contains("\"") else { return flat }
        return "\"" + flat.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `YYYY-MM` for a month cell in any of the forms above, or `nil`.
    static func month(_ cell: WorkbookReader.Cell) -> String? {
        let text = trimmed(cell.text)
        // A date-styled number arrives already as YYYY-MM-DD; a bare number may be a serial.
        if cell.isNumber, let serial = Double(text) {
            guard serial >= 10000, serial < 100_000, let date = excelDate(serial) else { return nil }
            return String(date.prefix(7))
        }
        func format(_ year: Int, _ month: Int) -> String? {
            guard (1...12).contains(month), (1000...9999).contains(year) else { return nil }
            return String(format: "%04d-%02d", year, month)
        }
        // 2020年8月, 2020年8月1日, 2020年08月
        if text.contains("年") {
            let parts = text.split(whereSeparator: { "年月日".contains($0) }).map { trimmed(String($0)) }
            if parts.count >= 2, let y = Int(parts[0]), let m = Int(parts[1]) { return format(y, m) }
            return nil
        }
        // 2020-08, 2020-8-1, 2020/8/1, 2020.8, 2020-08-01T00:00:00
        let datePart = text.split(separator: "T").first.map(String.init) ?? text
        let numeric = datePart.split(whereSeparator: { "-/.".contains($0) }).map(String.init)
        if numeric.count >= 2, numeric[0].count == 4, let y = Int(numeric[0]), let m = Int(numeric[1]),
           numeric.dropFirst(2).allSatisfy({ Int($0) != nil }) {
            return format(y, m)
        }
        // Aug-20, Aug-2020, Aug 2020, August 2020, 1-Aug-20 (d-mmm-yy)
        let words = text.lowercased().split(whereSeparator: { "- /".contains($0) }).map(String.init)
        if let nameIndex = words.firstIndex(where: { word in monthNames.contains { word.hasPrefix($0) } }),
           nameIndex + 1 < words.count, let year = Int(words[nameIndex + 1]),
           let m = monthNames.firstIndex(where: { words[nameIndex].hasPrefix($0) }) {
            let fullYear = words[nameIndex + 1].count == 2 ? 2000 + year : year
            return format(fullYear, m + 1)
        }
        return nil
    }
}
