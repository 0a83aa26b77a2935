import Foundation

/// A regression fitted to the observed months of a series: coefficients, σ, and the summary
/// statistics of R's `summary(lm)`, plus what is needed to forecast.
public struct RegressionFit: Sendable {
    /// One coefficient; `estimate` and `standardError` are `nil` for an aliased term.
    public struct Coefficient: Hashable, Sendable {
        /// The column's name, R-style: `(Intercept)`, `trend`, `season2`, `S1-12`, `step@2020-02`.
        public let term: String
        /// β̂ for the column, `nil` when aliased.
        public let estimate: Double?
        /// The standard error of β̂, `nil` when aliased.
        public let standardError: Double?
    }

    /// The model that was fitted.
    public let model: RegressionFormula
    /// The observed months used, in order.
    public let months: [Month]
    /// Coefficients in R's parametrisation: the trend is t = 1, 2, … from the first fitted month.
    public let coefficients: [Coefficient]
    /// The number of estimable coefficients (columns kept by the pivoted QR).
    public let rank: Int
    /// Residual standard error σ̂ = √(RSS / ν) on the model's scale (log scale for log models);
    /// exactly 0 when the residuals are at rounding level (an exact fit).
    public let sigma: Double
    /// Residual degrees of freedom ν = n − rank.
    public let degreesOfFreedom: Int
    /// R², or `nil` when the series is constant.
    public let rSquared: Double?
    /// Adjusted R², or `nil` when the series is constant.
    public let adjustedRSquared: Double?
    /// Gaussian log-likelihood on the original scale (a log model includes the Jacobian −Σ log y,
    /// so log and plain models compare by AIC).
    public let logLikelihood: Double
    /// AIC, AICc and BIC with k = rank + 1 parameters (σ counts), as R's `AIC(lm)`.
    public let aic: Double, aicc: Double, bic: Double

    let design: DesignMatrix
    let solution: LeastSquares
    /// What the model was fitted to, for refitting at earlier origins (``RollingOriginCheck``).
    let history: MonthlySeries
    let regressors: [String: MonthlySeries]

    /// Fits `model` to every observed month of `series` (the last `model.window` months when it
    /// has a window).
    /// - Parameters:
    ///   - series: the history; every observed month is used, gaps are skipped.
    ///   - model: the terms to fit.
    ///   - regressors: values of each exogenous regressor the model names, by name.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` when fewer than
    ///   rank + 1 months are observed, ``ModelError/nonPositiveForLog(month:value:)``,
    ///   ``ModelError/missingRegressor(name:month:)``.
    /// - Complexity: O(n·p²) for n months and p columns.
    public init(series: MonthlySeries, model: RegressionFormula,
                regressors: [String: MonthlySeries] = [:]) throws(ModelError) {
        let observations = try model.fittedObservations(of: series)
        let months = observations.map(\.month)
        var response = observations.map(\.value)
        var jacobian = 0.0
        if model.isLog {
            response = response.map { log($0) }
            jacobian = response.reduce(0, +)
        }
        let design = DesignMatrix(model: model, fittedMonths: months, regressors: regressors)
        let n = months.count
        guard n >= 2 else {
            throw .tooFewObservations(model: model.description, needed: 2, available: n)
        }
        let solution = try LeastSquares(design: try design.matrix(for: months), response: response)
        let df = n - solution.rank
        guard df >= 1 else {
            throw .tooFewObservations(model: model.description, needed: solution.rank + 1, available: n)
        }

        let rss = solution.residualSumOfSquares
        let sigma = exactFitAware(sigma: (rss / Double(df)).squareRoot(),
                                  magnitude: response.reduce(0) { max($0, abs($1)) })
        let mean = response.reduce(0, +) / Double(n)
        let totalSumOfSquares = response.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        if totalSumOfSquares > 0 {
            let r2 = 1 - rss / totalSumOfSquares
            rSquared = r2
            adjustedRSquared = 1 - (1 - r2) * Double(n - 1) / Double(df)
        } else {
            rSquared = nil
            adjustedRSquared = nil
        }
        // An exact fit has RSS = 0 and an unbounded likelihood; clamp so the criteria stay finite.
        let rssForLikelihood = max(rss, Double.leastNormalMagnitude * Double(n))
        logLikelihood = -0.5 * Double(n) * (log(2 * Double.pi) + log(rssForLikelihood / Double(n)) + 1)
            - jacobian
        let k = Double(solution.rank + 1)
        aic = -2 * logLikelihood + 2 * k
        aicc = Double(n) - k - 1 > 0 ? aic + 2 * k * (k + 1) / (Double(n) - k - 1) : .infinity
        bic = -2 * logLikelihood + log(Double(n)) * k

        self.model = model
        self.history = series
        self.regressors = regressors
        self.months = months
        self.rank = solution.rank
        self.sigma = sigma
        self.degreesOfFreedom = df
        self.design = design
        self.solution = solution
        self.coefficients = Self.reportedCoefficients(design: design, solution: solution, sigma: sigma)
    }

