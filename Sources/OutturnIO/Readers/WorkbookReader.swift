import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one sheet of an `.xlsx` workbook as rows of text cells, for the observations and
/// targets readers.
///
/// The parts are unzipped with ZIPFoundation and parsed with Foundation's `XMLParser`, a SAX
/// (event) parser: the shared strings and the sheet XML are never held as a document tree, and
/// the sheet part is streamed to a temporary file and parsed from an `InputStream`, so a large
/// workbook costs its cell text, not a DOM many times its size. (XMLCoder and SWXMLHash build
/// whole trees, which is what the 50 MB budget rules out.)
///
/// Errors name a cell as `file[Sheet]!B17`, e.g. `obs.xlsx[Sheet1]!B17: field 'value': …`.
struct WorkbookReader {
    /// One non-empty row: its 1-based sheet row number and its cells by 0-based column.
    struct Row {
        var number: Int
        var cells: [Int: Cell]
    }

    /// A cell's value as text, and whether Excel stored it as a number (a date is a number).
    struct Cell {
        var text: String
        var isNumber: Bool
    }

    let path: String
    /// The sheet read (the first one unless named).
    let sheetName: String
    let rows: [Row]

    /// Opens `path` and reads the sheet `sheet`, or the first sheet.
    init(path: String, sheet: String?) throws(InputError) {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw InputError(file: path, message: "no such file")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(file: path, message: "is not an .xlsx workbook (not a zip archive)")
        }
        func part(_ name: String) throws(InputError) -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw InputError(file: path, message: "the workbook part \(name) cannot be unzipped")
            }
            return data
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw InputError(file: path, message: "is not an .xlsx workbook (no xl/workbook.xml)")
        }
        let sheets = SheetListParser.parse(workbook)
        let relations = try part("xl/_rels/workbook.xml.rels").map(RelationsParser.parse) ?? [:]
        guard let chosen = sheet.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
            let names = sheets.map(\.name).joined(separator: ", ")
            throw InputError(file: path, field: "--sheet",
                             message: "no sheet named '\(sheet ?? "")'; the workbook has: \(names)")
        }
        self.sheetName = chosen.name
        var target = relations[chosen.relation] ?? "worksheets/sheet1.xml"
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        let shared = try part("xl/sharedStrings.xml").map(SharedStringsParser.parse) ?? []
        let dateStyles = try part("xl/styles.xml").map(StylesParser.dateStyles) ?? []
        guard let entry = archive[target] else {
            throw InputError(file: path, message: "the sheet '\(chosen.name)' has no part \(target)")
        }
        // The sheet part goes to a temporary file chunk by chunk and is parsed as a stream.
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("outturn-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            _ = try archive.extract(entry, to: temporary, skipCRC32: false)
        } catch {
            throw InputError(file: path, message: "the sheet '\(chosen.name)' cannot be unzipped")
        }
        guard let stream = InputStream(url: temporary) else {
            throw InputError(file: path, message: "the sheet '\(chosen.name)' cannot be read")
        }
        let delegate = SheetParser(shared: shared, dateStyles: dateStyles)
        let parser = XMLParser(stream: stream)
        parser.delegate = delegate
        guard parser.parse() else {
            throw InputError(file: path, message: "the sheet '\(chosen.name)' is not well-formed XML")
        }
        self.rows = delegate.rows
    }

    /// `file[Sheet]!B17` for a 0-based column and a 1-based row.
    func cellName(column: Int, row: Int) -> String {
        "\(path)[\(sheetName)]!\(Self.columnLetters(column))\(row)"
    }

    static func columnLetters(_ column: Int) -> String {
        var n = column + 1, letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    /// The 0-based column of a reference such as `AB12`.
    static func column(ofReference reference: String) -> Int? {
        var n = 0, seen = false
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
            seen = true
        }
        return seen ? n - 1 : nil
    }
}

