import Outturn

/// Calibration of backtested projections as SVG: coverage of central intervals against their
/// nominal level (a calibrated model lies on the diagonal), and the PIT histogram (flat when
/// calibrated).
public enum BacktestChart {
    static let levels: [Double] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99]

    /// The chart of `report`'s cases. A central interval at level L holds the actual exactly when
    /// |PIT − ½| ≤ L/200, so the coverage curve at every level comes from the PITs.
    public static func svg(_ report: BacktestReport) -> String {
        var svg = SVG(width: 760, height: 400)
        let pits = report.cases.map(\.pit)
        svg.text(16, 24, localized(.backtestHeading, String(pits.count), report.model, String(report.monthsKnown)),
                 size: 15, weight: "bold")
        guard !pits.isEmpty else { return svg.rendered(title: localized(.backtestEmptyTitle)) }
        // Left: coverage against nominal level.
        let x = { (level: Double) in 60 + level / 100 * 280 }
        let y = { (share: Double) in 340 - share * 280 }
        for tick in stride(from: 0.0, through: 100, by: 25) {
            svg.line(x(0), y(tick / 100), x(100), y(tick / 100), stroke: "#e6e6e6")
            svg.text(x(0) - 6, y(tick / 100) + 4, "\(Int(tick))%", size: 10, anchor: "end", fill: "#666")
            svg.text(x(tick), 358, "\(Int(tick))%", size: 10, anchor: "middle", fill: "#666")
        }
        svg.line(x(0), y(0), x(100), y(1), stroke: "#999", dash: "4,3")
        let coverage = levels.map { level in
            Double(pits.filter { abs($0 - 0.5) <= level / 200 }.count) / Double(pits.count)
        }
        svg.polyline(zip(levels, coverage).map { (x($0), y($1)) }, stroke: "#2f6db5", width: 2)
        svg.text(x(50), 378, localized(.backtestAxisLevel), size: 11, anchor: "middle", fill: "#666")
        svg.text(x(0), 52, localized(.backtestCoverage), size: 11, fill: "#666")
        // Right: PIT histogram.
        let left = 420.0, width = 300.0
        let bins = BacktestSummary(cases: report.cases, levels: []).pitHistogram
        let top = max(bins.max() ?? 0.1, 0.2)
        let barY = { (share: Double) in 340 - share / top * 280 }
        for (index, share) in bins.enumerated() {
            svg.rect(left + Double(index) * width / 10 + 2, barY(share), width / 10 - 4, 340 - barY(share), fill: "#2f6db5")
        }
        svg.line(left, barY(0.1), left + width, barY(0.1), stroke: "#c62828", dash: "4,3")
        svg.line(left, 340, left + width, 340, stroke: "#999")
        for tick in [0.0, 0.5, 1.0] {
            svg.text(left + tick * width, 358, tick == 0.5 ? "0.5" : String(Int(tick)), size: 10, anchor: "middle", fill: "#666")
        }
        svg.text(left + width / 2, 378, localized(.backtestAxisPIT), size: 11, anchor: "middle", fill: "#666")
        svg.text(left, 52, localized(.backtestPIT), size: 11, fill: "#666")
        return svg.rendered(title: localized(.backtestTitle))
    }
}
