import Foundation

/// What is known and what is predicted about one series' months as of a month: the observed
/// values, and the joint predictive distribution of the rest, with a scenario's adjustments.
///
/// Every target condition is evaluated on an outlook: exactly (Student-t) when it is linear in the
/// unobserved months of a plain model, by seeded simulation otherwise.
struct SeriesOutlook: Sendable {
    let asOf: Month
    /// Values of the requested months observed by `asOf`.
    let observed: MonthTable<Double>
    /// The requested months not observed by `asOf`, in calendar order.
    let unobserved: [Month]
    let selection: ModelSelection?
    let prediction: JointPrediction?
    /// y′ = scale·y + shift for each unobserved month.
    var adjustments: [MonthAdjustment]
    /// Every observed value of the history is ≥ 0 (a count or volume).
    let isNonNegative: Bool
    /// The last month observed by `asOf`; `nil` when none is. Unobserved months after it are still
    /// to come; unobserved months before it (gaps, months before the series starts) are past.
    let lastObserved: Month?
    let position: MonthTable<Int>
    /// The series as given; its months through `asOf` are the history the model is fitted to.
    /// Kept (sharing the caller's storage, not a copy) so that warnings can check the history
    /// against the target's bounds.
    let series: MonthlySeries

    /// - Throws: ``ModelError`` from fitting, or from a scenario that touches observed months.
    init(series: MonthlySeries, indicator: String, months: [Month], asOf: Month, choice: ModelChoice,
         extraTerms: [RegressionFormula.Term], regressors: [String: MonthlySeries], scenario: Scenario,
         intervals: IntervalMethod) throws(ModelError) {
        try self.init(series: series, indicator: indicator, months: months, asOf: asOf, scenario: scenario,
                      predict: Self.fitting(choice: choice, extraTerms: extraTerms, regressors: regressors,
                                            scenario: scenario, intervals: intervals))
    }

    /// The usual `predict` of the initialiser below: selects and fits the model on the history,
    /// then predicts the unobserved months. `reusing`: outlooks made from the same series, as-of
    /// month, model options, interval method and scenario; a selection of theirs is used instead of
    /// fitting again when it was chosen for the same first unobserved month (the only thing besides
    /// the history that the choice depends on), which gives the very same fit; and when they
    /// predicted the very same months, their prediction (and its checked spread, the costly part)
    /// is the one this would compute, so it is taken as it is.
    static func fitting(choice: ModelChoice, extraTerms: [RegressionFormula.Term], regressors: [String: MonthlySeries],
                        scenario: Scenario, intervals: IntervalMethod, reusing earlier: [SeriesOutlook] = [])
        -> (MonthlySeries?, [Month]) throws(ModelError) -> (ModelSelection?, JointPrediction) {
        { history, unobserved throws(ModelError) in
            guard let history else {
                throw .tooFewObservations(model: choice.description, needed: 2, available: 0)
            }
            if let same = earlier.first(where: { $0.selection != nil && $0.unobserved == unobserved }),
               let prediction = same.prediction {
                return (same.selection, prediction)
            }
            let selection: ModelSelection
            if let reused = earlier.first(where: { $0.selection != nil && $0.unobserved.first == unobserved.first })?.selection {
                selection = reused
            } else {
                selection = try ModelSelection(history: history, choice: choice, extraTerms: extraTerms,
                                               regressors: regressors, firstForecast: unobserved.first)
            }
            let prediction = try selection.prediction(
                for: unobserved,
                overrides: RowOverrides(regressors: scenario.regressorValues, interventions: scenario.interventions),
                intervals: intervals)
            return (selection, prediction)
        }
    }

