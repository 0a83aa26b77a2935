import Foundation

extension ETSFit {
    /// Estimates `model` by maximum likelihood, as R's `ets(y, model = …)` with its defaults:
    /// `opt.crit = "lik"`, `bounds = "both"`, initial states estimated, Nelder–Mead from R's
    /// `initparam`/`initstate` starting values (and one or two more starts where the likelihood
    /// is multimodal). From each start the simplex is restarted from its optimum while that
    /// improves the likelihood, at most three runs, so the optimum is usually better than R's.
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
    /// Nelder–Mead runs per starting point at most: the first plus two restarts.
    static let runsPerStart = 3
    /// A restart that improves the objective by less than this, relative, ends the descent.
    static let restartTolerance = 1e-6

    /// The maximum-likelihood parameter vector (R's layout) and its objective value.
    ///
    /// Nelder–Mead with R's budget (2,000 evaluations a run) from R's `initparam`/`initstate`
    /// starting values and from one or two more starts where the likelihood is known to be
    /// multimodal; from each start the simplex is restarted from its optimum while that still
    /// improves the objective by 1e-6 relative, at most ``runsPerStart`` runs. On the 53 fits of
    /// the oracle files (8 series × R's model, 3 series × 15 models) this is no worse than
    /// R's optimum wherever twelve runs of 4,000 were, for a third of the evaluations.
    static func optimise(model: ETSModel, values: [Double]) -> (point: [Double], value: Double, evaluations: Int) {
        let startParameters = initialParameters(model: model, values: values)
        let objective = ETSObjective(model: model, values: values)
        let steps = steps(for: startParameters, model: model, values: values)
        var optimiser = NelderMead()
        optimiser.maximumEvaluations = 2000
        var evaluations = 0
        // Nelder–Mead stalls on these ridges; restarting with a fresh full-size simplex from the
        // best point found lets it escape.
        func descend(from x: [Double]) -> (point: [Double], value: Double) {
            var best = (point: x, value: objective(x))
            evaluations += 1
            for _ in 0..<runsPerStart {
                let run = optimiser.minimise({ objective($0) }, start: best.point, steps: steps)
                evaluations += run.evaluations
                let improved = best.value - run.value
                if run.value < best.value { best = (run.point, run.value) }
                if improved.isFinite, improved < restartTolerance * abs(best.value) { break }
            }
            return best
        }
        var best = descend(from: startParameters.vector)
        var others: [ETSParameters] = []
        if model.hasSeason {
            // The likelihood is multimodal in (α, γ), and R's small starting α sometimes leads a
            // single descent to a worse mode: one more start with faster smoothing.
            var faster = startParameters
            faster.alpha = 0.3
            faster.gamma = 0.2
            if let beta = faster.beta { faster.beta = min(beta, 0.01) }
            others.append(faster)
        } else if model.hasTrend {
            // Without a season the optimum can sit at β close to α (temperatures: R's ETS(A,A,N)
            // has α ≈ β ≈ 0.83), far from R's start at β = α/10; these fits are cheap.
            var steep = startParameters
            steep.alpha = 0.9
            steep.beta = 0.5
            others.append(steep)
        }
        for start in others {
            let other = descend(from: start.vector)
            if other.value < best.value { best = other }
        }
        return (best.point, best.value, evaluations)
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

        // initstate: classical decomposition of the first three years for the season.
        var adjusted = values
        var seasonal: [Double] = []
        if model.hasSeason {
            let figure = seasonalFigure(values, multiplicative: model.season == .multiplicative)
            // R: init.seas <- rev(seasonal[2:m]); s0 is the month before the first observation.
            seasonal = (1..<m).reversed().map { figure[$0] }
            if model.season == .multiplicative {
                seasonal = seasonal.map { max($0, 1e-2) }
                let total = seasonal.reduce(0, +)
                if total > Double(m) { seasonal = seasonal.map { $0 / (total + 1e-2 * Double(m - 1)) } }
            }
            let span = min(values.count, 3 * m)
            adjusted = (0..<span).map { i in
                model.season == .additive ? values[i] - figure[i % m] : values[i] / max(figure[i % m], 1e-2)
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

    /// The seasonal figure of R's `decompose` on the first three years (or as many whole years
    /// as there are, at least two): the average deviation from a centred 2×12 moving average
    /// by position in the year, normalised to sum 0 (additive) or mean 1 (multiplicative).
    /// Position 0 is the first observation's month.
    static func seasonalFigure(_ values: [Double], multiplicative: Bool) -> [Double] {
        let m = ETSModel.period
        let n = min(values.count, 3 * m)
        var sums = [Double](repeating: 0, count: m), counts = [Double](repeating: 0, count: m)
        let half = m / 2
        if n > m {
            for i in half..<(n - half) {
                var average = 0.5 * (values[i - half] + values[i + half])
                for j in (i - half + 1)..<(i + half) { average += values[j] }
                average /= Double(m)
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
