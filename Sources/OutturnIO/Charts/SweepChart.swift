import Outturn

/// P(target met) against a uniform shift of the remaining months, one line per target, as SVG.
public enum SweepChart {
    static let palette = ["#2f6db5", "#c62828", "#1a7f37", "#b35900", "#6a3d9a", "#00838f", "#ad1457", "#5d4037"]
    static let dashes = ["", "6,3", "2,2", "8,3,2,3", "1,3", "10,4"]

    /// The chart of `report`.
    public static func svg(_ report: SweepReport) -> String {
        let rows = report.rows.filter { $0.projection.status != .met && $0.projection.status != .missed }
        var svg = SVG(width: 760, height: 120 + Double(max(rows.count, 1)) * 18 + 240)
        svg.text(16, 24, localized(.sweepChartHeading, report.asOf.description), size: 15, weight: "bold")
        let shifts = report.shifts
        guard let low = shifts.first, let high = shifts.last, high > low else { return svg.rendered(title: localized(.sweepChartEmptyTitle)) }
        let x = { (shift: Double) in 70 + (shift - low) / (high - low) * 640 }
        let y = { (p: Double) in 290 - p * 240 }
        for p in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg.line(70, y(p), 710, y(p), stroke: "#e6e6e6")
            svg.text(64, y(p) + 4, "\(Int(p * 100))%", size: 10, anchor: "end", fill: "#666")
        }
        for shift in shifts {
            svg.text(x(shift), 306, (shift > 0 ? "+" : "") + formatLevel(shift) + "%", size: 10, anchor: "middle", fill: "#666")
        }
        svg.line(x(0), 50, x(0), 290, stroke: "#999", dash: "3,3")
        svg.text(390, 324, localized(.sweepChartAxis), size: 11, anchor: "middle", fill: "#666")
        for (index, row) in rows.enumerated() {
            // Past eight lines the colours repeat with a new dash pattern, so every (colour, dash) pair
            // is one line's up to palette × dashes lines; the legend draws the same stroke.
            let colour = palette[index % palette.count]
            let dash = dashes[(index / palette.count) % dashes.count]
            svg.polyline(zip(shifts, row.probabilities).map { (x($0), y($1)) }, stroke: colour, width: 2,
                         dash: dash.isEmpty ? nil : dash)
            let target = row.projection.target
            let label = localized(.sweepChartLabel, target.name ?? target.indicator, describe(target, row.projection))
            svg.line(66, 347.5 + Double(index) * 18, 86, 347.5 + Double(index) * 18, stroke: colour, width: 2,
                     dash: dash.isEmpty ? nil : dash)
            svg.text(90, 351 + Double(index) * 18, label, size: 11)
        }
        if rows.isEmpty { svg.text(90, 351, localized(.sweepChartSettled), size: 11) }
        return svg.rendered(title: localized(.sweepChartTitle))
    }
}
