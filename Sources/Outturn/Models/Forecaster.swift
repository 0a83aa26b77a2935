import Foundation

/// A model fitted to one indicator's history, whatever its family: a regression
/// (``RegressionFit``), exponential smoothing (``SmoothingFit``), or a rule of thumb
/// (``SeasonalNaiveFit``, ``RunRateFit``).
///
/// Everything downstream — forecasts, year-end projections, scenarios and the check of a model's
/// spread against its own history — works through this one seam, as R's `forecast` object and
/// statsforecast's models do. Adding a model is one new file whose type conforms, plus a name in
/// ``ModelChoice``.
///
/// The public requirements are what a reader of a fit needs. What projecting needs besides — the
/// joint predictive distribution of several months and the totals from earlier origins that
/// ``IntervalMethod/checked`` compares — is built on internal types, so it lives in an internal
/// refinement that every model of the library also conforms to; a model defined outside the
/// library can describe a fit but is not projected.
public protocol Forecaster: Sendable {
    /// The model's name as `--model` takes it: `theta`, `snaive`, or a regression's terms
    /// (e.g. `trend+season`).
    var name: String { get }
    /// The months the model was fitted to, in order.
    var months: [Month] { get }
    /// In-sample fitted values on the model's scale (see ``isLogScale``), one per fitted month.
    var fittedValues: [Double] { get }
    /// Whether the model works on the logarithm of the series (a regression with `log`).
    var isLogScale: Bool { get }
    /// σ̂ of the errors on the model's scale.
    var sigma: Double { get }
    /// The degrees of freedom of σ̂ (the Student-t of the intervals).
    var degreesOfFreedom: Int { get }
}

extension Forecaster {
    /// Only a regression can take the logarithm of the series.
    public var isLogScale: Bool { false }
}

/// What projecting needs from a ``Forecaster`` beyond its public face (see the notes there).
protocol JointForecaster: Forecaster {
    /// The joint predictive distribution of `months` on the model's scale; `overrides` replace
    /// regressor values or switch interventions in those months' rows.
    func prediction(for months: [Month], overrides: RowOverrides) throws(ModelError) -> JointPrediction

    /// The origins a ``RollingOriginCheck`` of totals reaching `longest` months ahead tries, in
    /// the order tried, as months after the first fitted month.
    func rollingOrigins(longest: Int) -> [Int]

    /// The error of the total over `horizons` forecast from `origin` (an element of
    /// ``rollingOrigins(longest:)``), and the model's variance of that total; `nil` when it
    /// cannot be made (a month unobserved, a refit that fails).
    func rollingOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total?

    /// The most origins whose totals are used.
    var maximumRollingOrigins: Int { get }

    /// As ``rollingOriginTotal(origin:horizons:)``, but from a model re-estimated on the months
    /// known at the origin where the fit re-used the final parameters (``SpreadCalibration``,
    /// which visits at most eight origins, can afford it).
    func reestimatedOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total?
}

extension JointForecaster {
    var maximumRollingOrigins: Int { .max }

    func reestimatedOriginTotal(origin: Int, horizons: [Int]) -> RollingOriginCheck.Total? {
        rollingOriginTotal(origin: origin, horizons: horizons)
    }
}

extension RowOverrides {
    /// A model without regression terms cannot switch an intervention.
    func requireNoInterventions() throws(ModelError) {
        if let intervention = interventions.keys.first { throw .interventionNotInModel(intervention) }
    }
}

extension Forecaster {
    /// The last fitted month.
    public var lastMonth: Month { months[months.count - 1] }
}