    /// As above with the model given by `predict`, called with the history through `asOf` and the
    /// unobserved months (only when there are some); it returns the fitted selection, if any, and
    /// the unobserved months' joint prediction.
    init(series: MonthlySeries, indicator: String, months: [Month], asOf: Month, scenario: Scenario,
         predict: (MonthlySeries?, [Month]) throws(ModelError) -> (ModelSelection?, JointPrediction)) throws(ModelError) {
        self.asOf = asOf
        let requested = months.sorted()
        var observed = MonthTable<Double>(spanning: requested), position = MonthTable<Int>(spanning: requested)
        var unobserved: [Month] = []
        for (index, month) in requested.enumerated() where index == 0 || month != requested[index - 1] {
            if month <= asOf, let value = series[month] {
                observed[month] = value
            } else {
                position[month] = unobserved.count
                unobserved.append(month)
            }
        }
        self.observed = observed
        self.unobserved = unobserved
        self.position = position
        let history = series.through(asOf)
        self.series = series
        isNonNegative = history?.values.allSatisfy { ($0 ?? 0) >= 0 } ?? true
        // A series ends on an observation, so the history's end is `series.lastObserved(through: asOf)`.
        lastObserved = history?.end
        // A scenario may change any month after the indicator's own last observation.
        adjustments = try scenario.adjustments(for: indicator, months: unobserved, asOf: lastObserved ?? asOf)
        for (name, values) in scenario.regressorValues {
            if let month = values.keys.min(), month <= asOf {
                throw .scenarioChangesObservedMonth(indicator: name, month: month)
            }
        }
        guard !unobserved.isEmpty else {
            selection = nil
            prediction = nil
            return
        }
        let (selection, prediction) = try predict(history, unobserved)
        precondition(prediction.months == unobserved, "a prediction of the unobserved months")
        self.selection = selection
        self.prediction = prediction
    }

    /// The unobserved months among `months` that are still to come: later than the last observed
    /// month. Only these can still change; a missing earlier month keeps its forecast.
    func monthsToCome(of months: [Month]) -> [Month] {
        months.filter { month in observed[month] == nil && lastObserved.map { month > $0 } ?? true }
    }

    /// Whether every unobserved month among `months` stays ≥ 0 for a never-negative history: a
    /// scenario that sets, shifts or scales a month below zero breaks "a sum can only grow".
    func staysNonNegative(over months: [Month]) -> Bool {
        guard isNonNegative else { return false }
        return months.allSatisfy { month in
            guard let index = position[month], observed[month] == nil else { return true }
            return adjustments[index].scale >= 0 && adjustments[index].shift >= 0
        }
    }

    var isLog: Bool { selection?.model.isLog ?? false }
    var degreesOfFreedom: Int { prediction?.degreesOfFreedom ?? 1 }

    /// Point values of the unobserved months on the original scale after adjustments: the
    /// forecast (the median exp(x·β̂) for a log model), scaled and shifted.
    var pointPath: [Double] {
        guard let prediction else { return [] }
        return zip(prediction.means, adjustments).map { mean, adjustment in
            adjustment.applied(to: isLog ? exp(mean) : mean)
        }
    }

    /// The combination's value with the unobserved months taking `path`.
    func value(of combination: FigureCombination, path: [Double]) -> Double {
        compile(combination).value(path: path)
    }

    /// The combination with each month resolved once to an observed value or a path position,
    /// so that evaluating it on thousands of simulated paths does no hashing.
    func compile(_ combination: FigureCombination) -> CompiledCombination {
        CompiledCombination(constant: combination.constant, terms: combination.terms.map { coefficient, figure in
            (coefficient, figure.aggregate, figure.months.map { month in
                observed[month].map(CompiledCombination.Source.observed) ?? .path(position[month]!)
            })
        })
    }

    /// The combination as constant + Σ eᵢ·(forecast error of unobserved month i) when it is linear
    /// in the forecasts (linear aggregates, plain model): its point value and the effective error
    /// weights eᵢ = wᵢ·scaleᵢ. `nil` otherwise.
    func linear(_ combination: FigureCombination) -> (value: Double, errorWeights: [Double])? {
        guard !isLog else { return nil }
        var weights = [Double](repeating: 0, count: unobserved.count)
        for (coefficient, figure) in combination.terms {
            guard let monthWeights = figure.linearWeights else { return nil }
            for (month, weight) in monthWeights {
                if let index = position[month] { weights[index] += coefficient * weight }
            }
        }
        let errorWeights = zip(weights, adjustments).map { $0 * $1.scale }
        return (value(of: combination, path: pointPath), errorWeights)
    }

