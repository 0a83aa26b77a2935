import Foundation
import Outturn

/// How each target's projection moved from one recorded run to the next: the `outturn history`
/// report, read from a projection store's runs.
///
/// A target is followed by its key (indicator, year, aggregate, period, comparator, reference),
/// so it is followed even when the targets file is reordered. Runs are taken in as-of order, and
/// in recording order within one month. Beside each step the months whose observed value differs
/// from the previous run's are listed: a change with revised months may be a data revision rather
/// than a change of outlook.
public struct ProjectionHistory: Sendable {
    /// One run's view of one target, with what changed since the target's previous run.
    public struct Step: Sendable {
        /// The run's number in the store, its as-of month and when it was recorded.
        public let run: Int64?, asOf: Month, recordedAt: String
        public let projection: RecordedProjection
        /// The same target in the previous run that projected it; `nil` for the first.
        public let previous: RecordedProjection?
        /// Months of the target's indicator whose value differs from (or was withdrawn since)
        /// the previous run's.
        public let revisedMonths: [Month]

        /// The change of the projected figure since the previous run.
        public var projectionChange: Double? { previous.map { projection.value - $0.value } }
        /// The change of P(met) in percentage points.
        public var probabilityChangePoints: Double? { previous.map { (projection.probability - $0.probability) * 100 } }
        /// Whether the status differs from the previous run's.
        public var statusChanged: Bool { previous.map { $0.status != projection.status } ?? false }
    }

    /// One target through the runs.
    public struct Track: Sendable {
        public let key: String
        public let steps: [Step]
        /// The latest step's projection (its name, target text and so on).
        public var latest: RecordedProjection { steps[steps.count - 1].projection }
    }

    /// The store as the user named it.
    public let store: String
    /// The runs read, in history order.
    public let runs: [RecordedRun]
    /// Every target seen, in order of first appearance (first run's file order, then new ones).
    public let tracks: [Track]

    /// Follows every target through `runs`; with `indicator`, only that indicator's targets.
    public init(store: String, runs: [RecordedRun], indicator: String? = nil) {
        self.store = store
        let runs = runs.enumerated().sorted { ($0.element.asOf, $0.offset) < ($1.element.asOf, $1.offset) }.map(\.element)
        self.runs = runs
        var order: [String] = [], steps: [String: [Step]] = [:]
        var lastSeen: [String: (projection: RecordedProjection, run: Int)] = [:]
        let values = runs.map { run in
            Dictionary(run.observations.map { ("\($0.indicator)\u{0}\($0.month)", $0.value) }, uniquingKeysWith: { _, last in last })
        }
        for (index, run) in runs.enumerated() {
            for projection in run.projections where indicator == nil || projection.indicator == indicator {
                let previous = lastSeen[projection.key]
                if previous == nil, steps[projection.key] == nil { order.append(projection.key) }
                let revised = previous.map { previous in
                    Self.revisedMonths(of: projection.indicator, before: runs[previous.run].observations,
                                       now: values[index])
                } ?? []
                steps[projection.key, default: []].append(
                    Step(run: run.id, asOf: run.asOf, recordedAt: run.recordedAt, projection: projection,
                         previous: previous?.projection, revisedMonths: revised))
                lastSeen[projection.key] = (projection, index)
            }
        }
        tracks = order.map { Track(key: $0, steps: steps[$0]!) }
    }

    /// Months observed in the earlier run whose value is now different or gone. A month first
    /// observed in the later run is new data, not a revision.
    static func revisedMonths(of indicator: String, before: [RecordedObservation], now: [String: Double]) -> [Month] {
        before.filter { $0.indicator == indicator }.compactMap { old in
            guard let new = now["\(indicator)\u{0}\(old.month)"] else { return old.month }
            let same = new == old.value || (new.isNaN && old.value.isNaN)
            return same ? nil : old.month
        }
    }

    /// The levels shown in the table: the latest run's.
    var levels: [Double] { runs.last?.levels ?? [] }

