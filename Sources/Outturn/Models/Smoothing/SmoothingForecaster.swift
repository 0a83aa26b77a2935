import Foundation

/// Theta's simple exponential smoothing levels after each observation and its drift.
struct ThetaComponent: Sendable {
    let alpha: Double
    let drift: Double
    let levels: [Double]

    /// ℓ_t + drift·(h − 1 + (1 − (1 − α)^{t+1})/α): the forecast h ahead of observation t.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        let catchUp = (1 - pow(1 - alpha, Double(t + 1))) / alpha
        return levels[t] + drift * (Double(h - 1) + catchUp)
    }
}

/// Theta fitted to sums of three-month blocks of the adjusted series, the last block ending at
/// the last observation; `nil` with fewer than four blocks.
struct QuarterlyTheta: Sendable {
    static let blockLength = 3
    let theta: ThetaComponent
    /// Observation index just before the first block.
    let offset: Int

    init?(adjusted: [Double]) {
        let k = Self.blockLength
        let count = adjusted.count / k
        guard count >= 4 else { return nil }
        let start = adjusted.count - count * k
        offset = start
        let sums = (0..<count).map { b in adjusted[(start + b * k)..<(start + (b + 1) * k)].reduce(0, +) }
        let ses = SimpleExponentialSmoothing(values: sums)
        let levels = zip(sums, ses.oneStepErrors).map { y, e in y - (1 - ses.alpha) * e }
        theta = ThetaComponent(alpha: ses.alpha, drift: leastSquaresSlope(sums) / 2, levels: levels)
    }

    /// The monthly share of the block forecast covering month t + h, when observation t ends a
    /// block; `nil` otherwise.
    func forecast(origin t: Int, horizon h: Int) -> Double? {
        let k = Self.blockLength
        guard (t + 1 - offset) % k == 0, t + 1 - offset >= k else { return nil }
        let block = (t + 1 - offset) / k - 1
        return theta.forecast(origin: block, horizon: (h - 1) / k + 1) / Double(k)
    }
}

/// The states of a fitted ``SmoothingFit`` after every observation: what forecasts from any
/// origin, in-sample or at the end, are made of.
struct SmoothingForecaster: Sendable {
    let adjusted: [Double]
    let decomposition: SeasonalDecomposition?
    let theta: ThetaComponent
    let damped: DampedTrendSmoothing?
    let quarters: QuarterlyTheta?
    var thetaWeight: Double
    var sigma = 0.0

    /// The seasonal index of observation t (t ≥ n continues into the future).
    func seasonalIndex(at t: Int) -> Double { decomposition?.index(at: t) ?? 1 }

    /// The monthly forecast (Theta and damped weighted) h months after observation t.
    func monthlyForecast(origin t: Int, horizon h: Int, thetaWeight weight: Double) -> Double {
        var value = 0.0
        if weight > 0 { value += weight * theta.forecast(origin: t, horizon: h) }
        if weight < 1, let damped {
            value += (1 - weight) * damped.forecast(level: damped.levels[t], trend: damped.trends[t], horizon: h)
        }
        return value
    }

    /// The forecast on the adjusted scale h months after observation t: the monthly forecast,
    /// averaged with the quarterly one when t ends a quarter block.
    func forecast(origin t: Int, horizon h: Int) -> Double {
        let monthly = monthlyForecast(origin: t, horizon: h, thetaWeight: thetaWeight)
        guard let quarterly = quarters?.forecast(origin: t, horizon: h) else { return monthly }
        return (monthly + quarterly) / 2
    }

    /// c_lag: the loading of an innovation on the error `lag` months later.
    func loading(lag: Int) -> Double {
        thetaWeight * theta.alpha + (1 - thetaWeight) * (damped?.loading(lag: lag) ?? 0)
    }

    /// Root mean squared error of the in-sample 12-month totals of the monthly forecast with a
    /// given Theta weight, from every origin after the warm-up; `nil` with too few origins.
    func inSampleTotalError(thetaWeight weight: Double) -> Double? {
        let origins = calibrationOrigins(longest: 12, blockAligned: false)
        guard origins.count >= SpreadCheck.minimumOrigins else { return nil }
        let squares = origins.map { t in
            let error = (1...12).reduce(0.0) { sum, h in
                sum + (adjusted[t + h] - monthlyForecast(origin: t, horizon: h, thetaWeight: weight)) * seasonalIndex(at: t + h)
            }
            return error * error
        }
        return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }

    /// Origins t from the warm-up to n − 1 − longest; with quarters, only those ending a block
    /// the way the last observation does, so every in-sample forecast is made as the final one is.
    func calibrationOrigins(longest: Int, blockAligned: Bool) -> [Int] {
        let last = adjusted.count - 1 - longest
        guard last >= SmoothingFit.calibrationWarmUp else { return [] }
        let all = Array(SmoothingFit.calibrationWarmUp...last)
        guard blockAligned, quarters != nil else { return all }
        return all.filter { (adjusted.count - 1 - $0) % SpreadCheck.originStep == 0 }
    }

    /// The model's standard deviation of the total over `horizons` from origin t, per unit σ.
    func unitTotalDeviation(origin t: Int, horizons: [Int]) -> Double {
        guard let longest = horizons.max() else { return 0 }
        var combined = [Double](repeating: 0, count: longest)
        for h in horizons {
            let s = seasonalIndex(at: t + h)
            for j in 1...h { combined[j - 1] += s * (j == h ? 1 : loading(lag: h - j)) }
        }
        return combined.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }

    /// The error of the total over `horizons` forecast from observation t, and the model's
    /// variance of it: one origin of a ``RollingOriginCheck``.
    func originTotal(origin t: Int, horizons: [Int]) -> RollingOriginCheck.Total {
        var error = 0.0
        for h in horizons {
            error += (adjusted[t + h] - forecast(origin: t, horizon: h)) * seasonalIndex(at: t + h)
        }
        let deviation = sigma * unitTotalDeviation(origin: t, horizons: horizons)
        return (error, deviation * deviation)
    }
}
