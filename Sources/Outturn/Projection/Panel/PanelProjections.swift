/// The year-end projections of a panel, stored by column: one array per quantity, one element per
/// target, instead of one ``YearEndProjection`` per target.
///
/// Made by ``YearEndProjection/projectColumns(_:asOf:levels:census:progress:)`` (or
/// ``TargetBook/panelProjections(asOf:levels:census:progress:)``). Targets on a shared calendar with a
/// fixed threshold and a `sum`, `mean` or `last` are assessed in columns (``isColumnar``); every
/// other target keeps its full projection (or its error) in ``projection(at:)``, made exactly as
/// ``YearEndProjection/projectAll(_:asOf:levels:scenario:progress:)`` makes it. A columnar row holds
/// the very numbers that `projectAll`'s projection of the same target holds, bit for bit.
public struct PanelProjections: Sendable {
    /// The last month known.
    public let asOf: Month
    /// Interval levels in percent.
    public let levels: [Double]
    /// The targets, in request order.
    public let targets: [Target]
    /// Whether row i is in the columns below; `false` rows are in ``projection(at:)``.
    public let isColumnar: [Bool]
    /// The projected figure V of each columnar row.
    public let values: [Double]
    /// V's standard error.
    public let standardErrors: [Double]
    /// Interval bounds, `levels.count` per row: row i's interval at level l is
    /// `lowerBounds[i * levels.count + l] ... upperBounds[i * levels.count + l]`.
    public let lowerBounds: [Double]
    /// See ``lowerBounds``.
    public let upperBounds: [Double]
    /// The threshold each figure is compared with.
    public let referenceValues: [Double]
    /// P(target met).
    public let probabilities: [Double]
    /// Met, missed, on track, at risk or off track.
    public let statuses: [YearEndProjection.Status]
    /// The constant monthly pace that lands V on the threshold (see ``YearEndProjection/requiredPace``).
    public let requiredPaces: [Double?]
    /// The aggregate of the period's observed months so far; `nil` when none is observed.
    public let yearsToDate: [Double?]
    /// How many months of the target period are observed.
    public let observedMonthCounts: [Int]
    /// The indicator's last observed month on or before ``asOf``.
    public let lastObservedMonths: [Month?]
    /// σ̂ of each row's fit.
    public let sigmas: [Double]
    /// ν = n − rank of each row's fit.
    public let degreesOfFreedom: [Int]
    /// The model of each row's calendar group, by position in ``models``.
    let modelIndex: [Int32]
    /// The names of the calendar groups' regressions.
    let modelNames: [String]
    /// Rows not in columns: their projection, or why they could not be projected.
    let others: [Int: Result<YearEndProjection, ModelError>]

    /// The number of rows.
    public var count: Int { targets.count }

    /// The model's name of columnar row `i` (as ``ModelSummary/name`` gives it).
    public func modelName(at i: Int) -> String { modelNames[Int(modelIndex[i])] }

    /// Row `i`'s full projection when it is not columnar; `nil` for a columnar row.
    public func projection(at i: Int) -> Result<YearEndProjection, ModelError>? { others[i] }

    /// Row `i`'s intervals (for a columnar row).
    public func intervals(at i: Int) -> [PredictionInterval] {
        levels.indices.map { l in
            PredictionInterval(level: levels[l], lower: lowerBounds[i * levels.count + l], upper: upperBounds[i * levels.count + l])
        }
    }

    /// The first row, in order, that could not be projected, with why.
    public var firstFailure: (index: Int, error: ModelError)? {
        others.compactMap { index, result -> (Int, ModelError)? in
            if case .failure(let error) = result { return (index, error) }
            return nil
        }.min { $0.0 < $1.0 }
    }
}
