import Foundation
import Outturn
import Plot

/// "Since last month": how each target's projection, P(met) and status moved since the previous
/// month's projection, for the report.
///
/// The previous projection comes from a projection store (the latest run recorded as of an
/// earlier month) or, without one, is recomputed from the same data as of the month before; the
/// ``source`` says which, since the two answer different questions (what was said then, and what
/// the data now say about then). Targets are matched by their condition (the store's target key), so a
/// reordered targets file still lines up; a target without a previous projection has no change.
public struct SinceLastMonth: Sendable {
    /// Where the previous projection came from.
    public enum Source: Sendable, Equatable {
        /// A run recorded in a projection store.
        case store(path: String, run: Int64?, asOf: Month, recordedAt: String, model: String)
        /// Recomputed from the report's own inputs as of `asOf`; `store` names a store that was
        /// read but held no earlier run.
        case recomputed(asOf: Month, store: String?)

        /// The as-of month of the previous projection.
        public var asOf: Month {
            switch self {
            case .store(_, _, let asOf, _, _), .recomputed(let asOf, _): asOf
            }
        }
    }

    /// One target now and in the previous projection.
    public struct Row: Sendable {
        /// The report's projection of the target.
        public let current: YearEndProjection
        /// `nil` when the previous projection had no such target, or could not project it.
        public let previous: RecordedProjection?

        /// The change of the projected figure.
        public var projectionChange: Double? { previous.map { current.value - $0.value } }
        /// The change of P(met), as a probability (0.13 is 13 points).
        public var probabilityChange: Double? { previous.map { current.probability - $0.probability } }
        /// Whether the status differs from the previous one.
        public var statusChanged: Bool { previous.map { $0.status != current.status.rawValue } ?? false }
    }

    /// The report's as-of month.
    public let asOf: Month
    /// Where the previous projection came from.
    public let source: Source
    /// One per current projection, in the report's order.
    public let rows: [Row]

    /// The rows whose status changed.
    public var statusChanges: [Row] { rows.filter(\.statusChanged) }

    /// Compares `current` with a run recorded in the store at `store`.
    public init(current: [YearEndProjection], asOf: Month, recorded run: RecordedRun, store: String) {
        self.init(current: current, asOf: asOf, previous: run.projections,
                  source: .store(path: store, run: run.id, asOf: run.asOf, recordedAt: run.recordedAt, model: run.model))
    }

    /// Compares `current` with projections recomputed as of `previousAsOf`, one per target in the
    /// same order, `nil` where the earlier month could not be projected.
    public init(current: [YearEndProjection], asOf: Month, recomputed previous: [YearEndProjection?],
                previousAsOf: Month, store: String? = nil) {
        self.init(current: current, asOf: asOf,
                  previous: previous.enumerated().compactMap { position, p in p.map { RecordedProjection($0, position: position) } },
                  source: .recomputed(asOf: previousAsOf, store: store))
    }

    init(current: [YearEndProjection], asOf: Month, previous: [RecordedProjection], source: Source) {
        self.asOf = asOf
        self.source = source
        // Keys may repeat (the same condition twice): match them in file order.
        var waiting = Dictionary(grouping: previous, by: \.key)
        rows = current.map { p in
            let key = RecordedProjection.key(p.target)
            let match = waiting[key]?.first
            if match != nil { waiting[key]?.removeFirst() }
            return Row(current: p, previous: match)
        }
    }

    /// The run to compare with: the latest recorded as of a month before `asOf` (in recording
    /// order within a month), or `nil` when the store holds none.
    public static func previousRun(in runs: [RecordedRun], before asOf: Month) -> RecordedRun? {
        runs.enumerated().filter { $0.element.asOf < asOf }
            .max { ($0.element.asOf, $0.offset) < ($1.element.asOf, $1.offset) }?.element
    }

    // MARK: Rendering

    /// The section as HTML: the source, then the status changes.
    func htmlSection() -> Node<HTML.BodyContext> {
        .section(
            .id("since-last-month"),
            .h2(.text(Wording.heading(source.asOf))),
            .p(.text(Wording.sourceSentence(source, asOf: asOf))),
            .if(statusChanges.isEmpty, .p(.text(Wording.noStatusChanged))),
            .if(!statusChanges.isEmpty, .ul(.forEach(statusChanges) { row in
                .li(.text(Wording.statusChange(row)))
            }))
        )
    }