/// `<sheet name=… r:id=…>` in workbook order.
private final class SheetListParser: NSObject, XMLParserDelegate {
    var sheets: [(name: String, relation: String)] = []
    static func parse(_ data: Data) -> [(name: String, relation: String)] {
        let delegate = SheetListParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.sheets
    }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard elementName == "sheet", let name = attributes["name"] else { return }
        sheets.append((name, attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""))
    }
}

/// Relationship id → target path.
private final class RelationsParser: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    static func parse(_ data: Data) -> [String: String] {
        let delegate = RelationsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.targets
    }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        guard elementName == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// The shared string table: each `<si>`'s text runs joined; phonetic runs (`<rPh>`) skipped.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inText = false, inPhonetic = false
    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, !inPhonetic { current += string }
    }
}

/// The indices of cell styles (`cellXfs`) whose number format is a date.
private final class StylesParser: NSObject, XMLParserDelegate {
    private var customDates: Set<Int> = []
    private var inCellXfs = false, index = 0
    var dates: Set<Int> = []
    static func dateStyles(_ data: Data) -> Set<Int> {
        let delegate = StylesParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.dates
    }
    /// Built-in date formats 14–22, 27–36, 45–47, 50–58 (ECMA-376 §18.8.30 and its East Asian ids).
    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] {
                // A date code has y, m or d outside quotes and brackets; [h]:mm alone is a duration.
                var plain = "", quoted = false, bracket = false
                for ch in code.lowercased() {
                    if ch == "\"" { quoted.toggle(); continue }
                    if ch == "[" { bracket = true; continue }
                    if ch == "]" { bracket = false; continue }
                    if !quoted, !bracket { plain.append(ch) }
                }
                if plain.contains("y") || plain.contains("d") || (plain.contains("m") && !plain.contains("h")) {
                    customDates.insert(id)
                }
            }
        case "cellXfs": inCellXfs = true; index = 0
        case "xf" where inCellXfs:
            let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
            if Self.isBuiltInDate(id) || customDates.contains(id) { dates.insert(index) }
            index += 1
        default: break
        }
    }
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == "cellXfs" { inCellXfs = false }
    }
}

/// The sheet's rows, event by event. A number in a date style is turned into `YYYY-MM-DD`.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    let dateStyles: Set<Int>
    var rows: [WorkbookReader.Row] = []
    private var row = WorkbookReader.Row(number: 0, cells: [:])
    private var column = 0, nextColumn = 0, type = "n", style = 0
    private var value = "", inValue = false, inInline = false, inPhonetic = false

    init(shared: [String], dateStyles: Set<Int>) {
        self.shared = shared
        self.dateStyles = dateStyles
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        switch elementName {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? (row.number + 1)
            row = WorkbookReader.Row(number: number, cells: [:])
            nextColumn = 0
        case "c":
            column = attributes["r"].flatMap(WorkbookReader.column(ofReference:)) ?? nextColumn
            nextColumn = column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t" where inInline: inValue = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        switch elementName {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "rPh": inPhonetic = false
        case "c": finishCell()
        case "row":
            if !row.cells.isEmpty { rows.append(row) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue, !inPhonetic { value += string }
    }

    private func finishCell() {
        var text = value, isNumber = false
        switch type {
        case "s": text = Int(value).flatMap { $0 >= 0 && $0 < shared.count ? shared[$0] : nil } ?? ""
        case "b": text = value == "1" ? "TRUE" : "FALSE"
        case "n":
            isNumber = true
            if dateStyles.contains(style), let serial = Double(value), let date = excelDate(serial) { text = date }
        default: break  // str (a formula's cached text), inlineStr, e (an error such as #N/A)
        }
        guard !trimmed(text).isEmpty else { return }
        row.cells[column] = WorkbookReader.Cell(text: text, isNumber: isNumber)
    }
}

/// `YYYY-MM-DD` for an Excel serial day (1900 date system: day 0 is 1899-12-30, past the fictitious
/// 1900-02-29), or `nil` outside years 1900–9999.
func excelDate(_ serial: Double) -> String? {
    guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
    // Days since 1970-01-01, then the civil-from-days algorithm (H. Hinnant).
    let z = Int(serial.rounded(.down)) - 25569 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", year, month, day)
}
