import Outturn

/// What a projection's year-end figure is, in words, so a reader never mistakes a multi-year mean
/// for the target year's own figure (issue 16.3: "2020 mean 49.71" was the 2018–2020 mean).
enum FigureLabel {
    /// The years a moving-average target's figure averages over, or `nil` for a single-year figure.
    static func movingAverageYears(_ target: Target) -> ClosedRange<Int>? {
        guard case .movingAverage(let years) = target.reference, years > 1 else { return nil }
        return (target.year - years + 1)...target.year
    }

    /// Short axis caption: "2020 mean", or "2018–2020 3-year mean" for a moving-average target
    /// (in the current language).
    static func caption(_ target: Target) -> String {
        guard let span = movingAverageYears(target) else {
            return localized(.captionYear, String(target.year), aggregateText(target.aggregate))
        }
        return localized(.captionMovingAverage, String(span.lowerBound), String(span.upperBound), String(span.count),
                         countWord(span.count))
    }
}