    /// The section as Markdown: the source, a table of the changes, then the status changes.
    func markdownSection() -> String {
        var table = TextTable(columns: Wording.markdownColumns.map { ($0.0, $0.1 ? .right : .left) })
        for row in rows {
            let p = row.current
            let settledNow = p.status.isSettled
            let settledThen = row.previous.map { $0.status == "met" || $0.status == "missed" } ?? false
            table.append([p.target.name ?? p.target.indicator, describe(p.target, p),
                          row.previous.map { formatForReading($0.value) } ?? Wording.none,
                          formatForReading(p.value), Self.change(row.projectionChange),
                          row.previous.map { formatProbability($0.probability, settled: settledThen) } ?? Wording.none,
                          formatProbability(p.probability, settled: settledNow), Self.points(row.probabilityChange),
                          row.statusChanged ? Wording.arrow(Wording.status(row.previous?.status ?? ""), Wording.status(p.status.rawValue)) : Wording.status(p.status.rawValue)])
        }
        var text = "## \(escapingMarkdownText(Wording.heading(source.asOf)))\n\n"
        text += escapingMarkdownText(Wording.sourceSentence(source, asOf: asOf)) + "\n\n" + table.markdown() + "\n"
        if statusChanges.isEmpty {
            text += Wording.noStatusChanged + "\n"
        } else {
            text += Wording.statusChangesLead + "\n\n"
            text += statusChanges.map { "- " + escapingMarkdownText(Wording.statusChange($0)) + "\n" }.joined()
        }
        return text
    }

    /// `+1.25`, `−0.8`, `±0`; `–` without a previous figure.
    static func change(_ value: Double?) -> String {
        guard let value, value.isFinite else { return Wording.none }
        return signed(value)
    }

    /// `+13 pt`; `–` without a previous figure.
    static func points(_ value: Double?) -> String {
        guard let value, value.isFinite else { return Wording.none }
        return signedPoints(value)
    }

    /// Every user-facing string of the section; the wording lives in the phrase tables.
    enum Wording {
        static let none = "–"
        static var noStatusChanged: String { localized(.sinceNoStatusChanged) }
        static var statusChangesLead: String { localized(.sinceStatusChangesLead) }
        static var projectedChangeColumn: String { localized(.sinceProjectedChange) }
        static var probabilityChangeColumn: String { localized(.sinceProbabilityChange) }
        /// Markdown table columns: heading and whether right-aligned.
        static var markdownColumns: [(String, Bool)] {
            [(localized(.columnIndicator), false), (localized(.columnTarget), false), (localized(.sinceThen), true),
             (localized(.sinceNow), true), (projectedChangeColumn, true), (localized(.sinceProbabilityThen), true),
             (localized(.sinceProbabilityNow), true), (probabilityChangeColumn, true), (localized(.columnStatus), false)]
        }

        static func heading(_ previous: Month) -> String { localized(.sinceHeading, previous.description) }

        static func arrow(_ before: String, _ after: String) -> String { "\(before) → \(after)" }

        /// A status as the reader's language says it (an empty `raw`: none then).
        static func status(_ raw: String) -> String { raw.isEmpty ? none : localizedStatus(raw) }

        static func statusChange(_ row: Row) -> String {
            let p = row.current
            return "\(p.target.name ?? p.target.indicator) (\(describe(p.target, p))): "
                + arrow(status(row.previous?.status ?? ""), status(p.status.rawValue))
        }

        static func sourceSentence(_ source: Source, asOf: Month) -> String {
            switch source {
            case .store(let path, let run, let previous, let recordedAt, let model):
                return localized(.sinceFromStore, path, previous.description, run.map(String.init) ?? "?", recordedAt, model)
            case .recomputed(let previous, let store):
                let why = store.map { localized(.sinceStoreHasNoEarlierRun, $0, asOf.description) } ?? localized(.sinceNoStore)
                return localized(.sinceRecomputed, previous.description, why)
            }
        }
    }
}