    /// The report in `format` (Markdown is the table's Markdown form).
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table: table().rendered() + footnote()
        case .markdown: table().markdown()
        case .json: json().rendered() + "\n"
        case .csv: csv()
        }
    }

    private func table() -> TextTable {
        var columns: [(String, TextTable.Alignment)] = [
            (localized(.columnIndicator), .left), (localized(.columnYear), .right), (localized(.columnTarget), .left),
            (localized(.columnAsOf), .left), (localized(.columnProjected), .right), (localized(.columnDeltaProjected), .right)]
        columns += levels.map { (localized(.columnInterval, formatLevel($0)), .right) }
        columns += [(localized(.columnProbability), .right), (localized(.columnDeltaProbability), .right),
                    (localized(.columnStatus), .left), (localized(.columnDataRevised), .left)]
        var table = TextTable(columns: columns)
        for track in tracks {
            for (index, step) in track.steps.enumerated() {
                let p = step.projection
                var cells = [p.name ?? p.indicator, String(p.year), index == 0 ? track.latest.localizedTarget : "",
                             step.asOf.description, formatForReading(p.value),
                             step.projectionChange.map(signed) ?? "–"]
                cells += levels.map { level in
                    p.intervals.first { $0.level == level }.map { "\(formatForReading($0.lower)) – \(formatForReading($0.upper))" } ?? "–"
                }
                let settled = p.status == "met" || p.status == "missed"
                cells += [formatProbability(p.probability, settled: settled),
                          step.probabilityChangePoints.map { signedPoints($0 / 100) } ?? "–",
                          step.statusChanged
                              ? "\(step.previous.map { localizedStatus($0.status) } ?? "–") → \(localizedStatus(p.status))"
                              : localizedStatus(p.status),
                          Self.monthList(step.revisedMonths)]
                table.append(cells)
            }
        }
        return table
    }

    private func footnote() -> String {
        let runList = runs.map { run in
            localized(.historyRunLine, run.id.map(String.init) ?? "?", run.asOf.description, run.recordedAt, run.model,
                      String(run.observationsSHA256.prefix(12)), String(run.targetsSHA256.prefix(12))) + "\n"
        }
        let count = localized(runs.count == 1 ? .historyOneRun : .historyRuns, String(runs.count), store)
        return "\n" + count + "\n" + runList.joined() + localized(.historyTableLegend) + "\n"
    }

    /// `2020-03, 2020-05`; long lists shortened to the first and last with a count.
    static func monthList(_ months: [Month]) -> String {
        guard !months.isEmpty else { return "" }
        if months.count <= 3 { return months.map(\.description).joined(separator: ", ") }
        return localized(.historyMonthSpan, months[0].description, months[months.count - 1].description, String(months.count))
    }

    /// `+1.25`, `−0.8`, `±0`.
    private func signed(_ value: Double) -> String {
        if value == 0 { return "±0" }
        return (value > 0 ? "+" : "−") + formatForReading(abs(value))
    }

    /// The JSON form: the runs, then every target with its steps (values at full precision, the
    /// same numbers `outturn project --format json` printed when each run was recorded).
    public func json() -> JSONValue {
        .object([
            ("store", .string(store)),
            ("runs", .array(runs.map { run in
                .object([("run", .number(run.id.map(Double.init))), ("asOf", .string(run.asOf.description)),
                         ("recordedAt", .string(run.recordedAt)),
                         ("observations", .object([("file", .string(run.observationsFile)), ("sha256", .string(run.observationsSHA256))])),
                         ("targets", .object([("file", .string(run.targetsFile)), ("sha256", .string(run.targetsSHA256))])),
                         ("model", .string(run.model)), ("intervals", .string(run.intervalMethod)),
                         ("levels", .array(run.levels.map { .number($0) })),
                         ("outturnVersion", .string(run.outturnVersion))])
            })),
            ("targets", .array(tracks.map { track in
                let latest = track.latest
                return .object([
                    ("indicator", .string(latest.indicator)), ("name", .string(latest.name)), ("unit", .string(latest.unit)),
                    ("year", .number(Double(latest.year))), ("target", .string(latest.target)), ("key", .string(track.key)),
                    ("steps", .array(track.steps.map(Self.json))),
                ])
            })),
        ])
    }

    static func json(_ step: Step) -> JSONValue {
        let p = step.projection
        return .object([
            ("run", .number(step.run.map(Double.init))),
            ("asOf", .string(step.asOf.description)),
            ("observedMonths", .number(Double(p.observedMonths))),
            ("yearToDate", .number(p.yearToDate)),
            ("projection", .object([
                ("value", .number(p.value)),
                ("standardError", .number(p.standardError)),
                ("intervals", .array(p.intervals.map { .object([("level", .number($0.level)), ("lower", .number($0.lower)),
                                                                ("upper", .number($0.upper))]) })),
            ])),
            ("threshold", .number(p.threshold)),
            ("probability", .number(p.probability)),
            ("status", .string(p.status)),
            ("requiredPace", .number(p.requiredPace)),
            ("model", p.modelName == nil ? .null : .object([("name", .string(p.modelName)), ("reason", .string(p.modelReason))])),
            ("change", step.previous == nil ? .null : .object([
                ("projection", .number(step.projectionChange)),
                ("probabilityPoints", .number(step.probabilityChangePoints)),
                ("previousStatus", .string(step.previous?.status)),
                ("statusChanged", .bool(step.statusChanged)),
            ])),
            ("revisedMonths", .array(step.revisedMonths.map { .string($0.description) })),
        ])
    }

    private func csv() -> String {
        let levels = Array(Set(runs.flatMap(\.levels))).sorted()
        var header = ["indicator", "name", "year", "target_key", "run", "as_of", "projection", "standard_error"]
        for level in levels { header += ["lower_\(formatLevel(level))", "upper_\(formatLevel(level))"] }
        header += ["probability", "status", "previous_status", "status_changed", "projection_change",
                   "probability_change_points", "required_pace", "model", "revised_months"]
        var lines = [header.joined(separator: ",")]
        for track in tracks {
            for step in track.steps {
                let p = step.projection
                var row = [p.indicator, p.name ?? "", String(p.year), track.key, step.run.map(String.init) ?? "",
                           step.asOf.description, formatExact(p.value), formatExact(p.standardError)]
                for level in levels {
                    let interval = p.intervals.first { $0.level == level }
                    row += [formatExact(interval?.lower), formatExact(interval?.upper)]
                }
                row += [formatExact(p.probability), p.status, step.previous?.status ?? "",
                        step.previous == nil ? "" : String(step.statusChanged), formatExact(step.projectionChange),
                        formatExact(step.probabilityChangePoints), formatExact(p.requiredPace), p.modelName ?? "observed",
                        step.revisedMonths.map(\.description).joined(separator: " ")]
                lines.append(row.map(csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
