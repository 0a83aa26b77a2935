/// The checks a book's targets must pass before anything is fitted: a figure the data cannot
/// reach is refused at once, naming the part of the target at fault, instead of after every
/// earlier target has been fitted.
extension TargetBook {
    /// Checks every target against its indicator's data as of `asOf`.
    ///
    /// - Throws: ``TargetBookError/beforeData(_:part:year:firstObservation:)`` when a target's
    ///   year, its base year or its moving-average window lies wholly before its indicator's first
    ///   observation; ``TargetBookError/beyondHorizon(_:year:monthsAhead:)`` when a target's
    ///   last month lies more than ``RegressionFit/maximumHorizon`` months after `asOf`.
    public func checkTargets(asOf: Month) throws(TargetBookError) {
        for (index, target) in targets.enumerated() {
            // Checked by init: every target's indicator has a series.
            guard let start = series[target.indicator]?.start else { continue }
            // The figure's own months are the latest the target needs, so its year comes last.
            switch target.reference {
            case .baseYear(let base, _) where Self.lastMonth(of: target, in: base) < start:
                throw .beforeData(index, part: .baseYear, year: base, firstObservation: start)
            case .movingAverage(let years) where Self.lastMonth(of: target, in: target.year - years) < start:
                throw .beforeData(index, part: .movingAverage, year: target.year - years, firstObservation: start)
            default:
                if Self.lastMonth(of: target, in: target.year) < start {
                    throw .beforeData(index, part: .year, year: target.year, firstObservation: start)
                }
            }
            // The same limit as a forecast's horizon.
            let ahead = asOf.distance(to: Self.lastMonth(of: target, in: target.year))
            if ahead > RegressionFit.maximumHorizon {
                throw .beyondHorizon(index, year: target.year, monthsAhead: ahead)
            }
        }
    }

    /// The last month of `target`'s period in `year`.
    private static func lastMonth(of target: Target, in year: Int) -> Month {
        Month(ordinal: year * 12 + target.period.upperBound - 1)
    }
}
