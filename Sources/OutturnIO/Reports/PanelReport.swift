import Outturn

/// The CSV form of ``ProjectionReport`` for a panel kept in columns (`PanelProjections`): the
/// same bytes `ProjectionReport(…).rendered(.csv)` gives for the same targets, written row by row
/// from the columns without a `YearEndProjection` per target.
public struct PanelReport: Sendable {
    /// The projections, by column.
    public let panel: PanelProjections

    /// Creates the report of `panel` (every row projected: no failure).
    public init(_ panel: PanelProjections) {
        self.panel = panel
    }

    /// The CSV text: a header (unless `includingHeader` is `false`: the rows of a panel written in
    /// pieces after the first), then one line per target in order.
    public func csv(includingHeader: Bool = true) -> String {
        let number: (Double?) -> String = formatExact
        let panel = panel, levelCount = panel.levels.count
        var text = includingHeader ? ProjectionReport.csvHeader(levels: panel.levels) + "\n" : ""
        text.reserveCapacity(panel.count * (200 + 40 * levelCount))
        // Months and model names repeat down a panel: formatted once per change.
        var lastMonth: Month?, lastMonthText = ""
        var modelText: [String: String] = [:]
        for i in 0..<panel.count {
            guard panel.isColumnar[i] else {
                if case .success(let projection)? = panel.projection(at: i) { text += ProjectionReport.csvLine(projection) + "\n" }
                continue
            }
            let t = panel.targets[i]
            // Numbers go straight in: `formatExact` writes digits, a sign, a point and an exponent
            // only, which `csvField` returns unchanged (it quotes nothing and a leading minus
            // starts a number); text goes through `csvField` as in `ProjectionReport`.
            // The fields of `ProjectionReport.csvLine`, in its order; the method is always exact.
            text += csvField(t.indicator); text += ","
            text += csvField(t.name ?? ""); text += ","
            text += csvField(t.unit ?? ""); text += ","
            text += String(t.year); text += ","
            text += csvField(t.aggregate.rawValue); text += ","
            text += csvField(t.comparator.rawValue); text += ","
            text += number(panel.referenceValues[i]); text += ","
            text += String(panel.observedMonthCounts[i]); text += ","
            if panel.lastObservedMonths[i] != lastMonth {
                lastMonth = panel.lastObservedMonths[i]
                lastMonthText = csvField(lastMonth?.description ?? "")
            }
            text += lastMonthText; text += ","
            text += number(panel.yearsToDate[i]); text += ","
            text += number(panel.values[i]); text += ","
            text += number(panel.standardErrors[i]); text += ","
            for l in 0..<levelCount {
                text += number(panel.lowerBounds[i * levelCount + l]); text += ","
                text += number(panel.upperBounds[i * levelCount + l]); text += ","
            }
            text += number(panel.probabilities[i]); text += ","
            text += csvField(panel.statuses[i].rawValue); text += ","
            text += number(panel.requiredPaces[i]); text += ","
            let model = panel.modelName(at: i)
            let cell: String
            if let known = modelText[model] { cell = known } else { cell = csvField(model); modelText[model] = cell }
            text += cell; text += ","
            text += YearEndProjection.Method.exact.rawValue
            text += "\n"
        }
        return text
    }
}
