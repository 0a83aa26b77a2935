import Foundation
import Outturn

/// One `outturn project` run as the projection store keeps it: what was read, how it was
/// modelled, and every target's projection, so that a later `outturn history` can show how the
/// outlook moved and whether the data behind it were revised.
public struct RecordedRun: Sendable, Equatable {
    /// The store's number for the run (increasing in recording order); `nil` before it is saved.
    public var id: Int64?
    /// When the run was recorded, ISO 8601 in UTC.
    public let recordedAt: String
    /// The last month known to the run.
    public let asOf: Month
    /// The observations file as named by the user, and the SHA-256 of its bytes.
    public let observationsFile: String, observationsSHA256: String
    /// The targets file as named by the user, and the SHA-256 of its bytes.
    public let targetsFile: String, targetsSHA256: String
    /// The model choice as given (`--model`), with any interventions and regressors appended.
    public let model: String
    /// The interval method (`checked` or `model`).
    public let intervalMethod: String
    /// Interval levels in percent.
    public let levels: [Double]
    /// The version of Outturn that made the run.
    public let outturnVersion: String
    /// One per target, in the targets file's order.
    public let projections: [RecordedProjection]
    /// The observed values of the targets' indicators (and the indicators they refer to).
    public let observations: [RecordedObservation]

    /// Creates a run from its parts (the store reads runs back with this).
    public init(id: Int64?, recordedAt: String, asOf: Month, observationsFile: String, observationsSHA256: String,
                targetsFile: String, targetsSHA256: String, model: String, intervalMethod: String, levels: [Double],
                outturnVersion: String, projections: [RecordedProjection], observations: [RecordedObservation]) {
        self.id = id
        self.recordedAt = recordedAt
        self.asOf = asOf
        self.observationsFile = observationsFile
        self.observationsSHA256 = observationsSHA256
        self.targetsFile = targetsFile
        self.targetsSHA256 = targetsSHA256
        self.model = model
        self.intervalMethod = intervalMethod
        self.levels = levels
        self.outturnVersion = outturnVersion
        self.projections = projections
        self.observations = observations
    }

    /// The record of a finished projection run.
    /// - Parameters:
    ///   - report: what the run computed.
    ///   - dataset: the observations read; the values of the targets' indicators are kept.
    ///   - observationsFile: the observations file's path, as given.
    ///   - observationsBytes: its bytes, digested with SHA-256.
    ///   - targetsFile: the targets file's path, as given.
    ///   - targetsBytes: its bytes, digested with SHA-256.
    ///   - model: the model choice as given (`--model`), with any interventions and regressors appended.
    ///   - intervalMethod: the interval method (`checked` or `model`).
    ///   - outturnVersion: the version of Outturn that ran.
    ///   - recordedAt: the moment of recording (the store's clock, given so tests can fix it).
    public init(report: ProjectionReport, dataset: Dataset, observationsFile: String, observationsBytes: Data,
                targetsFile: String, targetsBytes: Data, model: String, intervalMethod: String,
                outturnVersion: String, recordedAt: Date = Date()) {
        var kept: [String] = [], seen: Set<String> = []
        for p in report.projections {
            for indicator in [p.target.indicator, p.target.referenceIndicator].compactMap({ $0 }) where seen.insert(indicator).inserted {
                kept.append(indicator)
            }
        }
        let observations = kept.flatMap { indicator in
            (dataset.series(indicator)?.observations ?? []).map {
                RecordedObservation(indicator: indicator, month: $0.month, value: $0.value)
            }
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        self.init(id: nil, recordedAt: formatter.string(from: recordedAt), asOf: report.asOf,
                  observationsFile: observationsFile, observationsSHA256: SHA256.hexDigest(observationsBytes),
                  targetsFile: targetsFile, targetsSHA256: SHA256.hexDigest(targetsBytes), model: model,
                  intervalMethod: intervalMethod, levels: report.levels, outturnVersion: outturnVersion,
                  projections: report.projections.enumerated().map { RecordedProjection($1, position: $0) },
                  observations: observations)
    }
}

/// One target's projection within a recorded run.
public struct RecordedProjection: Sendable, Equatable {
    /// The target's place in its targets file (0-based).
    public let position: Int
    /// Identifies the target across runs, whatever its position or display language: indicator,
    /// year, aggregate, period, comparator and reference.
    public let key: String
    public let indicator: String
    public let name: String?
    public let unit: String?
    public let year: Int
    /// The target in a few words, as the projection table showed it.
    public let target: String
    /// The threshold the projection was judged against (a base-year or moving-average target's
    /// own projected reference).
    public let threshold: Double
    /// The projected year-end figure and its standard error.
    public let value: Double, standardError: Double
    public let intervals: [RecordedInterval]
    /// P(target met).
    public let probability: Double
    /// `on track`, `at risk`, `off track`, `met` or `missed`.
    public let status: String
    /// The constant monthly value that lands on the target; `nil` when no month is left.
    public let requiredPace: Double?
    /// The model's name and why it was chosen; `nil` when the observed months settle the figure.
    public let modelName: String?, modelReason: String?
    /// The number of observed months of the target's period, and their aggregate so far.
    public let observedMonths: Int, yearToDate: Double?

