import Outturn

// The JSON objects every report shares (the `target`, `intervals` and `model` members of the
// JSON contract, docs/schema).

/// The `target` object of the JSON contract.
func targetJSON(_ target: Target, _ p: YearEndProjection) -> JSONValue {
    var reference: [(String, JSONValue)]
    switch target.reference {
    case .value(let threshold): reference = [("kind", .string("value")), ("value", .number(threshold))]
    case .baseYear(let base, let change):
        reference = [("kind", .string("baseYear")), ("baseYear", .number(Double(base))), ("changePercent", .number(change))]
    case .movingAverage(let years): reference = [("kind", .string("movingAverage")), ("years", .number(Double(years)))]
    case .indicator(let other): reference = [("kind", .string("indicator")), ("indicator", .string(other))]
    }
    var members: [(String, JSONValue)] = [
        ("comparator", .string(target.comparator.rawValue)),
        ("threshold", .number(p.referenceValue)),
        ("thresholdStandardError", .number(p.referenceStandardError)),
        ("reference", .object(reference)),
    ]
    // Only when set, so that an unbounded target's object is what it always was.
    if !target.bounds.isUnbounded {
        members.append(("bounds", .object([("lower", .number(target.bounds.lower)), ("upper", .number(target.bounds.upper))])))
    }
    return .object(members)
}

func intervals(_ intervals: [PredictionInterval]) -> JSONValue {
    .array(intervals.map { .object([("level", .number($0.level)), ("lower", .number($0.lower)),
                                    ("upper", .number($0.upper))]) })
}

/// The `model` object shared by `project`, `forecast` and `fit`; with `fit`, its parameters too.
func modelJSON(_ summary: ModelSummary, fit selection: ModelSelection?) -> JSONValue {
    var members: [(String, JSONValue)] = [
        ("name", .string(summary.name)),
        ("reason", .string(summary.reason)),
        ("observations", .number(Double(summary.observations))),
        ("firstMonth", .string(summary.firstMonth.description)),
        ("lastMonth", .string(summary.lastMonth.description)),
        ("sigma", .number(summary.sigma)),
        // The fitted model's own; the projection's Student-t may use fewer (projection.degreesOfFreedom).
        ("residualDegreesOfFreedom", .number(Double(summary.degreesOfFreedom))),
    ]
    guard let model = selection?.model else { return .object(members) }
    if let fit = model.smoothing {
        members += smoothingParameters(fit).map { ($0.0, JSONValue.number($0.1)) }
        members.append(("seasonalIndices", fit.seasonalIndices.map { .array($0.map { .number($0) }) } ?? .null))
    }
    if let fit = model.ets { members += etsJSONMembers(fit) }
    if let fit = model.armaErrors {
        members.append(("errors", .string(fit.order.rName)))
        members.append(("coefficients", .array((fit.armaCoefficients + fit.coefficients).map {
            .object([("term", .string($0.term)), ("estimate", .number($0.estimate)),
                     ("standardError", .number($0.standardError))])
        })))
        members += [("sigma2", .number(fit.sigma2)), ("logLikelihood", .number(fit.logLikelihood)),
                    ("aic", .number(fit.aic)), ("aicc", .number(fit.aicc)), ("bic", .number(fit.bic))]
    }
    if let fit = model.regression {
        members.append(("coefficients", .array(fit.coefficients.map {
            .object([("term", .string($0.term)), ("estimate", .number($0.estimate)),
                     ("standardError", .number($0.standardError))])
        })))
        members += [("rank", .number(Double(fit.rank))), ("rSquared", .number(fit.rSquared)),
                    ("adjustedRSquared", .number(fit.adjustedRSquared)),
                    ("logLikelihood", .number(fit.logLikelihood)), ("aic", .number(fit.aic)),
                    ("aicc", .number(fit.aicc)), ("bic", .number(fit.bic))]
    }
    if let fit = model.combination {
        // Each member as its own model object, with its weight.
        members.append(("members", .array(fit.members.map { member in
            .object([("weight", .number(member.weight)),
                     ("model", modelJSON(ModelSummary(member.selection), fit: member.selection))])
        })))
    }
    return .object(members)
}

/// A smoothing fit's parameters by name: Theta's α and drift, damped's α, β, φ, and the weight.
func smoothingParameters(_ fit: SmoothingFit) -> [(String, Double)] {
    var parameters: [(String, Double)] = []
    if fit.thetaWeight > 0 { parameters += [("thetaAlpha", fit.thetaAlpha), ("drift", fit.drift)] }
    if let damped = fit.dampedParameters {
        parameters += [("dampedAlpha", damped.alpha), ("dampedBeta", damped.beta), ("dampedPhi", damped.phi)]
    }
    if fit.method == .ensemble { parameters.append(("thetaWeight", fit.thetaWeight)) }
    return parameters
}

/// The `warnings` array of the JSON contract: one `{code, message}` per ``ProjectionWarning``, the
/// message in English like every JSON value (docs/languages.md), empty when there are none.
func warningsJSON(_ warnings: [ProjectionWarning]) -> JSONValue {
    .array(warnings.map { .object([("code", .string($0.code)), ("message", .string($0.description))]) })
}