    /// Undoes the trend centring: with trend column b·(t − t̄) the intercept is a − b·t̄, and its
    /// variance follows from the same linear map applied to the covariance.
    private static func reportedCoefficients(design: DesignMatrix, solution: LeastSquares,
                                             sigma: Double) -> [Coefficient] {
        let covariance = solution.unscaledCovariance()
        var estimates = solution.coefficients
        var variances = (0..<design.columnCount).map { j in
            estimates[j] == nil ? nil : sigma * sigma * covariance[j, j]
        }
        if let t = design.trendColumn, let a = estimates[0], let b = estimates[t] {
            let c = design.trendCentre
            estimates[0] = a - b * c
            variances[0] = sigma * sigma
                * (covariance[0, 0] + c * c * covariance[t, t] - 2 * c * covariance[0, t])
        }
        return design.termNames.indices.map { j in
            Coefficient(term: design.termNames[j], estimate: estimates[j],
                        standardError: variances[j].map { max($0, 0).squareRoot() })
        }
    }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }

    /// The fitted values on the model's scale, one per fitted month.
    public var fittedValues: [Double] { solution.fitted }

    /// The joint predictive distribution of the values in `months` on the model's scale.
    func prediction(for months: [Month], overrides: RowOverrides = .none) throws(ModelError) -> JointPrediction {
        for intervention in overrides.interventions.keys where !model.terms.contains(.intervention(intervention)) {
            throw .interventionNotInModel(intervention)
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(months.count)
        for month in months { rows.append(try design.row(for: month, overrides: overrides)) }
        let beta = solution.denseCoefficients
        let means = rows.map { row in zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 } }
        return JointPrediction(months: months, means: means, whitenedRows: solution.whiten(rows),
                               sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }
}

extension RegressionFit {
    /// P(|T| > |t|) for T ~ t with the fit's residual degrees of freedom: the p-value of a
    /// coefficient's t statistic, as in R's `summary(lm)`.
    public func twoSidedPValue(_ t: Double) -> Double {
        2 * StudentT(degreesOfFreedom: Double(degreesOfFreedom)).upperTail(abs(t))
    }
}

/// σ̂, or 0 when it is at rounding level (below 1e-13 of the data's magnitude, ~450 ulps): such
/// residuals mean an exact fit, so intervals collapse and P(met) is 0 or 1, not noise.
func exactFitAware(sigma: Double, magnitude: Double) -> Double {
    sigma <= 1e-13 * magnitude ? 0 : sigma
}

/// Outturn squares values (residual sums, variances), so it computes only with zero or magnitudes
/// in 1e-100 … 1e100: their squares and sums stay far from overflow and underflow, and nothing
/// turns silently into ∞, NaN or a false exact fit.
public func isSupportedMagnitude(_ value: Double) -> Bool {
    value == 0 || (abs(value) >= 1e-100 && abs(value) <= 1e100)
}


extension RegressionFit: Forecaster {
    /// The regression's terms, e.g. `trend+season` or `log(trend)`.
    public var name: String { model.description }
    /// Whether the regression is fitted to log values.
    public var isLogScale: Bool { model.isLog }
}

extension RegressionFit: JointForecaster {
    /// Origins need two years of history (a seasonal model's minimum): every third month back
    /// from the latest one whose horizons are inside the history.
    func rollingOrigins(longest: Int) -> [Int] {
        let observations = history.observations
        guard let first = observations.first?.month, let last = observations.last?.month else { return [] }
        var origins: [Int] = []
        var origin = first.distance(to: last) - longest
        while origin >= ModelSelection.minimumSeasonalHistory - 1 {
            origins.append(origin)
            origin -= SpreadCheck.originStep
        }
        return origins
    }

    /// Refits the model on the months known at the origin, forecasts the same horizons and
    /// compares the total (on the model's scale) with what happened; `nil` when a month of the
    /// horizons is unobserved (or not positive for a log model) or the refit fails.
    func rollingOriginTotal(origin index: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        RollingOriginCheck.refittedTotal(history: history, isLog: model.isLog, origin: index, horizons: horizons) { cut, months in
            try? RegressionFit(series: cut, model: model, regressors: regressors).prediction(for: months)
        }
    }

    /// A regression refits at each origin; the most recent 40 (ten years) are enough to judge
    /// its spread and keep the cost of a long history bounded.
    var maximumRollingOrigins: Int { 40 }
}

/// The former name of ``RegressionFit``.
@available(*, deprecated, renamed: "RegressionFit")
public typealias ModelFit = RegressionFit