    public init(position: Int, key: String, indicator: String, name: String?, unit: String?, year: Int, target: String,
                threshold: Double, value: Double, standardError: Double, intervals: [RecordedInterval],
                probability: Double, status: String, requiredPace: Double?, modelName: String?, modelReason: String?,
                observedMonths: Int, yearToDate: Double?) {
        self.position = position
        self.key = key
        self.indicator = indicator
        self.name = name
        self.unit = unit
        self.year = year
        self.target = target
        self.threshold = threshold
        self.value = value
        self.standardError = standardError
        self.intervals = intervals
        self.probability = probability
        self.status = status
        self.requiredPace = requiredPace
        self.modelName = modelName
        self.modelReason = modelReason
        self.observedMonths = observedMonths
        self.yearToDate = yearToDate
    }

    init(_ p: YearEndProjection, position: Int) {
        self.init(position: position, key: Self.key(p.target), indicator: p.target.indicator, name: p.target.name,
                  unit: p.target.unit, year: p.target.year, target: describe(p.target, p), threshold: p.referenceValue,
                  value: p.value, standardError: p.standardError,
                  intervals: p.intervals.map { RecordedInterval(level: $0.level, lower: $0.lower, upper: $0.upper) },
                  probability: p.probability, status: p.status.rawValue, requiredPace: p.requiredPace,
                  modelName: p.modelSummary?.name, modelReason: p.modelSummary?.reason,
                  observedMonths: p.observedMonths.count, yearToDate: p.yearToDate)
    }

    /// Raw fields only, never display text: a target keeps its key when the table's wording or
    /// language changes.
    static func key(_ t: Target) -> String {
        let reference = switch t.reference {
        case .value(let threshold): "value \(formatExact(threshold))"
        case .baseYear(let base, let change): "base \(base) \(formatExact(change))%"
        case .movingAverage(let years): "moving \(years)"
        case .indicator(let other): "indicator \(other)"
        }
        return "\(t.indicator) \(t.year) \(t.aggregate.rawValue)[\(t.period.lowerBound)-\(t.period.upperBound)] "
            + "\(t.comparator.rawValue) \(reference)"
    }
}

/// A prediction interval as recorded.
public struct RecordedInterval: Sendable, Equatable {
    /// Coverage in percent.
    public let level: Double
    public let lower: Double, upper: Double

    public init(level: Double, lower: Double, upper: Double) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}

/// One observed value as a run read it.
public struct RecordedObservation: Sendable, Equatable {
    public let indicator: String
    public let month: Month
    public let value: Double

    public init(indicator: String, month: Month, value: Double) {
        self.indicator = indicator
        self.month = month
        self.value = value
    }
}
