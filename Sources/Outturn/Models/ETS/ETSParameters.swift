/// The parameters of an ETS model in R's `fit$par` layout: smoothing parameters α, β, γ, the
/// damping φ, and the initial states ℓ₀, b₀ and s₀…s₁₀.
///
/// Seasonal states are ordered as R stores them: `s0` is the seasonal state of the month just
/// before the first observation, `s1` the month before that, … The twelfth state (the one of
/// the first observation's month a year earlier) is implied: Σs = 0 for an additive season,
/// Σs = 12 for a multiplicative one.
public struct ETSParameters: Hashable, Sendable {
    /// Level smoothing α.
    public var alpha: Double
    /// Trend smoothing β (R's error-correction β, 0 < β < α); `nil` without a trend.
    public var beta: Double?
    /// Seasonal smoothing γ (0 < γ < 1 − α); `nil` without a season.
    public var gamma: Double?
    /// Damping φ; `nil` unless the trend is damped.
    public var phi: Double?
    /// Initial level ℓ₀.
    public var level: Double
    /// Initial trend b₀; `nil` without a trend.
    public var trend: Double?
    /// Initial seasonal states s₀…s₁₀ (11 values); empty without a season.
    public var seasonal: [Double]

    /// Parameters as R reports them.
    public init(alpha: Double, beta: Double? = nil, gamma: Double? = nil, phi: Double? = nil,
                level: Double, trend: Double? = nil, seasonal: [Double] = []) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.level = level
        self.trend = trend
        self.seasonal = seasonal
    }

    /// Checks that exactly the model's parameters are present.
    func validate(for model: ETSModel) throws(ETSError) {
        guard (beta != nil) == model.hasTrend, (trend != nil) == model.hasTrend else {
            throw .parameterShape("β and b₀ go with a trend, and only with one")
        }
        guard (gamma != nil) == model.hasSeason,
              seasonal.count == (model.hasSeason ? ETSModel.period - 1 : 0) else {
            throw .parameterShape("γ and 11 seasonal states go with a season, and only with one")
        }
        guard (phi != nil) == model.isDamped else { throw .parameterShape("φ goes with a damped trend, and only with one") }
        let all = [alpha, beta ?? 0, gamma ?? 0, phi ?? 0, level, trend ?? 0] + seasonal
        guard all.allSatisfy(\.isFinite) else { throw .nonFiniteInput }
    }

    /// The full initial state vector [ℓ, b, s₀…s₁₁] with the implied twelfth seasonal state,
    /// as R's `lik` builds it before calling `etscalc`.
    func initialState(for model: ETSModel) -> [Double] {
        var x = [level]
        if let trend { x.append(trend) }
        if model.hasSeason {
            let target = model.season == .multiplicative ? Double(ETSModel.period) : 0
            x += seasonal
            x.append(target - seasonal.reduce(0, +))
        }
        return x
    }

    /// The parameters as one vector in R's order (α, β, γ, φ, ℓ, b, s₀…s₁₀).
    var vector: [Double] {
        [alpha] + [beta, gamma, phi].compactMap { $0 } + [level] + [trend].compactMap { $0 } + seasonal
    }

    /// The inverse of ``vector``.
    init(vector v: [Double], model: ETSModel) {
        var i = 0
        func take() -> Double { defer { i += 1 }; return i < v.count ? v[i] : .nan }
        alpha = take()
        beta = model.hasTrend ? take() : nil
        gamma = model.hasSeason ? take() : nil
        phi = model.isDamped ? take() : nil
        level = take()
        trend = model.hasTrend ? take() : nil
        seasonal = model.hasSeason ? (0..<(ETSModel.period - 1)).map { _ in take() } : []
    }
}
