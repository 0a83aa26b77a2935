extension TargetBook {
    /// Every target projected as ``projections(asOf:levels:scenario:progress:)`` projects it
    /// (baseline scenario), the results of a panel kept in columns
    /// (``YearEndProjection/projectColumns(_:asOf:levels:progress:)``): the path for many
    /// indicators on one calendar and one fixed regression.
    /// - Parameters:
    ///   - asOf: the last month known; default ``lastObservedMonth``.
    ///   - levels: interval levels in percent.
    ///   - progress: called with the number of targets done so far.
    /// - Returns: `nil` for a book with neither targets nor milestones.
    /// - Throws: ``TargetBookError/target(_:_:)`` for the first target that fails, in order.
    public func panelProjections(asOf: Month? = nil, levels: [Double] = [80, 95],
                                 progress: (@Sendable (Int) -> Void)? = nil) async throws(TargetBookError) -> PanelProjections? {
        guard let asOf = asOf ?? lastObservedMonth else { return nil }
        let requests = targets.enumerated().map { index, target in
            // Checked in init: every indicator and reference indicator is present.
            YearEndProjection.Request(series: series[target.indicator]!, target: target, model: model(forTarget: index),
                                      extraTerms: extraTerms, regressors: regressors,
                                      referenceSeries: target.referenceIndicator.flatMap { series[$0] },
                                      intervals: intervals)
        }
        let panel = await YearEndProjection.projectColumns(requests, asOf: asOf, levels: levels, progress: progress)
        if let (index, error) = panel.firstFailure { throw .target(index, error) }
        return panel
    }
}
