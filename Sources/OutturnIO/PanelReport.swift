import Outturn

/// The CSV form of ``ProjectionReport`` for a panel kept in columns (``PanelProjections``): the
/// same bytes `ProjectionReport(…).rendered(.csv)` gives for the same targets, written row by row
/// from the columns without a ``YearEndProjection`` per target.
public struct PanelReport: Sendable {
    /// The projections, by column.
    public let panel: PanelProjections

    /// Creates the report of `panel` (every row projected: no failure).
    public init(_ panel: PanelProjections) {
        self.panel = panel
    }

    /// The CSV text: a header, then one line per target in order.
    public func csv() -> String {
        let panel = panel, levelCount = panel.levels.count
        var text = ProjectionReport.csvHeader(levels: panel.levels)
        text.reserveCapacity(panel.count * (200 + 40 * levelCount))
        text += "\n"
        for i in 0..<panel.count {
            guard panel.isColumnar[i] else {
                if case .success(let projection)? = panel.projection(at: i) { text += ProjectionReport.csvLine(projection) + "\n" }
                continue
            }
            let t = panel.targets[i]
            // The fields of `ProjectionReport.csvLine`, in its order; the method is always exact.
            text += csvField(t.indicator); text += ","
            text += csvField(t.name ?? ""); text += ","
            text += csvField(t.unit ?? ""); text += ","
            text += csvField(String(t.year)); text += ","
            text += csvField(t.aggregate.rawValue); text += ","
            text += csvField(t.comparator.rawValue); text += ","
            text += csvField(formatExact(panel.referenceValues[i])); text += ","
            text += csvField(String(panel.observedMonthCounts[i])); text += ","
            text += csvField(panel.lastObservedMonths[i]?.description ?? ""); text += ","
            text += csvField(formatExact(panel.yearsToDate[i])); text += ","
            text += csvField(formatExact(panel.values[i])); text += ","
            text += csvField(formatExact(panel.standardErrors[i])); text += ","
            for l in 0..<levelCount {
                text += csvField(formatExact(panel.lowerBounds[i * levelCount + l])); text += ","
                text += csvField(formatExact(panel.upperBounds[i * levelCount + l])); text += ","
            }
            text += csvField(formatExact(panel.probabilities[i])); text += ","
            text += csvField(panel.statuses[i].rawValue); text += ","
            text += csvField(formatExact(panel.requiredPaces[i])); text += ","
            text += csvField(panel.modelName(at: i)); text += ","
            text += YearEndProjection.Method.exact.rawValue
            text += "\n"
        }
        return text
    }
}
