import Foundation

/// The rules of thumb analysts use, as models: useful as benchmarks in ``Backtest`` and as a
/// plain answer to "what if the year simply continues like this?".
///
/// - **snaive** (seasonal naive, R's `snaive`): each month as the same month a year earlier.
///   Errors follow a random walk in steps of a year: the error h months ahead is the sum of
///   ⌈h/12⌉ innovations, with σ̂² the mean squared seasonal difference of the history.
/// - **runrate**: every month as the mean of the months observed in the latest calendar year
///   (YTD/k·12 for a year total), or of the last twelve months when that year is complete or
///   empty. Errors are taken as independent around that mean: σ̂² is the variance of the months
///   averaged, as for a `level` regression on them.
///
/// Their spreads, like every model's, are checked against the history when projecting
/// (``IntervalMethod/checked``): from earlier origins the same rule is applied and its totals
/// compared with what happened.
public struct BaselineFit: Sendable {
    /// Which rule.
    public enum Method: String, Sendable, CaseIterable {
        /// Seasonal naive.
        case snaive
        /// The mean of the latest year's months so far.
        case runrate
    }

    /// The rule.
    public let method: Method
    /// The fitted months, consecutive.
    public let months: [Month]
    /// σ̂ of the rule's errors (see the type's notes).
    public let sigma: Double
    /// Degrees of freedom of σ̂.
    public let degreesOfFreedom: Int
    let values: [Double]

    /// Fits the rule to `history`, whose observed months must be consecutive.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` (`snaive` needs 13
    ///   months, `runrate` 2), ``ModelError/gapInHistory(model:month:)``.
    public init(history: MonthlySeries, method: Method) throws(ModelError) {
        let observations = try history.consecutiveObservations(model: method.rawValue, needed: method == .snaive ? 13 : 2)
        self.method = method
        months = observations.map(\.month)
        values = observations.map(\.value)
        let n = values.count
        switch method {
        case .snaive:
            var sum = 0.0
            for t in 12..<n { sum += (values[t] - values[t - 12]) * (values[t] - values[t - 12]) }
            degreesOfFreedom = n - 12
            sigma = (sum / Double(n - 12)).squareRoot()
        case .runrate:
            let window = Self.runRateWindow(months: months, through: n - 1)
            let slice = values[(n - window)..<n]
            let mean = slice.reduce(0, +) / Double(window)
            degreesOfFreedom = max(window - 1, 1)
            sigma = window > 1 ? (slice.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(window - 1)).squareRoot() : 0
        }
    }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }

    /// The rule applied one month ahead from each earlier month; the first months, which the rule
    /// cannot reach (a year for `snaive`, one for `runrate`), as observed.
    public var fittedValues: [Double] {
        months.indices.map { t in t >= (method == .snaive ? 12 : 1) ? forecast(origin: t - 1, horizon: 1) : values[t] }
    }

    /// How many months before and including observation t the run-rate averages: those of t's
    /// calendar year, or twelve when t is a December (or fewer at the start of the history).
    static func runRateWindow(months: [Month], through t: Int) -> Int {
        let inYear = months[t].month
        return min(inYear == 12 ? 12 : inYear, t + 1)
    }

    /// The rule's forecast h months after observation t.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        switch method {
        case .snaive:
            // The same calendar month in the last year observed by t.
            return values[t - 12 + ((h - 1) % 12) + 1]
        case .runrate:
            let window = Self.runRateWindow(months: months, through: t)
            return values[(t + 1 - window)...t].reduce(0, +) / Double(window)
        }
    }

    /// The joint predictive distribution of `months`, each after the last fitted month.
    func prediction(for months: [Month]) throws(ModelError) -> JointPrediction {
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) { throw .forecastInsideHistory(model: method.rawValue, month: months[i]) }
        let n = values.count
        let width = horizons.max() ?? 0
        let loadings: [[Double]]? = method == .snaive ? horizons.map { h in
            var row = [Double](repeating: 0, count: width)
            var j = h - 1
            while j >= 0 { row[j] = 1; j -= 12 }
            return row
        } : nil
        // Run-rate: the mean of `window` months carries σ²/window of error shared by every month.
        let window = Double(Self.runRateWindow(months: self.months, through: n - 1))
        let shared: [[Double]] = method == .runrate ? horizons.map { _ in [1 / window.squareRoot()] } : horizons.map { _ in [] }
        return JointPrediction(months: months, means: horizons.map { forecast(origin: n - 1, horizon: $0) },
                               whitenedRows: shared, noiseLoadings: loadings, sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }

    /// The check of the spread of the total over `horizons` from earlier origins: every third
    /// month back from the latest one whose horizons are all observed, after a year.
    func spreadCheck(horizons: [Int], model prediction: JointPrediction) -> SpreadCheck {
        guard let longest = horizons.max(), sigma > 0 else { return .none }
        let n = values.count
        let unitVariance = prediction.varianceOfCombination([Double](repeating: 1, count: horizons.count)) / (sigma * sigma)
        var origins: [Int] = []
        var t = n - 1 - longest
        while t >= 12 { origins.append(t); t -= SpreadCheck.originStep }
        let errors = origins.map { origin in
            (horizons.reduce(0.0) { $0 + values[origin + $1] - forecast(origin: origin, horizon: $1) }, sigma * sigma * unitVariance)
        }
        guard let first = origins.last, let last = origins.first else { return .none }
        return SpreadCheck(errors: errors, span: last - first + 1, longest: longest)
    }
}
