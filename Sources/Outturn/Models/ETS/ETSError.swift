/// Why an exponential-smoothing (ETS) model could not be named, fitted or forecast.
public enum ETSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not an ETS model name such as `ets(MAdM)` or `ETS(M,Ad,M)`.
    case unknownModel(String)
    /// The model is outside R's admissible set (`ets(restrict = TRUE)`), e.g. additive error with
    /// a multiplicative season.
    case inadmissibleModel(String)
    /// A multiplicative component needs strictly positive data.
    case nonPositiveData(model: String)
    /// Too few observations to estimate the model's parameters and initial states.
    case tooFewObservations(model: String, needed: Int, available: Int)
    /// A value is NaN or infinite.
    case nonFiniteInput
    /// The parameters (or initial states) given do not fit the model's shape.
    case parameterShape(String)
    /// The recursion broke down (a one-step forecast was not finite).
    case numericalFailure(model: String)
    /// No candidate model could be estimated.
    case noModelFitted

    public var description: String {
        switch self {
        case .unknownModel(let text): "'\(text)' is not an ETS model (expected e.g. ets(MAdM) or ETS(M,Ad,M))"
        case .inadmissibleModel(let name): "\(name) is not among R's admissible ETS models"
        case .nonPositiveData(let name): "\(name) has a multiplicative component and needs strictly positive data"
        case .tooFewObservations(let name, let needed, let available):
            "\(name) needs at least \(needed) observations, got \(available)"
        case .nonFiniteInput: "the data hold a value that is not a finite number"
        case .parameterShape(let why): "ETS parameters do not fit the model: \(why)"
        case .numericalFailure(let name): "\(name): the smoothing recursion produced a non-finite forecast"
        case .noModelFitted: "no ETS model could be estimated on these data"
        }
    }
}
