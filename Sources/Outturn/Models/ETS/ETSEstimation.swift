import Foundation

extension ETSFit {
    /// Estimates `model` by maximum likelihood, as R's `ets(y, model = …)` with its defaults:
    /// `opt.crit = "lik"`, `bounds = "both"`, initial states estimated, R's Nelder–Mead from
    /// R's `initparam`/`initstate` starting values, polished briefly where R's run ends on its
    /// budget, so the optimum is R's or slightly better.
    /// - Throws: ``ETSError`` when the data do not allow the model.
    public init(estimating model: ETSModel, start: Month, values: [Double]) throws(ETSError) {
        guard model.isAdmissible else { throw .inadmissibleModel(model.description) }
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
        if model.needsPositiveData, values.contains(where: { $0 <= 0 }) {
            throw .nonPositiveData(model: model.description)
        }
        guard values.count > model.freeParameterCount + 4 else {
            throw .tooFewObservations(model: model.description, needed: model.freeParameterCount + 5,
                                      available: values.count)
        }
        let best = ETSEstimation.optimise(model: model, values: values)
        guard best.value.isFinite else { throw .numericalFailure(model: model.description) }
        try self.init(model: model, parameters: ETSParameters(vector: best.point, model: model),
                      start: start, values: values)
    }

    /// R's automatic `ets(y)`: every admissible candidate the data allow (multiplicative
    /// components only for strictly positive data), estimated, and the one with the smallest
    /// AICc kept.
    /// - Throws: ``ETSError/noModelFitted`` when no candidate can be estimated.
    public init(selectingFrom candidates: [ETSModel]? = nil, start: Month, values: [Double]) throws(ETSError) {
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
        let positive = values.allSatisfy { $0 > 0 }
        let models = candidates ?? ETSModel.candidates(strictlyPositive: positive, count: values.count)
        var best: ETSFit?
        for model in models {
            guard let fit = try? ETSFit(estimating: model, start: start, values: values) else { continue }
            if let current = best, current.aicc <= fit.aicc { continue }
            best = fit
        }
        guard let best else { throw .noModelFitted }
        self = best
    }
}

/// Starting values and the objective of R's ETS estimation.
enum ETSEstimation {
    /// Evaluations of the polishing run after R's Nelder–Mead has spent its budget.
    static let polishBudget = 300
    /// The polishing run's initial steps, as a fraction of ``steps(for:model:values:)``.
    static let polishStepScale = 0.1

    /// The maximum-likelihood parameter vector (R's layout) and its objective value.
    ///
    /// R's own path: ``ETSNelderMead`` (R's `nmmin`, 2,000 evaluations) from R's
    /// `initparam`/`initstate`, so the optimum is R's, found with R's evaluations. Where R's run
    /// stops on its budget rather than on its tolerance (every seasonal model on 120 months),
    /// one short Nelder–Mead run with steps of a tenth of the usual simplex polishes the point:
    /// R's point is not converged, and rounding can make the paths part by ~1e-5 of the
    /// objective after a thousand steps. On air passengers and 20 M3 series × every candidate
    /// model (315 fits) this reproduced R's value exactly on 305, was never worse than R's by
    /// more than 1e-6 relative and better on 148, for 10% more evaluations than R's alone
    /// (the former multi-start search took 5× R's).
    static func optimise(model: ETSModel, values: [Double]) -> (point: [Double], value: Double, evaluations: Int) {
        let start = initialParameters(model: model, values: values)
        let objective = ETSObjective(model: model, values: values)
        var simplex = ETSNelderMead()
        // Four trial points at once pay where an evaluation waits on the trend's longer chain.
        simplex.speculative = model.hasTrend
        let first = simplex.minimise(lanes: { objective(lanes: $0, count: $1) }, start: start.vector)
        guard first.value.isFinite else {
            // R's start fits perfectly (a constant series): R floors n·log 0 at −1e10 and stops
            // there with an infinite likelihood. Outturn's objective refuses a perfect fit, so a
            // simplex that steps back from infeasible points looks for the nearest imperfect one.
            var fallback = NelderMead()
            fallback.maximumEvaluations = 2000
            let run = fallback.minimise(lanes: { objective(lanes: $0, count: $1) }, start: start.vector,
                                        steps: steps(for: start, model: model, values: values))
            return (run.point, run.value, first.evaluations + run.evaluations)
        }
        var best = (point: first.point, value: first.value, evaluations: first.evaluations)
        guard !first.converged else { return best }
        var polish = NelderMead()
        polish.maximumEvaluations = polishBudget
        polish.speculative = model.hasTrend
        let steps = steps(for: ETSParameters(vector: first.point, model: model), model: model, values: values)
            .map { $0 * polishStepScale }
        let run = polish.minimise(lanes: { objective(lanes: $0, count: $1) }, start: first.point, steps: steps)
        best.evaluations += run.evaluations
        if run.value < best.value { best.point = run.point; best.value = run.value }
        return best
    }

