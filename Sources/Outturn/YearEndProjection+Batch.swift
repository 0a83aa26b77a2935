import Foundation

extension YearEndProjection {
    /// One indicator to project: its series, its target and how to model it.
    public struct Request: Sendable {
        /// The indicator's monthly values.
        public let series: MonthlySeries
        /// What the year must achieve.
        public let target: Target
        /// The model, or ``ModelChoice/auto``.
        public let model: ModelChoice
        /// Terms added to the chosen model.
        public let extraTerms: [ModelSpec.Term]
        /// Exogenous regressors by name.
        public let regressors: [String: MonthlySeries]
        /// The series a ``Target/Reference/indicator(_:)`` target compares with.
        public let referenceSeries: MonthlySeries?
        /// Checked spreads (default) or the model's alone.
        public let intervals: IntervalMethod

        /// Creates a request; the parameters are the properties of the same names.
        public init(series: MonthlySeries, target: Target, model: ModelChoice = .auto,
                    extraTerms: [ModelSpec.Term] = [], regressors: [String: MonthlySeries] = [:],
                    referenceSeries: MonthlySeries? = nil, intervals: IntervalMethod = .checked) {
            self.series = series
            self.target = target
            self.model = model
            self.extraTerms = extraTerms
            self.regressors = regressors
            self.referenceSeries = referenceSeries
            self.intervals = intervals
        }
    }

    /// Projects many indicators concurrently, as of the same month.
    ///
    /// Work is split into contiguous chunks run as child tasks; each projection is a pure function
    /// of its request (the simulation seed is fixed), so the results are identical whatever the
    /// number of cores or the scheduling. One failing indicator does not stop the others.
    /// - Parameters:
    ///   - requests: the indicators, each with its series, target and model.
    ///   - asOf: the last month known, for every request.
    ///   - levels: interval levels in percent.
    ///   - scenario: changes to the forecast months, for every request.
    ///   - progress: called with the number of requests done so far, as chunks of work finish
    ///     (for a progress bar); never from more than one task at a time.
    /// - Returns: one result per request, in request order.
    /// - Complexity: O(Σ nᵢ·pᵢ²) work, spread over the available cores.
    public static func projectAll(_ requests: [Request], asOf: Month,
                                  levels: [Double] = [80, 95],
                                  scenario: Scenario = .baseline,
                                  progress: (@Sendable (Int) -> Void)? = nil) async -> [Result<YearEndProjection, ModelError>] {
        await concurrentMap(requests, progress: progress) { request in
            Result { () throws(ModelError) -> YearEndProjection in
                try YearEndProjection(series: request.series, target: request.target, asOf: asOf,
                                      model: request.model, levels: levels,
                                      extraTerms: request.extraTerms, regressors: request.regressors,
                                      scenario: scenario, referenceSeries: request.referenceSeries,
                                      intervals: request.intervals)
            }
        }
    }
}
