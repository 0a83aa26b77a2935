import Foundation

/// A fitted model of either family: a regression (``ModelFit``) or exponential smoothing
/// (``SmoothingFit``). Everything downstream — forecasts, year-end projections, scenarios — works
/// on the joint predictive distribution either one gives.
public enum FittedModel: Sendable {
    /// A regression fitted by least squares.
    case regression(ModelFit)
    /// Exponential smoothing: Theta, damped trend, or their combination.
    case smoothing(SmoothingFit)
    /// A rule of thumb: seasonal naive or run-rate.
    case baseline(BaselineFit)

    /// The model's name: `theta`, or the regression's terms (e.g. `trend+season`).
    public var name: String {
        switch self {
        case .regression(let fit): fit.model.description
        case .smoothing(let fit): fit.method.rawValue
        case .baseline(let fit): fit.method.rawValue
        }
    }

    /// The months the model was fitted to.
    public var months: [Month] {
        switch self {
        case .regression(let fit): fit.months
        case .smoothing(let fit): fit.months
        case .baseline(let fit): fit.months
        }
    }

    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }

    /// In-sample fitted values on the original scale, one per fitted month.
    public var fittedValues: [Double] {
        switch self {
        case .regression(let fit): fit.model.isLog ? fit.fittedValues.map { exp($0) } : fit.fittedValues
        case .smoothing(let fit): fit.fittedValues
        case .baseline(let fit): fit.fittedValues
        }
    }

    /// σ̂ of the errors on the model's scale: residual standard error, or of Theta's one-step errors.
    public var sigma: Double {
        switch self {
        case .regression(let fit): fit.sigma
        case .smoothing(let fit): fit.sigma
        case .baseline(let fit): fit.sigma
        }
    }

    /// The degrees of freedom of σ̂ (the Student-t of the intervals).
    public var degreesOfFreedom: Int {
        switch self {
        case .regression(let fit): fit.degreesOfFreedom
        case .smoothing(let fit): fit.degreesOfFreedom
        case .baseline(let fit): fit.degreesOfFreedom
        }
    }

    /// The regression, when the model is one.
    public var regression: ModelFit? {
        if case .regression(let fit) = self { fit } else { nil }
    }

    var isLog: Bool { regression?.model.isLog ?? false }

    /// The joint predictive distribution of `months` on the model's scale.
    func prediction(for months: [Month], overrides: RowOverrides = .none) throws(ModelError) -> JointPrediction {
        switch self {
        case .regression(let fit): return try fit.prediction(for: months, overrides: overrides)
        case .smoothing(let fit):
            if let intervention = overrides.interventions.keys.first { throw .interventionNotInModel(intervention) }
            return try fit.prediction(for: months)
        case .baseline(let fit):
            if let intervention = overrides.interventions.keys.first { throw .interventionNotInModel(intervention) }
            return try fit.prediction(for: months)
        }
    }
}
