extension TargetBook {
    /// Every target projected as ``projections(asOf:levels:scenario:progress:)`` projects it
    /// (baseline scenario), the results of a panel kept in columns
    /// (``YearEndProjection/projectColumns(_:asOf:levels:census:progress:)``): the path for many
    /// indicators on one calendar and one fixed regression.
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - census: the calendars of the whole panel when this book is one piece of it (see
    ///     ``PanelCalendarCensus``); `nil`: the book is the whole panel.
    ///   - progress: called with the number of targets done so far.
    /// - Returns: `nil` for a book with neither targets nor milestones.
    /// - Throws: ``TargetBookError/target(_:_:)`` for the first target that fails, in order.
    public func panelProjections(asOf: Month? = nil, levels: [Double] = [80, 95], census: PanelCalendarCensus? = nil,
                                 progress: (@Sendable (Int) -> Void)? = nil) async throws(TargetBookError) -> PanelProjections? {
        guard let asOf = asOf ?? lastObservedMonth else { return nil }
        let panel = await YearEndProjection.projectColumns(requests, asOf: asOf, levels: levels, census: census, progress: progress)
        if let (index, error) = panel.firstFailure { throw .target(index, error) }
        return panel
    }

    /// Counts this book's calendars as of `asOf` into `census`: a panel projected piece by piece
    /// counts every piece before projecting any (see ``PanelCalendarCensus``).
    public func countCalendars(asOf: Month, into census: inout PanelCalendarCensus) {
        census.add(requests, asOf: asOf)
    }

    /// One request per target, in order.
    private var requests: [YearEndProjection.Request] {
        targets.enumerated().map { index, target in
            // Checked in init: every indicator and reference indicator is present.
            YearEndProjection.Request(series: series[target.indicator]!, target: target, model: model(forTarget: index),
                                      extraTerms: extraTerms, regressors: regressors,
                                      referenceSeries: target.referenceIndicator.flatMap { series[$0] },
                                      intervals: intervals)
        }
    }
}
