import Foundation

/// What fitting a regression with ARMA errors to one history sets up once for every order tried:
/// the run of consecutive months from the first to the last observed one, which of them are
/// observed, the response (log for a log model) and the design over that run.
struct ARMAErrorsProblem: Sendable {
    let model: RegressionFormula
    let history: MonthlySeries
    let regressors: [String: MonthlySeries]
    /// The observed months used (within the model's window).
    let months: [Month]
    let observed: [Bool]
    let response: [Double]
    let design: DesignMatrix
    /// The design over the run; rows of unobserved months are zero (the filter never reads them).
    let matrix: Matrix
    /// Σ log y for a log model (the Jacobian that puts its likelihood on the original scale), else 0.
    let jacobian: Double
    /// Rank of the (unwhitened) design on the observed months.
    let rank: Int

    var observationCount: Int { months.count }

    init(series: MonthlySeries, model: RegressionFormula, regressors: [String: MonthlySeries]) throws(ModelError) {
        let observations = try model.fittedObservations(of: series)
        guard let first = observations.first?.month, let last = observations.last?.month, observations.count >= 2 else {
            throw .tooFewObservations(model: model.description, needed: 2, available: observations.count)
        }
        let months = observations.map(\.month)
        let design = DesignMatrix(model: model, fittedMonths: months, regressors: regressors)
        // The design's own checks (empty, non-finite, missing regressor) surface here, as for least squares.
        let observedDesign = try design.matrix(for: months)
        let values = observations.map { model.isLog ? log($0.value) : $0.value }
        let check = try LeastSquares(design: observedDesign, response: values)

        let span = first.distance(to: last) + 1
        var observed = [Bool](repeating: false, count: span)
        var response = [Double](repeating: 0, count: span)
        var matrix = Matrix(rows: span, columns: design.columnCount)
        for (i, month) in months.enumerated() {
            let t = first.distance(to: month)
            observed[t] = true
            response[t] = values[i]
            for j in 0..<design.columnCount { matrix[t, j] = observedDesign[i, j] }
        }
        self.model = model
        self.history = series
        self.regressors = regressors
        self.months = months
        self.observed = observed
        self.response = response
        self.design = design
        self.matrix = matrix
        jacobian = model.isLog ? values.reduce(0, +) : 0
        rank = check.rank
    }

    /// Fits the errors with `order` by maximum likelihood (``ARMAErrorsEstimation``).
    /// Without `standardErrors` the ARMA parameters' are left out and Cov(β̂) is the GLS one
    /// (cheaper, for candidates that are only compared).
    func fit(order: ARMAOrder, standardErrors: Bool = true) throws(ModelError) -> ARMAErrorsFit {
        let name = model.with(errors: .fixed(order)).description
        let needed = rank + order.parameterCount + 1
        guard months.count >= needed else {
            throw .tooFewObservations(model: name, needed: needed, available: months.count)
        }
        let likelihood = ARMAErrorsLikelihood(order: order, observed: observed, response: response, design: matrix)
        guard let estimation = ARMAErrorsEstimation(likelihood: likelihood, standardErrors: standardErrors) else { throw .emptyDesign }
        return assemble(order: order, estimation: estimation, standardErrors: estimation.parameterStandardErrors,
                        covariance: estimation.coefficientCovariance, profile: estimation.optimum)
    }

    /// The fit at given ARMA parameters, β by generalised least squares (for checks from earlier
    /// origins, which keep the final fit's parameters); `nil` when they do not give a usable fit.
    func fit(order: ARMAOrder, parameters: [Double]) -> ARMAErrorsFit? {
        guard months.count >= rank + order.parameterCount + 1 else { return nil }
        let likelihood = ARMAErrorsLikelihood(order: order, observed: observed, response: response, design: matrix)
        guard let profile = likelihood.profile(parameters) else { return nil }
        var covariance = profile.solution.unscaledCovariance()
        let sigma2 = profile.sumOfSquares / Double(months.count - profile.solution.rank - order.parameterCount)
        for i in covariance.storage.indices { covariance.storage[i] *= sigma2 }
        return assemble(order: order, estimation: nil, standardErrors: parameters.map { _ in nil },
                        covariance: covariance, profile: profile)
    }

    private func assemble(order: ARMAOrder, estimation: ARMAErrorsEstimation?, standardErrors: [Double?],
                          covariance: Matrix, profile: ARMAErrorsLikelihood.Profile) -> ARMAErrorsFit {
        let solution = profile.solution, filter = profile.filter
        let k = solution.rank + order.parameterCount
        let n = months.count
        let sigma2 = profile.sumOfSquares / Double(n - k)
        let beta = solution.denseCoefficients
        // The filtered state of u = y − Xβ̂: the filter is linear, so it is y's state minus β̂ times the columns'.
        let r = filter.finalState.count / filter.columns, m = filter.columns
        let state = (0..<r).map { i in
            (0..<design.columnCount).reduce(filter.finalState[i * m]) { $0 - beta[$1] * filter.finalState[i * m + $1 + 1] }
        }
        // R's fitted(Arima): y − the standardised innovations at β̂.
        let whitenedFit = solution.fitted
        var fitted: [Double] = []
        fitted.reserveCapacity(n)
        var row = 0
        for t in observed.indices where observed[t] {
            let innovation = filter.whitened[row] - whitenedFit[row]
            fitted.append(response[t] - innovation)
            row += 1
        }
        let names = (0..<order.p).map { "ar\($0 + 1)" } + (0..<order.q).map { "ma\($0 + 1)" }
            + (order.seasonalAR ? ["sar1"] : [])
        let armaCoefficients = names.indices.map {
            ARMAErrorsFit.Coefficient(term: names[$0], estimate: profile.parameters[$0], standardError: standardErrors[$0])
        }
        return ARMAErrorsFit(
            model: model.with(errors: .fixed(order)), order: order, months: months,
            armaCoefficients: armaCoefficients,
            coefficients: Self.reportedCoefficients(design: design, beta: solution.coefficients, covariance: covariance),
            sigma2: sigma2, logLikelihood: profile.logLikelihood - jacobian, parameterCount: k, rank: solution.rank,
            design: design, process: ARMAProcess(order: order, parameters: profile.parameters), beta: beta,
            coefficientCovariance: covariance, finalState: state, finalCovariance: filter.finalCovariance,
            fittedValues: fitted, history: history, regressors: regressors)
    }

    /// Undoes the trend centring (see ``DesignMatrix``): intercept a − b·t̄, its variance by the same map.
    private static func reportedCoefficients(design: DesignMatrix, beta: [Double?], covariance: Matrix)
        -> [ARMAErrorsFit.Coefficient] {
        var estimates = beta
        var variances = (0..<design.columnCount).map { j in estimates[j] == nil ? nil : covariance[j, j] }
        if let t = design.trendColumn, let a = estimates[0], let b = estimates[t] {
            let c = design.trendCentre
            estimates[0] = a - b * c
            variances[0] = covariance[0, 0] + c * c * covariance[t, t] - 2 * c * covariance[0, t]
        }
        return design.termNames.indices.map { j in
            ARMAErrorsFit.Coefficient(term: design.termNames[j], estimate: estimates[j],
                                      standardError: variances[j].map { max($0, 0).squareRoot() })
        }
    }
}
