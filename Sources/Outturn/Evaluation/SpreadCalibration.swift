import Foundation

/// The spread of a total calibrated on the series' own earlier years (see
/// ``IntervalMethod/calibrated``): the same months ahead, forecast from the same month of each
/// earlier year, and the errors of their totals standardised by the model's own standard
/// deviation of them.
///
/// **The rule.** With z₁ … zₙ those standardised errors (n ≤ ``maximumYears``), the model claims
/// z ~ N(0, 1); the history may say the scale s is larger or smaller. Take the conjugate prior
/// s² ~ scaled-Inv-χ²(ν₀, 1) — the model's own spread, worth ν₀ observations — so the posterior
/// is scaled-Inv-χ²(ν₀ + n, S²) with
///
///     S² = (ν₀ + Σ zᵢ²) / (ν₀ + n),
///
/// and the posterior predictive of the next year's z is a Student-t with ν₀ + n degrees of
/// freedom and scale S (Gelman et al., *Bayesian Data Analysis*, §3.2). The projection keeps the
/// model's point and multiplies σ̂ by S, with those degrees of freedom, so the intervals and
/// P(met) read the same distribution and stay coherent. S may be below 1: the calibration narrows
/// a model whose history says it is too wide, which ``IntervalMethod/checked`` never does.
///
/// **ν₀ = 1**: a unit-information prior (Kass & Wasserman 1995), worth one year's error, so that
/// the history outweighs the model from the second year on while one odd year cannot collapse
/// the interval. With ν₀ → 0 the rule is the exact frequentist prediction interval for a normal
/// scale, z_new / √(Σz²/n) ~ t_n; ν₀ = 1 differs from it by one pseudo-year.
///
/// Why not split-conformal quantiles of |z|: at level 1 − α they need ⌈(n + 1)(1 − α)⌉ ≤ n, i.e.
/// n ≥ 19 years for a finite 95% interval; at most eight years are used here.
///
/// With no earlier year to check (n = 0), the model's own spread stands unchanged: the predictive
/// of the prior alone (a Student-t with ν₀ = 1 degree of freedom, a Cauchy) says nothing the
/// model's own formula does not say better.
struct SpreadCalibration: Sendable, Equatable {
    /// The standardised errors z of the earlier years, most recent first.
    let errors: [Double]
    /// S: the factor σ̂ is multiplied by.
    let scale: Double
    /// ν₀ + n: the degrees of freedom of the posterior predictive Student-t.
    let degreesOfFreedom: Int

    /// ν₀: the prior's weight, in years (see the type's notes).
    static let priorYears = 1
    /// The most earlier years used: bounds the cost of the refits and keeps the calibration to
    /// the recent behaviour of the series.
    static let maximumYears = 8

    /// The calibration from the standardised errors `errors`; `nil` when there are none.
    init?(errors: [Double]) {
        let finite = errors.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        let prior = Double(Self.priorYears)
        let squares = finite.reduce(0.0) { $0 + $1 * $1 }
        self.errors = finite
        scale = ((prior + squares) / (prior + Double(finite.count))).squareRoot()
        degreesOfFreedom = Self.priorYears + finite.count
    }

    /// The prediction with σ̂ multiplied by ``scale`` and the calibration's degrees of freedom.
    func applied(to prediction: JointPrediction) -> JointPrediction {
        JointPrediction(months: prediction.months, means: prediction.means, whitenedRows: prediction.whitenedRows,
                        noiseLoadings: prediction.noiseLoadings, sigma: prediction.sigma * scale,
                        degreesOfFreedom: degreesOfFreedom)
    }

    /// The calibration of `model`'s spread of the total over `horizons` (months after its last
    /// fitted month, all ≥ 1) from the same cut of up to ``maximumYears`` earlier years.
    ///
    /// Each earlier year's origin is the last fitted month minus 12, 24, … months, so the
    /// forecast covers the same calendar months at the same distance. The model forecasts from
    /// there by ``JointForecaster/reestimatedOriginTotal(origin:horizons:)``: regressions are
    /// refitted on the months known at the origin (with ARMA errors, keeping the ARMA
    /// parameters), and so are Theta, damped and the ensemble (seasonal indices, smoothing
    /// parameters and weight; eight fits at most); ETS re-filters the history up to the origin
    /// with the parameters fitted to the whole, and the rules of thumb apply their rule there.
    /// Re-estimating matters: with the final fit's parameters, chosen with the later years in
    /// view, the ensemble's earlier errors were too small and its calibrated 80% intervals covered
    /// 74% of M3's year totals at k = 0 (85% when re-estimated). Origins before the model's
    /// earliest rolling origin (its warm-up), and years with a month of the horizons unobserved or
    /// a zero variance, are skipped. `nil` when no year remains or σ̂ is 0.
    static func fromEarlierYears(of model: some JointForecaster, horizons: [Int]) -> SpreadCalibration? {
        guard let longest = horizons.max(), horizons.allSatisfy({ $0 >= 1 }), model.sigma > 0,
              let first = model.months.first, let earliest = model.rollingOrigins(longest: longest).min()
        else { return nil }
        let last = first.distance(to: model.lastMonth)
        var errors: [Double] = []
        var origin = last - 12
        while origin >= earliest, errors.count < maximumYears {
            if origin + longest <= last, let total = model.reestimatedOriginTotal(origin: origin, horizons: horizons),
               total.variance > 0, total.error.isFinite {
                errors.append(total.error / total.variance.squareRoot())
            }
            origin -= 12
        }
        return SpreadCalibration(errors: errors)
    }
}
