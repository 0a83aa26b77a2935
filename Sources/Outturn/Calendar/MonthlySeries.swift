/// Values observed on consecutive calendar months, with gaps allowed.
///
/// A series starts at ``start`` and holds one slot per month; a missing month is `nil`.
/// The first and last slots are always observed, so ``end`` is the last observed month.
public struct MonthlySeries: Hashable, Sendable {
    /// The first observed month.
    public let start: Month
    /// One value per month from ``start``; `nil` marks a missing month.
    public let values: [Double?]

    /// Creates a series from its first month and one value per month.
    ///
    /// Leading and trailing missing months are dropped.
    /// - Throws: ``SeriesError/noObservations`` when no value is present,
    ///   ``SeriesError/notFinite(month:)`` for a NaN or infinite value.
    public init(start: Month, values: [Double?]) throws(SeriesError) {
        guard let first = values.firstIndex(where: { $0 != nil }),
              let last = values.lastIndex(where: { $0 != nil })
        else { throw .noObservations }
        for (offset, value) in values.enumerated() {
            if let value, !value.isFinite { throw .notFinite(month: start.advanced(by: offset)) }
        }
        self.start = start.advanced(by: first)
        self.values = Array(values[first...last])
    }

    /// Creates a series from (month, value) pairs in any order; months between them are missing.
    /// - Throws: ``SeriesError/duplicateMonth(_:)`` when a month appears twice, or the errors of
    ///   ``init(start:values:)``.
    public init(observations: [(month: Month, value: Double)]) throws(SeriesError) {
        guard let first = observations.map(\.month).min(),
              let last = observations.map(\.month).max()
        else { throw .noObservations }
        var slots = [Double?](repeating: nil, count: first.distance(to: last) + 1)
        for observation in observations {
            let index = first.distance(to: observation.month)
            if slots[index] != nil { throw .duplicateMonth(observation.month) }
            slots[index] = observation.value
        }
        try self.init(start: first, values: slots)
    }

    /// The last observed month.
    public var end: Month { start.advanced(by: values.count - 1) }

    /// The value for `month`, or `nil` when it is missing or outside the series.
    public subscript(month: Month) -> Double? {
        let index = start.distance(to: month)
        return values.indices.contains(index) ? values[index] : nil
    }

    /// The observed months and values, in calendar order.
    public var observations: [(month: Month, value: Double)] {
        values.enumerated().compactMap { offset, value in
            value.map { (start.advanced(by: offset), $0) }
        }
    }

    /// The series cut after `month` (inclusive), or `nil` when nothing is observed by then.
    public func through(_ month: Month) -> MonthlySeries? {
        let count = start.distance(to: month) + 1
        guard count > 0 else { return nil }
        return try? MonthlySeries(start: start, values: Array(values.prefix(count)))
    }
}

/// Why a series could not be made.
extension MonthlySeries {
    /// The observations of a history that a smoothing model or rule of thumb takes: at least
    /// `needed`, in consecutive months, each of a supported magnitude.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)``,
    ///   ``ModelError/valueOutOfRange(month:value:)``, ``ModelError/gapInHistory(model:month:)``.
    func consecutiveObservations(model: String, needed: Int) throws(ModelError) -> [(month: Month, value: Double)] {
        let observations = self.observations
        guard observations.count >= needed else {
            throw .tooFewObservations(model: model, needed: needed, available: observations.count)
        }
        for (i, observation) in observations.enumerated() {
            guard isSupportedMagnitude(observation.value) else {
                throw .valueOutOfRange(month: observation.month, value: observation.value)
            }
            if i > 0, observation.month != observations[i - 1].month.advanced(by: 1) {
                throw .gapInHistory(model: model, month: observations[i - 1].month.advanced(by: 1))
            }
        }
        return observations
    }
}

public enum SeriesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No month has a value.
    case noObservations
    /// The month appears more than once.
    case duplicateMonth(Month)
    /// The month's value is NaN or infinite.
    case notFinite(month: Month)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .noObservations: "the series has no observed value"
        case .duplicateMonth(let month): "month \(month) appears more than once"
        case .notFinite(let month): "the value for \(month) is not a finite number"
        }
    }
}