    /// R's `lik` objective: n log SSE (+ 2Σlog|μ|), +∞ outside the bounds or when the states
    /// break the model (R returns `Inf` there too), floored at −1e10 as R does. The reference
    /// for ``ETSObjective``, which computes the same value without allocating.
    static func referenceObjective(_ v: [Double], model: ETSModel, values: [Double]) -> Double {
        let p = ETSParameters(vector: v, model: model)
        guard v.allSatisfy(\.isFinite),
              ETSBounds.accepts(alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi) else { return .infinity }
        let x0 = p.initialState(for: model)
        if model.season == .multiplicative, x0.suffix(ETSModel.period).contains(where: { $0 <= 0 }) {
            return .infinity
        }
        let pass = ETSRecursion.run(values, model: model, alpha: p.alpha, beta: p.beta, gamma: p.gamma,
                                    phi: p.phi, initialState: x0, keepSeries: false)
        guard pass.lik.isFinite else { return .infinity }
        return max(pass.lik, -1e10)
    }

    /// R's `initparam` (α, β, γ, φ) and `initstate` (ℓ₀, b₀, seasonal states).
    static func initialParameters(model: ETSModel, values: [Double]) -> ETSParameters {
        let m = ETSModel.period
        let lo = ETSBounds.lower, up = ETSBounds.upper
        // initparam: alpha a fifth of the way up the range divided by the period.
        let alpha = lo.alpha + 0.2 * (up.alpha - lo.alpha) / Double(model.hasSeason ? m : 1)
        let beta: Double? = model.hasTrend ? lo.beta + 0.1 * (min(up.beta, alpha) - lo.beta) : nil
        let gamma: Double? = model.hasSeason ? lo.gamma + 0.05 * (min(up.gamma, 1 - alpha) - lo.gamma) : nil
        let phi: Double? = model.isDamped ? lo.phi + 0.99 * (up.phi - lo.phi) : nil

        // initstate: the seasonal figure of R's `decompose` on the whole series (a line and one
        // Fourier pair when there are fewer than three years), then the seasonally adjusted data.
        var adjusted = values
        var seasonal: [Double] = []
        if model.hasSeason {
            let multiplicative = model.season == .multiplicative
            let pattern = seasonalPattern(values, multiplicative: multiplicative)
            // R: init.seas <- rev(seasonal[2:m]); s0 is the month before the first observation.
            seasonal = (1..<m).reversed().map { pattern[$0] }
            if multiplicative {
                seasonal = seasonal.map { max($0, 1e-2) }
                let total = seasonal.reduce(0, +)
                if total > Double(m) { seasonal = seasonal.map { $0 / (total + 1e-2 * Double(m - 1)) } }
            }
            adjusted = values.indices.map { i in
                multiplicative ? values[i] / max(pattern[i], 1e-2) : values[i] - pattern[i]
            }
        }
        let maxn = min(max(10, 2 * (model.hasSeason ? m : 1)), adjusted.count)
        let head = Array(adjusted.prefix(maxn))
        var level = head.reduce(0, +) / Double(maxn)
        var trend: Double?
        if model.hasTrend {
            // Least squares of the adjusted values on t = 1 … maxn: ℓ₀ the intercept at t = 0.
            let ts = (1...maxn).map(Double.init)
            let tMean = ts.reduce(0, +) / Double(maxn)
            var sxy = 0.0, sxx = 0.0
            for (t, y) in zip(ts, head) { sxy += (t - tMean) * (y - level); sxx += (t - tMean) * (t - tMean) }
            let slope = sxy / sxx
            level -= slope * tMean
            trend = slope
            if abs(level + slope) < 1e-8 { level *= 1 + 1e-3; trend = slope * (1 - 1e-3) }
        }
        return ETSParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi, level: level, trend: trend,
                             seasonal: seasonal)
    }

    /// R's `initstate` seasonal component, one value per observation: `decompose(y)$seasonal`
    /// (the figure repeated, position 0 being the first observation's month) when there are at
    /// least three years; otherwise y less (or over) the line of `tslm(y ~ trend + fourier(y, 1))`.
    static func seasonalPattern(_ values: [Double], multiplicative: Bool) -> [Double] {
        let m = ETSModel.period
        let n = values.count
        guard n >= 3 * m else {
            let ts = (1...max(n, 1)).map(Double.init)
            let design = Matrix(columns: [ts.map { _ in 1 }, ts, ts.map { sin(Double.pi * (2.0 / 12) * $0) },
                                          ts.map { cos(Double.pi * (2.0 / 12) * $0) }])
            guard let fit = try? LeastSquares(design: design, response: values),
                  let c0 = fit.coefficients[0], let c1 = fit.coefficients[1] else {
                return values.map { _ in multiplicative ? 1 : 0 }
            }
            return values.indices.map { i in
                let line = c0 + c1 * Double(i + 1)
                return multiplicative ? values[i] / line : values[i] - line
            }
        }
        let figure = seasonalFigure(values, multiplicative: multiplicative)
        return values.indices.map { figure[$0 % m] }
    }

    /// The seasonal figure of R's `decompose` on the whole series: the average deviation from
    /// a centred 2×12 moving average (R's `filter`, summed in its order) by position in the
    /// year, normalised to sum 0 (additive) or mean 1 (multiplicative). Position 0 is the first
    /// observation's month.
    static func seasonalFigure(_ values: [Double], multiplicative: Bool) -> [Double] {
        let m = ETSModel.period
        let n = values.count
        var sums = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
        let half = m / 2
        let weights = (0...m).map { $0 == 0 || $0 == m ? 0.5 / Double(m) : 1 / Double(m) }
        if n > m {
            for i in half..<(n - half) {
                var average = 0.0
                for j in 0...m { average += weights[j] * values[i + half - j] }
                sums[i % m] += multiplicative ? values[i] / average : values[i] - average
                counts[i % m] += 1
            }
        }
        var figure = (0..<m).map { counts[$0] > 0 ? sums[$0] / counts[$0] : (multiplicative ? 1 : 0) }
        let mean = figure.reduce(0, +) / Double(m)
        figure = figure.map { multiplicative ? $0 / mean : $0 - mean }
        return figure
    }

    /// Initial simplex steps: a tenth of each smoothing parameter's range, a tenth of the level
    /// for states on its scale.
    static func steps(for p: ETSParameters, model: ETSModel, values: [Double]) -> [Double] {
        let scale = max(abs(p.level), 1e-8)
        var steps: [Double] = [0.1]
        if model.hasTrend { steps.append(0.01) }
        if model.hasSeason { steps.append(0.01) }
        if model.isDamped { steps.append(0.02) }
        steps.append(0.1 * scale)
        if let trend = p.trend { steps.append(max(0.1 * abs(trend), 0.001 * scale)) }
        for s in p.seasonal {
            steps.append(model.season == .multiplicative ? 0.05 : max(0.1 * abs(s), 0.01 * scale))
        }
        return steps
    }
}
