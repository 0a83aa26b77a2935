import Foundation
import Outturn

/// A fitted model's summary, laid out like R's `summary(lm)`.
public struct FitReport: Sendable {
    public let indicator: String
    public let selection: ModelSelection

    public init(indicator: String, selection: ModelSelection) {
        self.indicator = indicator
        self.selection = selection
    }

    public func rendered(_ format: OutputFormat) -> String {
        // JSON is the same model object for every family.
        if format == .json {
            return JSONValue.object([("indicator", .string(indicator)),
                                     ("model", modelJSON(ModelSummary(selection), fit: selection))]).rendered() + "\n"
        }
        // Each family lays out its own summary; a model without one shows σ̂ alone.
        let model = selection.model.forecaster
        let text = (model as? any FitSummaryRendering)?.fitSummary(format, report: self)
            ?? selection.model.ets.map { etsRendered(format, fit: $0) }
            ?? ruleRendered(format, fit: model, rule: nil)
        // The indicator's name comes from the input: its control characters are shown, not obeyed.
        return escapingControlCharacters(text, keepingLineBreaks: true)
    }

    /// `pm25: theta, fitted to 2016-01 … 2020-07 (55 months)`: the first line of every summary.
    func heading(_ model: String, fit: any Forecaster) -> String {
        localized(.fitHeading, indicator, model, fit.months.first?.description ?? "", fit.lastMonth.description,
                  String(fit.months.count))
    }

    /// `Chosen: …`: why this model, in the reader's language.
    var chosen: String { localized(.fitChosen, localizedReason(selection.structuredReason)) }

    /// A rule of thumb has no parameters beyond σ̂; `rule` says in words what it does.
    fileprivate func ruleRendered(_ format: OutputFormat, fit: any Forecaster, rule: String?) -> String {
        if format == .csv {
            return "parameter,estimate\nsigma,\(formatExact(fit.sigma))\n"
        }
        // Table or Markdown (JSON is rendered by `rendered(_:)` for every family).
        return [
            heading(rule.map { localized(.fitRuleName, fit.name, $0) } ?? fit.name, fit: fit),
            chosen,
            localized(.fitErrorDeviation, significant(fit.sigma), String(fit.degreesOfFreedom)),
        ].joined(separator: "\n") + "\n"
    }

    /// A smoothing fit's parameters and any seasonal indices.
    fileprivate func smoothingRendered(_ format: OutputFormat, fit theta: SmoothingFit) -> String {
        let parameters: [(String, Double)] = smoothingParameters(theta)
            + (theta.seasonalIndices ?? []).enumerated().map { ("season\($0.offset + 1)", $0.element) }
        if format == .csv {
            return (["parameter,estimate"] + parameters.map { "\($0.0),\(formatExact($0.1))" }).joined(separator: "\n") + "\n"
        }
        // Table or Markdown (JSON is rendered by `rendered(_:)` for every family).
        var table = TextTable(columns: [(localized(.columnParameter), .left), (localized(.columnEstimate), .right)])
        for (name, value) in parameters { table.append([name, significant(value)]) }
        let seasonality = localized(theta.seasonalIndices == nil ? .fitNotSeasonal : .fitSeasonalIndices)
        return [
            heading(theta.method.rawValue, fit: theta),
            chosen,
            "",
            format == .markdown ? table.markdown() : table.rendered(),
            localized(.fitSeasonality, seasonality),
            localized(.fitOneStepDeviation, significant(theta.sigma), String(theta.degreesOfFreedom)),
        ].joined(separator: "\n") + "\n"
    }

