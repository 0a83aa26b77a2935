import Foundation
import Outturn

// The ETS summary of `outturn fit`, laid out like R forecast's `print(ets(…))`: the model,
// smoothing parameters, initial states, σ, and the log-likelihood with AIC, AICc and BIC as R
// defines them (see ``ETSFit``), in the reader's language.

extension FitReport {
    /// An ETS fit's summary as a table, Markdown or CSV (JSON is rendered for every family by
    /// `rendered(_:)`, with ``etsJSONMembers(_:)``).
    func etsRendered(_ format: OutputFormat, fit: ETSFit) -> String {
        let smoothing = etsSmoothingParameters(fit), states = etsInitialStates(fit)
        let criteria: [(String, Double)] = [("logLik", fit.logLikelihood), ("AIC", fit.aic), ("AICc", fit.aicc),
                                            ("BIC", fit.bic)]
        if format == .csv {
            let rows = smoothing + states + [("sigma", fit.sigma)] + criteria
            return (["parameter,estimate"] + rows.map { "\($0.0),\(formatExact($0.1))" }).joined(separator: "\n") + "\n"
        }
        var table = TextTable(columns: [(localized(.columnParameter), .left), (localized(.columnEstimate), .right)])
        for (name, value) in smoothing + states { table.append([name, etsSignificant(value)]) }
        var lines = [
            heading(fit.model.description, fit: selection.model.forecaster),
            chosen,
            "",
            format == .markdown ? table.markdown() : table.rendered(),
        ]
        if fit.model.hasSeason {
            lines.append(localized(fit.model.season == .multiplicative ? .fitSeasonalStatesMultiplicative
                                                                       : .fitSeasonalStatesAdditive))
        }
        lines += [
            localized(fit.model.error == .multiplicative ? .fitETSSigmaRelative : .fitETSSigma,
                      etsSignificant(fit.sigma), String(fit.degreesOfFreedom)),
            localized(.fitCriteria, etsSignificant(fit.logLikelihood), etsSignificant(fit.aic),
                      etsSignificant(fit.aicc), etsSignificant(fit.bic)),
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The JSON members of an ETS fit beyond the common ones: smoothing parameters, initial states
/// and R's likelihood and criteria.
func etsJSONMembers(_ fit: ETSFit) -> [(String, JSONValue)] {
    let p = fit.parameters
    var members: [(String, JSONValue)] = etsSmoothingParameters(fit).map { ($0.0, .number($0.1)) }
    members.append(("initialLevel", .number(p.level)))
    if let trend = p.trend { members.append(("initialTrend", .number(trend))) }
    if fit.model.hasSeason { members.append(("initialSeasonalStates", .array(etsSeasonalStates(fit).map { .number($0) }))) }
    members += [("logLikelihood", .number(fit.logLikelihood)), ("aic", .number(fit.aic)),
                ("aicc", .number(fit.aicc)), ("bic", .number(fit.bic))]
    return members
}

/// α, β, γ, φ: those the model has.
private func etsSmoothingParameters(_ fit: ETSFit) -> [(String, Double)] {
    let p = fit.parameters
    return [("alpha", p.alpha), p.beta.map { ("beta", $0) }, p.gamma.map { ("gamma", $0) },
            p.phi.map { ("phi", $0) }].compactMap { $0 }
}

/// ℓ, b and s0…s11, named as R prints them.
private func etsInitialStates(_ fit: ETSFit) -> [(String, Double)] {
    [("l", fit.parameters.level), fit.parameters.trend.map { ("b", $0) }].compactMap { $0 }
        + etsSeasonalStates(fit).enumerated().map { ("s\($0.offset)", $0.element) }
}

/// All 12 initial seasonal states as R's `initstate` holds them: the 11 estimated and the one
/// the normalisation implies (Σs = 0 for an additive season, 12 for a multiplicative one).
private func etsSeasonalStates(_ fit: ETSFit) -> [Double] {
    guard fit.model.hasSeason else { return [] }
    let seasonal = fit.parameters.seasonal
    let total = fit.model.season == .multiplicative ? Double(ETSModel.period) : 0
    return seasonal + [total - seasonal.reduce(0, +)]
}

private func etsSignificant(_ value: Double) -> String { String(format: "%.6g", value) }
