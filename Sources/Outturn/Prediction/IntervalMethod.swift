/// How the spread of a projected figure is obtained.
public enum IntervalMethod: String, Sendable, CaseIterable {
    /// The model's own formula, checked against the series' history and widened when that
    /// history says it is too narrow (the default). From earlier origins after a warm-up, the same
    /// months ahead are forecast and their total compared with what happened: Theta and damped
    /// from every month, the ensemble from every third month ending as the last does (with the
    /// fitted parameters); regressions (refitted on the months known then, at the 40 most recent
    /// origins) and rules of thumb from every third month back from the latest origin whose
    /// months are all observed. When the root mean squared ratio of those errors to the
    /// model's standard deviations exceeds 1, σ̂ is multiplied by it; the Student-t then has as
    /// many degrees of freedom as the history holds independent totals (months spanned by the
    /// origins over the longest horizon, at least 2). Never narrower than the model's.
    case checked
    /// The model's own formula alone: for a regression the exact i.i.d. result, as R's `predict.lm`
    /// and the exact year-end variance σ̂²(cᵀ(XᵀX)⁻¹c + Σa²); for smoothing the state-space spread.
    case model
    /// The model's spread recalibrated on the series' own earlier years: from the same month of
    /// each of up to 8 earlier years, the same months ahead are forecast (regressions, Theta,
    /// damped and the ensemble refitted on the months known then; ETS re-filtered with its fitted
    /// parameters; rules of thumb applied there) and each total's
    /// error is divided by the model's standard deviation of it. With z₁ … zₙ those ratios, σ̂ is
    /// multiplied by S = √((1 + Σz²)/(1 + n)) and the Student-t has 1 + n degrees of freedom: the
    /// posterior predictive when the model's own spread is a prior worth one year (see
    /// `SpreadCalibration`). S may be below 1, so a model the history says is too wide is
    /// narrowed. Intervals and P(met) come from the same Student-t. Without an earlier year to
    /// check, the model's own spread stands.
    case calibrated
}
