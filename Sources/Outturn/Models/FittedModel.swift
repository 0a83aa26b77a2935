import Foundation

/// A fitted model of any family, seen through the ``Forecaster`` seam: a regression
/// (``RegressionFit``), exponential smoothing (``SmoothingFit``, ``ETSFit``) or a rule of thumb
/// (``SeasonalNaiveFit``, ``RunRateFit``). Everything downstream — forecasts, year-end
/// projections, scenarios — works on the joint predictive distribution any one gives.
public struct FittedModel: Sendable {
    /// The fitted model. Internal as the refinement projecting needs (see ``Forecaster``).
    let model: any JointForecaster

    init(_ model: any JointForecaster) {
        self.model = model
    }

    /// A regression fitted by least squares.
    public static func regression(_ fit: RegressionFit) -> FittedModel { FittedModel(fit) }
    /// Exponential smoothing: Theta, damped trend, or their combination.
    public static func smoothing(_ fit: SmoothingFit) -> FittedModel { FittedModel(fit) }
    /// A rule of thumb: seasonal naive or run-rate.
    public static func baseline(_ fit: BaselineFit) -> FittedModel { FittedModel(fit.rule) }
    /// An exponential-smoothing state-space model (ETS).
    public static func ets(_ fit: ETSFit) -> FittedModel { FittedModel(ETSForecaster(fit)) }

    /// The fitted model.
    public var forecaster: any Forecaster { model }

    /// The model's name: `theta`, or the regression's terms (e.g. `trend+season`).
    public var name: String { model.name }

    /// The months the model was fitted to.
    public var months: [Month] { model.months }

    /// The last fitted month.
    public var lastMonth: Month { model.lastMonth }

    /// In-sample fitted values on the original scale, one per fitted month.
    public var fittedValues: [Double] { model.isLogScale ? model.fittedValues.map { exp($0) } : model.fittedValues }

    /// σ̂ of the errors on the model's scale: residual standard error, or of Theta's one-step errors.
    public var sigma: Double { model.sigma }

    /// The degrees of freedom of σ̂ (the Student-t of the intervals).
    public var degreesOfFreedom: Int { model.degreesOfFreedom }

    /// The regression, when the model is one.
    public var regression: RegressionFit? { model as? RegressionFit }

    /// The regression with ARMA errors, when the model is one.
    public var armaErrors: ARMAErrorsFit? { model as? ARMAErrorsFit }

    /// The smoothing fit, when the model is one.
    public var smoothing: SmoothingFit? { model as? SmoothingFit }

    /// The ETS fit, when the model is one.
    public var ets: ETSFit? { (model as? ETSForecaster)?.fit }

    /// The combination, when the model is one.
    public var combination: CombinationFit? { model as? CombinationFit }

    /// The rule of thumb, when the model is one.
    public var baseline: BaselineFit? { BaselineFit(rule: model) }

    var isLog: Bool { model.isLogScale }

    /// The joint predictive distribution of `months` on the model's scale.
    func prediction(for months: [Month], overrides: RowOverrides = .none) throws(ModelError) -> JointPrediction {
        try model.prediction(for: months, overrides: overrides)
    }
}
