import Foundation

extension ARMAErrorsFit: Forecaster {
    /// The model's name with the orders used, e.g. `trend+season+arma(1,0)`.
    public var name: String { model.description }
    /// Whether the regression is fitted to log values.
    public var isLogScale: Bool { model.isLog }
}

extension ARMAErrorsFit: JointForecaster {
    /// The joint prediction of months after the history: mean x_fβ̂ + the ARMA forecast of u from
    /// the filtered state; error = the coefficients' error x_f(β − β̂) plus the error process's,
    /// u_{N+h} − û_{N+h} = e₁ᵀTʰ(α_N − a_N) + Σ_{k=1}^{h} ψ_{h−k} ε_{N+k}. So the rows Z carry
    /// Cov(β̂) (σ²ZZᵀ = X_f Cov(β̂) X_fᵀ) and the loadings L the state's uncertainty (through a
    /// square root of P_{N|N}) and the future innovations.
    /// - Throws: ``ModelError/forecastInsideHistory(model:month:)`` for a month not after the
    ///   history, ``ModelError/interventionNotInModel(_:)``, ``ModelError/missingRegressor(name:month:)``.
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction {
        try prediction(for: months, overrides: overrides, includingCoefficientUncertainty: true)
    }

    /// As ``prediction(for:overrides:)``; without the coefficients' uncertainty it is R's
    /// `predict.Arima` (whose bounds leave β̂'s error out).
    func prediction(for months: [Month], overrides: RowOverrides = .none,
                    includingCoefficientUncertainty: Bool) throws(ModelError) -> JointPrediction {
        for intervention in overrides.interventions.keys where !model.terms.contains(.intervention(intervention)) {
            throw .interventionNotInModel(intervention)
        }
        let horizons = months.map { lastMonth.distance(to: $0) }
        if let i = horizons.firstIndex(where: { $0 < 1 }) {
            throw .forecastInsideHistory(model: name, month: months[i])
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(months.count)
        for month in months { rows.append(try design.row(for: month, overrides: overrides)) }

        let r = process.stateDimension, longest = horizons.max() ?? 0
        let phi = (0..<r).map { process.phi($0 + 1) }
        // T·A for the companion T, A row-major with `width` columns.
        func advance(_ a: [Double], width: Int) -> [Double] {
            (0..<(r * width)).map { index in
                let i = index / width, c = index % width
                return phi[i] * a[c] + (i + 1 < r ? a[(i + 1) * width + c] : 0)
            }
        }
        var state = finalState
        var root = ARMADenseAlgebra.semidefiniteCholesky(finalCovariance, n: r)
        var stateMeans = [Double](repeating: 0, count: longest + 1)
        var stateLoadings = [[Double]](repeating: [], count: longest + 1)
        for h in stride(from: 1, through: longest, by: 1) {
            state = advance(state, width: 1)
            root = advance(root, width: r)
            stateMeans[h] = state[0]
            stateLoadings[h] = Array(root[0..<r])
        }
        let psi = process.psiWeights(count: longest)
        let loadings = horizons.map { h in
            var row = stateLoadings[h] + [Double](repeating: 0, count: longest)
            for k in 1...h { row[r + k - 1] = psi[h - k] }
            return row
        }
        let means = zip(rows, horizons).map { row, h in zip(row, beta).reduce(stateMeans[h]) { $0 + $1.0 * $1.1 } }

        let sigma = self.sigma
        var whitened = rows.map { _ in [Double]() }
        if includingCoefficientUncertainty, sigma > 0 {
            let columns = design.columnCount
            let factor = ARMADenseAlgebra.semidefiniteCholesky(coefficientCovariance.rowMajor, n: columns)
            whitened = rows.map { row in
                (0..<columns).map { j in (j..<columns).reduce(0.0) { $0 + row[$1] * factor[$1 * columns + j] } / sigma }
            }
        }
        return JointPrediction(months: months, means: means, whitenedRows: whitened, noiseLoadings: loadings,
                               sigma: sigma, degreesOfFreedom: degreesOfFreedom)
    }

    /// Every third month back from the latest origin whose horizons are inside the history, with
    /// two years before it, as for a regression.
    func rollingOrigins(longest: Int) -> [Int] {
        let observations = history.observations
        guard let first = observations.first?.month, let last = observations.last?.month else { return [] }
        return RollingOriginCheck.stepsBack(count: first.distance(to: last) + 1, longest: longest,
                                            earliest: ModelSelection.minimumSeasonalHistory - 1)
    }

    /// Refits β by generalised least squares on the months known at the origin, keeping the final
    /// fit's ARMA parameters (as the ensemble keeps its smoothing parameters), forecasts the same
    /// horizons and compares the total with what happened; `nil` when a month is unobserved or
    /// the refit fails.
    func rollingOriginTotal(origin index: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        RollingOriginCheck.refittedTotal(history: history, isLog: model.isLog, origin: index, horizons: horizons) { cut, months in
            guard let problem = try? ARMAErrorsProblem(series: cut, model: model, regressors: regressors),
                  let fit = problem.fit(order: order, parameters: armaCoefficients.compactMap(\.estimate)) else { return nil }
            return try? fit.prediction(for: months, overrides: .none)
        }
    }

    /// Each origin costs one filter pass; the most recent 40 (ten years) are enough.
    var maximumRollingOrigins: Int { 40 }
}

extension Matrix {
    /// The elements row by row.
    var rowMajor: [Double] {
        (0..<(rows * columns)).map { index in self[index / columns, index % columns] }
    }
}