    /// Var(Σ eᵢ·errorᵢ) = σ²(‖Σ eᵢzᵢ‖² + Σeᵢ²).
    func variance(errorWeights: [Double]) -> Double {
        guard let prediction else { return 0 }
        return max(prediction.varianceOfCombination(errorWeights), 0)
    }

    /// `count` joint draws of the unobserved months from the multivariate t (ν = n − rank) with
    /// the prediction's covariance, back-transformed for a log model and adjusted.
    func samplePaths(count: Int, seed: UInt64) -> SimulatedPaths {
        guard prediction != nil else { return SimulatedPaths(width: 0, values: []) }
        return adjusting(draws(count: count, seed: seed))
    }

    /// The draws of ``samplePaths(count:seed:)`` before the adjustments, one path after another:
    /// the costly part, which outlooks of one prediction share (``SimulationCache``).
    func draws(count: Int, seed: UInt64) -> [Double] {
        guard let prediction else { return [] }
        let k = unobserved.count
        let cholesky = LAPACK.choleskyLower(n: k, a: prediction.covariance())
            ?? [Double](repeating: 0, count: k * k)   // σ = 0: every path is the point forecast
        var random = RandomSource(seed: seed)
        let nu = Double(prediction.degreesOfFreedom)
        var normals = [Double](repeating: 0, count: k)
        var values: [Double] = []
        values.reserveCapacity(count * k)
        for _ in 0..<count {
            for i in 0..<k { normals[i] = random.normal() }
            let scale = (nu / random.chiSquared(nu)).squareRoot()
            for i in 0..<k {
                var error = 0.0
                for j in 0...i { error += cholesky[i + j * k] * normals[j] }
                let draw = prediction.means[i] + scale * error
                values.append(isLog ? exp(draw) : draw)
            }
        }
        return values
    }

    /// `draws` (of ``draws(count:seed:)``) with each month's adjustment applied.
    func adjusting(_ draws: [Double]) -> SimulatedPaths {
        let k = unobserved.count
        var values = draws
        if k > 0 {
            for start in stride(from: 0, to: values.count, by: k) {
                for i in 0..<k { values[start + i] = adjustments[i].applied(to: values[start + i]) }
            }
        }
        return SimulatedPaths(width: k, values: values)
    }
}

/// Simulated paths of an outlook's unobserved months, one after another in one buffer (10,000
/// paths are one allocation, not 10,000).
struct SimulatedPaths: Sendable {
    /// Values per path: the number of unobserved months.
    let width: Int
    let values: [Double]

    /// Path `i`.
    subscript(i: Int) -> ArraySlice<Double> { values[(i * width)..<((i + 1) * width)] }
}

/// Values by month over the span of a few requested months, looked up by offset: an outlook is
/// consulted for every figure of every projection, and hashing months dominated that.
struct MonthTable<Value: Sendable>: Sendable {
    private let first: Month?
    private var slots: [Value?]

    /// An empty table covering `months` (sorted).
    init(spanning months: [Month]) {
        first = months.first
        slots = [Value?](repeating: nil, count: months.last.map { months[0].distance(to: $0) + 1 } ?? 0)
    }

    subscript(month: Month) -> Value? {
        get {
            guard let first else { return nil }
            let offset = first.distance(to: month)
            return slots.indices.contains(offset) ? slots[offset] : nil
        }
        set {
            // Only months within the span are ever set.
            slots[first!.distance(to: month)] = newValue
        }
    }
}

/// A ``FigureCombination`` whose months point straight at observed values or path positions.
struct CompiledCombination: Sendable {
    enum Source: Sendable {
        case observed(Double)
        case path(Int)
    }

    let constant: Double
    let terms: [(coefficient: Double, aggregate: Target.Aggregate, sources: [Source])]

    /// The combination's value with the unobserved months taking `path` (one value per
    /// unobserved month, in order).
    func value<Path: RandomAccessCollection<Double>>(path: Path) -> Double where Path.Index == Int {
        let offset = path.startIndex
        var total = constant
        for term in terms {
            var reduction = Target.Aggregate.Reduction()
            for source in term.sources {
                switch source {
                case .observed(let observed): reduction.add(observed)
                case .path(let index): reduction.add(path[offset + index])
                }
            }
            total += term.coefficient * reduction.figure(term.aggregate)
        }
        return total
    }
}
