/// Why a model could not be fitted or used.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The design or response holds NaN or ±∞.
    case nonFiniteInput
    /// The design has no rows, no columns, or only zeros.
    case emptyDesign
    /// Fewer observations than the model needs (parameters + 1, for a residual variance).
    case tooFewObservations(model: String, needed: Int, available: Int)
    /// A value (or regressor value) outside the magnitudes Outturn computes with safely.
    case valueOutOfRange(month: Month, value: Double)
    /// A log model met a value that is zero or negative.
    case nonPositiveForLog(month: Month, value: Double)
    /// An exogenous regressor has no value for a month the model needs.
    case missingRegressor(name: String, month: Month)
    /// A model name that Outturn does not know.
    case unknownModel(String)
    /// A Fourier order outside 1 ... 6.
    case fourierOrder(Int)
    /// A prediction level outside (0, 100).
    case level(Double)
    /// A forecast horizon below 1 or above the supported maximum.
    case horizon(Int, maximum: Int)
    /// A scenario changes a month that is already observed (at or before the as-of month).
    case scenarioChangesObservedMonth(indicator: String, month: Month)
    /// A figure the target needs lies wholly before the series' first observation.
    case yearBeforeData(year: Int, firstObservation: Month)
    /// The uncertainty cannot be expressed in numbers: a bound overflows (a log model with very
    /// few degrees of freedom extrapolated far ahead).
    case overflow(String)
    /// A target compares with another indicator whose series was not supplied.
    case missingReferenceSeries(String)
    /// A scenario switches an intervention that the fitted model does not contain.
    case interventionNotInModel(Intervention)
    /// A smoothing model needs consecutive months, and the history lacks `month`.
    case gapInHistory(model: String, month: Month)
    /// A smoothing model forecasts only months after its history.
    case forecastInsideHistory(model: String, month: Month)
    /// A smoothing model was asked to take regression terms (regressors, interventions).
    case termsNeedRegression(model: String, terms: String)
    /// An ETS model that cannot be named (malformed, or outside R's admissible set) or estimated.
    case ets(ETSError)
    /// A model with a multiplicative component (ETS) met a value that is zero or negative.
    case nonPositiveForModel(model: String, month: Month, value: Double)

    /// A sentence to show a user.
    public var description: String {
        switch self {
        case .nonFiniteInput: "the data hold a value that is not a finite number"
        case .emptyDesign: "the model has no usable column: every regressor is zero on the observed months"
        case .tooFewObservations(let model, let needed, let available):
            "too few observations: model \(model) needs at least \(needed) observed months, but "
                + (available == 1 ? "only 1 is available" : "only \(available) are available")
        case .valueOutOfRange(let month, let value):
            "the value \(value) for \(month) is outside the supported range (zero, or 1e-100 to 1e100 in magnitude); "
                + "change the unit (e.g. thousands) so the values fit"
        case .nonPositiveForLog(let month, let value):
            "a log model needs positive values, but \(month) is \(value); drop log() from the model"
        case .missingRegressor(let name, let month):
            "regressor '\(name)' has no value for \(month); give its value for every fitted and forecast month"
        case .unknownModel(let name):
            "unknown model '\(name)'; use auto, ensemble, theta, damped, snaive, runrate, ets (the lowest-AICc ETS), ets(MAdM) (a given ETS model), combo (the mean of ets, theta and trend+season+arma) or combo(MODEL,MODEL,…), regression (the lowest-AICc regression), level, trend, season, trend+season, trend+fourierK (K = 1...6), "
                + "terms step@YYYY-MM, pulse@YYYY-MM, ramp@YYYY-MM, x:NAME (a regressor), "
                + "arma(p,q) with p, q ≤ \(ARMAOrder.maximumOrder) or arma(p,q)(1) (ARMA errors, seasonal AR at lag 12) or arma (orders by AICc), joined by '+', "
                + "optionally inside log(...), optionally followed by [N] to fit the last N months"
        case .fourierOrder(let k): "Fourier order \(k) is outside 1...6"
        case .level(let level): "prediction level \(level) must lie strictly between 0 and 100"
        case .horizon(let h, let maximum): "horizon \(h) must be between 1 and \(maximum) months"
        case .scenarioChangesObservedMonth(let indicator, let month):
            "the scenario changes \(indicator) in \(month), which is not after the as-of month; a scenario changes the future only"
        case .yearBeforeData(let year, let first):
            "\(year) is before the data starts (\(first)); Outturn projects forward, not back"
        case .overflow(let what):
            "\(what) overflows the range of numbers: the model's uncertainty is too large for this horizon; "
                + "give more history, a nearer as-of month, or a plain (non-log) model"
        case .missingReferenceSeries(let name):
            "the target compares with indicator '\(name)', but its series was not supplied"
        case .interventionNotInModel(let intervention):
            "the scenario switches \(intervention), which is not a term of the model; add it with --intervention \(intervention)"
        case .gapInHistory(let model, let month):
            "model \(model) needs consecutive months, but \(month) is missing; fill it, or use a regression model (e.g. trend+season)"
        case .forecastInsideHistory(let model, let month):
            "model \(model) forecasts only months after its history, not \(month); use a regression model (e.g. trend+season)"
        case .termsNeedRegression(let model, let terms):
            "model \(model) takes no regression terms (\(terms)); use a regression model such as trend+season+\(terms)"
        case .ets(let error):
            switch error {
            case .unknownModel, .inadmissibleModel:
                "\(error); the admissible models are " + ETSModel.admissible.map(\.shortName).joined(separator: ", ")
            default: error.description
            }
        case .nonPositiveForModel(let model, let month, let value):
            "model \(model) has a multiplicative component and needs positive values, but \(month) is \(value); "
                + "use a model without one (e.g. ets(AAA)) or a regression"
        }
    }
}
