import Foundation
import Outturn

/// A fan chart of one projection, as SVG: the monthly history, the fitted path, the forecast with
/// 80% and 95% bands to the end of the target period, the as-of month; and beside it the year's
/// figure: observed so far, projected with its intervals, against the target line.
public enum FanChart {
    static let statusColours: [YearEndProjection.Status: String] = [
        .met: "#1a7f37", .onTrack: "#1a7f37", .atRisk: "#b35900", .offTrack: "#c62828", .missed: "#c62828",
    ]

    /// The chart for `projection` of `series` (the indicator's data).
    public static func svg(_ projection: YearEndProjection, series: MonthlySeries) -> String {
        let target = projection.target
        let unit = target.unit ?? ""
        let name = target.name ?? target.indicator
        var svg = SVG(width: 760, height: 330)
        let colour = statusColours[projection.status] ?? "#333"
        svg.text(16, 24, name, size: 15, weight: "bold")
        svg.text(744, 24, localized(.chartStatus, localizedStatus(projection.status.rawValue),
                           formatProbability(projection.probability, settled: projection.status.isSettled)),
                 size: 13, anchor: "end", weight: "bold", fill: colour)

        // Monthly panel: two years before the target year to the end of its period.
        let first = max(series.start, (try? Month(year: max(target.year - 2, 1), month: 1)) ?? series.start)
        let last = target.months[target.months.count - 1]
        let span = max(first.distance(to: last), 1)
        let observed = series.observations.filter { $0.month >= first && $0.month <= last && $0.month <= projection.asOf }
        // Months of the period still to come, and earlier ones with no value: both are forecast.
        let open = target.months.filter { month in month > projection.asOf || series[month] == nil }
        let forecasts = ((try? projection.monthlyForecasts(levels: [80, 95])) ?? []).filter { open.contains($0.month) }
        let fitted = projection.selection.map { selection in
            zip(selection.model.months, selection.model.fittedValues).filter { $0.0 >= first } } ?? []
        var values = observed.map(\.value) + forecasts.flatMap { $0.intervals.flatMap { [$0.lower, $0.upper] } }
        let monthlyThreshold: Double? = {
            guard target.aggregate != .sum, let threshold = target.threshold else { return nil }
            return threshold
        }()
        if let monthlyThreshold { values.append(monthlyThreshold) }
        let x = { (month: Month) in 64 + Double(first.distance(to: month)) / Double(span) * 476 }
        let y = LinearScale(covering: values, pixels: 48...290)
        // Axes and grid.
        for tick in y.ticks {
            svg.line(64, y(tick), 540, y(tick), stroke: "#e6e6e6")
            svg.text(58, y(tick) + 4, y.label(tick), size: 10, anchor: "end", fill: "#666")
        }
        svg.text(16, 170, unit, size: 11, fill: "#666")
        var january = first.january
        while january <= last {
            if january >= first {
                svg.line(x(january), 290, x(january), 295, stroke: "#999")
                svg.text(x(january) + 2, 308, String(january.year), size: 10, fill: "#666")
            }
            january = january.advanced(by: 12)
        }
        svg.line(64, 290, 540, 290, stroke: "#999")
        // The target period and the as-of month.
        svg.rect(x(target.months[0]), 48, x(last) - x(target.months[0]), 242, fill: "#f3f6fb")
        if projection.asOf >= first, projection.asOf <= last {
            svg.line(x(projection.asOf), 48, x(projection.asOf), 290, stroke: "#888", dash: "3,3")
            svg.text(x(projection.asOf) + 3, 58, localized(.chartAsOf, projection.asOf.description), size: 10, fill: "#666")
        }
        // Bands, then lines.
        if !forecasts.isEmpty {
            // The fan opens from the last observation before the forecast months, so the path is continuous.
            let anchor = observed.last { $0.month < forecasts[0].month }.map { (x($0.month), y($0.value)) }
            for (index, opacity) in [(1, 0.18), (0, 0.30)] {
                let upper = forecasts.map { (x($0.month), y($0.intervals[index].upper)) }
                let lower = forecasts.reversed().map { (x($0.month), y($0.intervals[index].lower)) }
                svg.polygon((anchor.map { [$0] } ?? []) + upper + lower, fill: "#2f6db5", opacity: opacity)
            }
            svg.polyline((anchor.map { [$0] } ?? []) + forecasts.map { (x($0.month), y($0.value)) }, stroke: "#2f6db5", width: 2)
        }
        svg.polyline(fitted.map { (x($0.0), y($0.1)) }, stroke: "#999", width: 1, dash: "2,2")
        svg.polyline(observed.map { (x($0.month), y($0.value)) }, stroke: "#222", width: 1.5)
        for point in observed where target.months.contains(point.month) {
            svg.circle(x(point.month), y(point.value), radius: 2.5, fill: "#222")
        }
        if let monthlyThreshold {
            svg.line(64, y(monthlyThreshold), 540, y(monthlyThreshold), stroke: "#c62828", width: 1.2, dash: "6,3")
            svg.text(536, y(monthlyThreshold) - 4, localized(.chartTargetLine, symbol(target.comparator), formatForReading(monthlyThreshold)),
                     size: 10, anchor: "end", fill: "#c62828")
        }

        // Year-end panel.
        let intervals = projection.intervals
        let yearValues = [projection.value, projection.referenceValue] + intervals.flatMap { [$0.lower, $0.upper] }
            + (projection.yearToDate.map { [$0] } ?? [])
        let yy = LinearScale(covering: yearValues, pixels: 48...290)
        svg.text(650, 44, FigureLabel.caption(target), size: 11, anchor: "middle", fill: "#666")
        for tick in yy.ticks { svg.text(744, yy(tick) + 4, yy.label(tick), size: 10, anchor: "end", fill: "#666") }
        svg.line(600, yy(projection.referenceValue), 700, yy(projection.referenceValue), stroke: "#c62828", width: 1.5, dash: "6,3")
        svg.text(600, yy(projection.referenceValue) - 5,
                 "\(symbol(target.comparator)) \(formatForReading(projection.referenceValue))", size: 10, fill: "#c62828")
        for (interval, width) in zip(intervals.reversed(), [2.0, 6.0]) {
            svg.line(650, yy(interval.lower), 650, yy(interval.upper), stroke: "#2f6db5", width: width)
        }
        svg.circle(650, yy(projection.value), radius: 5, fill: colour)
        svg.text(660, yy(projection.value) + 4, formatForReading(projection.value), size: 11, weight: "bold", fill: colour)
        // Labelled only where its line is drawn inside the panel: a label beside nothing misleads.
        if let soFar = projection.yearToDate, target.aggregate == .sum, (48...290).contains(yy(soFar)) {
            svg.line(630, yy(soFar), 670, yy(soFar), stroke: "#222", width: 1.5)
            svg.text(626, yy(soFar) + 4, localized(.chartSoFar), size: 9, anchor: "end", fill: "#222")
        }
        let levels = intervals.map { "\(formatLevel($0.level))%" }.joined(separator: " / ")
        svg.text(16, 324, localized(.chartLegend, levels, projection.modelSummary?.name ?? localized(.chartNoModel)),
                 size: 10, fill: "#666")
        return svg.rendered(title: localized(.chartTitle, name, formatForReading(projection.value), unit,
                                             localizedStatus(projection.status.rawValue)))
    }
}
