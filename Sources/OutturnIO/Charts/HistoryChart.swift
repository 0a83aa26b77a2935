import Foundation
import Outturn

/// One target's history as SVG: above, the projected year-end figure at each recorded as-of
/// month with its widest interval as a band and the threshold as a red line; below, P(met).
/// The month axis runs through the target's year (wider if a run's as-of month lies outside it).
public enum HistoryChart {
    /// The chart of `track`.
    public static func svg(_ track: ProjectionHistory.Track) -> String {
        let latest = track.latest
        let name = latest.name ?? latest.indicator
        let steps = track.steps
        var svg = SVG(width: 760, height: 420)
        svg.text(16, 24, "\(name) \(latest.year): \(latest.localizedTarget)", size: 15, weight: "bold")
        svg.text(744, 24, localized(.chartStatus, localizedStatus(latest.status),
                           formatProbability(latest.probability, settled: latest.status == "met" || latest.status == "missed")),
                 size: 13, anchor: "end", weight: "bold", fill: colour(latest.status))

        let january = (try? Month(year: latest.year, month: 1)) ?? steps[0].asOf
        let first = min(january, steps.map(\.asOf).min() ?? january)
        let last = max(january.advanced(by: 11), steps.map(\.asOf).max() ?? january)
        let span = Double(max(first.distance(to: last), 1))
        let x = { (month: Month) in 70 + Double(first.distance(to: month)) / span * 650 }

        // Projection panel.
        let widest = { (p: RecordedProjection) in p.intervals.max { $0.level < $1.level } }
        let values = steps.flatMap { step in
            [step.projection.value, step.projection.threshold] + (widest(step.projection).map { [$0.lower, $0.upper] } ?? [])
        }
        let y = LinearScale(covering: values, pixels: 48...230)
        for tick in y.ticks {
            svg.line(70, y(tick), 720, y(tick), stroke: "#e6e6e6")
            svg.text(64, y(tick) + 4, formatForReading(tick), size: 10, anchor: "end", fill: "#666")
        }
        svg.text(70, 40, latest.unit ?? "", size: 11, fill: "#666")
        let banded = steps.compactMap { step in widest(step.projection).map { (step.asOf, $0) } }
        if banded.count > 1 {
            svg.polygon(banded.map { (x($0.0), y($0.1.upper)) } + banded.reversed().map { (x($0.0), y($0.1.lower)) },
                        fill: "#2f6db5", opacity: 0.2)
        }
        for (month, interval) in banded {
            svg.line(x(month), y(interval.lower), x(month), y(interval.upper), stroke: "#2f6db5", width: 2)
        }
        svg.polyline(steps.map { (x($0.asOf), y($0.projection.threshold)) }, stroke: "#c62828", width: 1.2, dash: "6,3")
        svg.polyline(steps.map { (x($0.asOf), y($0.projection.value)) }, stroke: "#2f6db5", width: 2)
        for step in steps {
            svg.circle(x(step.asOf), y(step.projection.value), radius: 4, fill: colour(step.projection.status))
            if !step.revisedMonths.isEmpty {
                svg.text(x(step.asOf), 44, localized(.historyRevised), size: 9, anchor: "middle", fill: "#b35900")
            }
        }

        // P(met) panel.
        let py = LinearScale(covering: [0, 1], pixels: 270...370)
        for tick in [0.0, 0.2, 0.5, 0.8, 1.0] {
            svg.line(70, py(tick), 720, py(tick), stroke: tick == 0.2 || tick == 0.8 ? "#d0d0d0" : "#eeeeee",
                     dash: tick == 0.2 || tick == 0.8 ? "3,3" : nil)
            svg.text(64, py(tick) + 4, "\(Int(tick * 100))%", size: 10, anchor: "end", fill: "#666")
        }
        svg.text(70, 258, localized(.columnProbability), size: 11, fill: "#666")
        svg.polyline(steps.map { (x($0.asOf), py($0.projection.probability)) }, stroke: "#444", width: 1.5)
        for step in steps {
            svg.circle(x(step.asOf), py(step.projection.probability), radius: 3.5, fill: colour(step.projection.status))
            if step.statusChanged { svg.text(x(step.asOf), py(step.projection.probability) - 8, localizedStatus(step.projection.status), size: 9, anchor: "middle", fill: colour(step.projection.status)) }
        }

        // Month axis.
        var month = first
        while month <= last {
            svg.line(x(month), 370, x(month), 375, stroke: "#999")
            svg.text(x(month), 388, month.month == 1 ? "\(month.year)-01" : String(format: "%02d", month.month),
                     size: 10, anchor: "middle", fill: "#666")
            month = month.advanced(by: 1)
        }
        svg.line(70, 370, 720, 370, stroke: "#999")
        let level = steps.last.flatMap { widest($0.projection) }.map { localized(.historyInterval, formatLevel($0.level)) } ?? localized(.historyIntervalUnknown)
        svg.text(16, 412, localized(.historyLegend, level),
                 size: 10, fill: "#666")
        return svg.rendered(title: localized(.historyTitle, name, String(latest.year)))
    }

    /// A file name per track: `<indicator>-<year>.svg`, numbered when a name repeats.
    public static func fileName(_ track: ProjectionHistory.Track, used: inout Set<String>) -> String {
        let safe = String(track.latest.indicator.map { "/\\:*?\"<>| ".contains($0) ? "_" : $0 })
        var name = "\(safe)-\(track.latest.year).svg", counter = 2
        while used.contains(name) { name = "\(safe)-\(track.latest.year)-\(counter).svg"; counter += 1 }
        used.insert(name)
        return name
    }

    private static func colour(_ status: String) -> String {
        switch status {
        case "met", "on track": "#1a7f37"
        case "at risk": "#b35900"
        default: "#c62828"
        }
    }
}
