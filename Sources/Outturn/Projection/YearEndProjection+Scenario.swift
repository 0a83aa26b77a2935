extension YearEndProjection {
    /// This projection's target judged again under `scenario` on the same fits: a scenario changes
    /// only the forecast months (their adjustments, and the design rows of regressors and
    /// interventions it sets), never the history a model was chosen and fitted on, so the model
    /// selection is reused and only what the scenario touches is recomputed.
    ///
    /// The result is the one ``init(series:target:asOf:model:levels:extraTerms:regressors:scenario:referenceSeries:intervals:)``
    /// gives with the same arguments (errors included, in the same order).
    /// - Parameters:
    ///   - series: the indicator's series this projection was made from.
    ///   - referenceSeries: the reference indicator's series, for a target that compares with one.
    ///   - levels: the interval levels this projection was made with.
    ///   - model, extraTerms, regressors, intervals: the options this projection was made with; used
    ///     only where no fit is at hand to reuse (a shared-calendar projection under a scenario
    ///     that changes design rows, which the shared path does not take).
    /// - Throws: ``ModelError`` from the scenario (a change reaching an observed month, an overflow).
    func underScenario(_ scenario: Scenario, series: MonthlySeries, referenceSeries: MonthlySeries?,
                       levels: [Double], model: ModelChoice, extraTerms: [RegressionFormula.Term],
                       regressors: [String: MonthlySeries], intervals: IntervalMethod) throws(ModelError) -> YearEndProjection {
        let refit = SeriesOutlook.fitting(choice: model, extraTerms: extraTerms, regressors: regressors,
                                          scenario: scenario, intervals: intervals)
        let outlook = try self.outlook.under(scenario, series: series, indicator: target.indicator,
                                             months: target.valueSide.months + target.referenceSide.months,
                                             intervals: intervals, refit: refit)
        var referenceOutlook: SeriesOutlook?
        if let other = target.referenceIndicator, let base = self.referenceOutlook {
            guard let referenceSeries else { throw .missingReferenceSeries(other) }
            referenceOutlook = try base.under(scenario, series: referenceSeries, indicator: other, months: target.months,
                                              intervals: intervals, refit: refit)
        }
        return try YearEndProjection(target: target, asOf: asOf, levels: levels, outlook: outlook,
                                     referenceOutlook: referenceOutlook, modelSummary: modelSummary)
    }
}

extension SeriesOutlook {
    /// The same months of the same series under `scenario`, on this outlook's fit: its prediction
    /// as it is when the scenario sets no regressor or intervention (the prediction does not depend
    /// on anything else the scenario says), otherwise predicted again from its model selection.
    /// `refit` is used only when there is no selection to predict from (a shared-calendar fit).
    func under(_ scenario: Scenario, series: MonthlySeries, indicator: String, months: [Month], intervals: IntervalMethod,
               refit: (MonthlySeries?, [Month]) throws(ModelError) -> (ModelSelection?, JointPrediction)) throws(ModelError) -> SeriesOutlook {
        let (selection, prediction) = (self.selection, self.prediction)
        return try SeriesOutlook(series: series, indicator: indicator, months: months, asOf: asOf, scenario: scenario) {
            history, unobserved throws(ModelError) in
            let changesRows = !scenario.regressorValues.isEmpty || !scenario.interventions.isEmpty
            if !changesRows, let prediction, prediction.months == unobserved { return (selection, prediction) }
            if let selection {
                let overrides = RowOverrides(regressors: scenario.regressorValues, interventions: scenario.interventions)
                return (selection, try selection.prediction(for: unobserved, overrides: overrides, intervals: intervals))
            }
            return try refit(history, unobserved)
        }
    }
}
