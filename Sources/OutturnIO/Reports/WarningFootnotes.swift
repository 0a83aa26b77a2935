import Outturn

/// The marks and numbered footnotes that flag projections whose evidence is thin
/// (``YearEndProjection/warnings``) in a table: the row gets `⚠¹` after its status (after its
/// projected value when the target is settled, see ``marksValue(_:)``), and a line
/// under the table says why (`⚠¹ jobs 2024: only 3 months observed, …`). Numbered in row order,
/// one footnote per flagged row, so the numbers follow the table they sit under.
struct WarningFootnotes {
    /// The mark of each row (`⚠¹`), `nil` for a row without warnings.
    let marks: [String?]
    /// The footnotes in number order, each in the current language.
    let lines: [String]
    /// The rows' 1-based footnote numbers, `nil` for a row without warnings.
    let numbers: [Int?]

    /// The marks and footnotes of `projections`, in their order.
    init(_ projections: [YearEndProjection]) {
        var marks: [String?] = [], lines: [String] = [], numbers: [Int?] = []
        for p in projections {
            let warnings = p.warnings
            guard !warnings.isEmpty else {
                marks.append(nil)
                numbers.append(nil)
                continue
            }
            let number = lines.count + 1
            let mark = Self.mark(number)
            marks.append(mark)
            numbers.append(number)
            lines.append(localized(.warningFootnote, mark, p.target.name ?? p.target.indicator, String(p.target.year),
                                   warnings.map(localizedWarning).joined(separator: localized(.warningSeparator))))
        }
        self.marks = marks
        self.lines = lines
        self.numbers = numbers
    }

    /// Whether the mark belongs after the projected value rather than the status: a settled
    /// target (met or missed) is decided by observed months alone, so its status is not in doubt,
    /// only the model's figure for the year.
    static func marksValue(_ p: YearEndProjection) -> Bool { p.status.isSettled }

    /// `⚠` and `number` in superscript digits (`⚠¹²` for 12).
    static func mark(_ number: Int) -> String {
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return "⚠" + String(String(number).compactMap { $0.wholeNumberValue.map { superscripts[$0] } })
    }
}
