import Foundation

/// An ETS fit seen as a model of Outturn: its name is R's (`ETS(M,Ad,M)`), its fitted values the
/// one-step forecasts μ_t, and σ̂ the square root of R's `sigma2` — for a multiplicative error that
/// is the spread of the relative errors (y − μ)/μ, not of the data.
extension ETSFit: Forecaster {
    /// R's name, e.g. `ETS(M,Ad,M)` (which `--model` also takes).
    public var name: String { model.description }

    /// The fitted months, consecutive from ``start``.
    public var months: [Month] { (0..<count).map { start.advanced(by: $0) } }

    /// The one-step forecasts μ_t (R's `fitted`).
    public var fittedValues: [Double] { fitted }

    /// √σ², R's `sigma2` (Σe²/(n − k)): on the data's scale for an additive error, relative for a
    /// multiplicative one; exactly 0 below 10⁻¹³ of the data's magnitude (of 1 for relative
    /// errors), the rounding noise of an exact fit such as a constant series.
    public var sigma: Double {
        exactFitAware(sigma: sigma2.squareRoot(),
                      magnitude: model.error == .multiplicative ? 1 : values.map(abs).max() ?? 0)
    }
}

extension ETSFit {
    /// The smallest model, whose need of months is the least any ETS model has.
    private static let smallest = ETSModel(error: .additive, trend: .none, season: .none)

    /// Fits `model` to the observed months of `history`, which must be consecutive; with `nil`,
    /// R's automatic `ets()`: every candidate the data allow, the lowest AICc kept.
    /// - Returns: the fit and how many candidates were compared (1 for a given model).
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` (R's rule: more than
    ///   k + 4 months for k free parameters), ``ModelError/gapInHistory(model:month:)``,
    ///   ``ModelError/nonPositiveForModel(model:month:value:)`` for a multiplicative model on
    ///   data with a zero or negative month, ``ModelError/ets(_:)`` when estimation fails.
    static func fitting(_ history: MonthlySeries, model: ETSModel?) throws(ModelError) -> (fit: ETSFit, candidates: Int) {
        let name = model?.description ?? "ets"
        let needed = (model ?? smallest).freeParameterCount + 5
        let observations = try history.consecutiveObservations(model: name, needed: needed)
        let values = observations.map(\.value)
        let start = observations[0].month
        if let model, model.needsPositiveData, let bad = observations.first(where: { $0.value <= 0 }) {
            throw .nonPositiveForModel(model: name, month: bad.month, value: bad.value)
        }
        do {
            if let model {
                return (try ETSFit(estimating: model, start: start, values: values), 1)
            }
            let candidates = ETSModel.candidates(strictlyPositive: values.allSatisfy { $0 > 0 }, count: values.count)
            return (try ETSFit(selectingFrom: candidates, start: start, values: values), candidates.count)
        } catch {
            throw error.modelError
        }
    }
}

extension ETSError {
    /// The library-wide error: too few months and non-finite data as for every model, the rest
    /// as ETS's own.
    var modelError: ModelError {
        switch self {
        case .tooFewObservations(let model, let needed, let available):
            .tooFewObservations(model: model, needed: needed, available: available)
        case .nonFiniteInput: .nonFiniteInput
        default: .ets(self)
        }
    }
}