    fileprivate func regressionRendered(_ format: OutputFormat, fit: RegressionFit) -> String {
        if format == .csv {
            return (["term,estimate,standard_error,t_value,p_value"] + fit.coefficients.map { c in
                let (t, p) = statistic(c, fit: fit)
                return [csvField(c.term), formatExact(c.estimate), formatExact(c.standardError),
                        formatExact(t), formatExact(p)].joined(separator: ",")
            }).joined(separator: "\n") + "\n"
        }
        // Table or Markdown (JSON is rendered by `rendered(_:)` for every family).
        var table = TextTable(columns: [(localized(.columnTerm), .left), (localized(.columnEstimate), .right),
                                        (localized(.columnStandardError), .right), (localized(.columnTValue), .right),
                                        (localized(.columnPValue), .right)])
        for c in fit.coefficients {
            let (t, p) = statistic(c, fit: fit)
            table.append([c.term, c.estimate.map(significant) ?? localized(.fitAliased),
                          c.standardError.map(significant) ?? "–",
                          t.map { String(format: "%.3f", $0) } ?? "–",
                          p.map { $0 < 2e-16 ? "<2e-16" : String(format: "%.3g", $0) } ?? "–"])
        }
        let lines = [
            heading(fit.model.description, fit: fit),
            chosen,
            "",
            format == .markdown ? table.markdown() : table.rendered(),
            localized(.fitResidualError, significant(fit.sigma), String(fit.degreesOfFreedom)),
            localized(.fitRSquared, fit.rSquared.map { String(format: "%.4f", $0) } ?? "–",
                      fit.adjustedRSquared.map { String(format: "%.4f", $0) } ?? "–"),
            localized(.fitCriteria, significant(fit.logLikelihood), significant(fit.aic), significant(fit.aicc), significant(fit.bic)),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A regression with ARMA errors, laid out like R's `Arima` print: the error process's
    /// coefficients, then the regression's, with standard errors; σ², log-likelihood, AIC/AICc/BIC.
    fileprivate func armaErrorsRendered(_ format: OutputFormat, fit: ARMAErrorsFit) -> String {
        let all = fit.armaCoefficients + fit.coefficients
        if format == .csv {
            return (["term,estimate,standard_error"] + all.map { c in
                [csvField(c.term), formatExact(c.estimate), formatExact(c.standardError)].joined(separator: ",")
            } + ["sigma2,\(formatExact(fit.sigma2)),", "log_likelihood,\(formatExact(fit.logLikelihood)),",
                 "aicc,\(formatExact(fit.aicc)),"]).joined(separator: "\n") + "\n"
        }
        var table = TextTable(columns: [(localized(.columnTerm), .left), (localized(.columnEstimate), .right),
                                        (localized(.columnStandardError), .right)])
        for c in all {
            table.append([c.term, c.estimate.map(significant) ?? localized(.fitAliased), c.standardError.map(significant) ?? "–"])
        }
        return [
            heading(fit.model.description, fit: fit),
            localized(.fitARMAErrors, fit.order.rName),
            chosen,
            "",
            format == .markdown ? table.markdown() : table.rendered(),
            localized(.fitARMASigma2, significant(fit.sigma2), String(fit.degreesOfFreedom)),
            localized(.fitCriteria, significant(fit.logLikelihood), significant(fit.aic), significant(fit.aicc), significant(fit.bic)),
        ].joined(separator: "\n") + "\n"
    }

    /// A combination: its members and weights, then each member's own summary.
    fileprivate func combinationRendered(_ format: OutputFormat, fit: CombinationFit) -> String {
        if format == .csv {
            return (["parameter,estimate"]
                + fit.members.map { "\(csvField("weight:" + $0.selection.model.name)),\(formatExact($0.weight))" }
                + ["sigma,\(formatExact(fit.sigma))"]).joined(separator: "\n") + "\n"
        }
        let members = fit.members.enumerated().map { index, member in
            localized(.fitCombinationMember, String(index + 1), String(fit.members.count),
                      ModelSelection.Reason.weight(member.weight)) + "\n"
                + FitReport(indicator: indicator, selection: member.selection).rendered(format)
        }
        return ([heading(fit.name, fit: fit), chosen,
                 localized(.fitCombinationDeviation, significant(fit.sigma), String(fit.degreesOfFreedom))]
                + members.map { "\n" + $0.dropLast() }).joined(separator: "\n") + "\n"
    }

    /// t = estimate / SE and its two-sided p-value on ν degrees of freedom.
    private func statistic(_ c: RegressionFit.Coefficient, fit: RegressionFit) -> (Double?, Double?) {
        guard let estimate = c.estimate, let se = c.standardError, se > 0 else { return (nil, nil) }
        let t = estimate / se
        return (t, fit.twoSidedPValue(t))
    }
}

private func significant(_ value: Double) -> String { String(format: "%.6g", value) }

/// A model family's own layout of its fit summary (table, Markdown or CSV); JSON is the same
/// object for every family. A new model conforms here to show more than σ̂.
private protocol FitSummaryRendering: Forecaster {
    func fitSummary(_ format: OutputFormat, report: FitReport) -> String
}

extension RegressionFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.regressionRendered(format, fit: self)
    }
}

extension ARMAErrorsFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.armaErrorsRendered(format, fit: self)
    }
}

extension SmoothingFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.smoothingRendered(format, fit: self)
    }
}

extension CombinationFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.combinationRendered(format, fit: self)
    }
}

extension SeasonalNaiveFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.ruleRendered(format, fit: self, rule: localized(.fitRuleSeasonalNaive))
    }
}

extension RunRateFit: FitSummaryRendering {
    fileprivate func fitSummary(_ format: OutputFormat, report: FitReport) -> String {
        report.ruleRendered(format, fit: self, rule: localized(.fitRuleRunRate))
    }
}
