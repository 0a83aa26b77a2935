import Foundation

/// Maps unconstrained reals onto the stationary and invertible region, as R's `arima` does with
/// `transform.pars = TRUE` (Jones 1980): tanh gives partial autocorrelations in (−1, 1) and the
/// Durbin–Levinson recursion turns them into coefficients of a stationary AR polynomial. The MA
/// part uses the same map on −θ (1 + Σθ_j zʲ invertible ⇔ −θ a stationary AR), and the seasonal
/// AR(1) is tanh alone. Every point the optimiser visits is therefore a valid process.
enum ARMAParameterTransform {
    /// (φ, θ, Φ) from the unconstrained `raw` values, in ``ARMAProcess/init(order:parameters:)``'s order.
    static func constrained(_ raw: [Double], order: ARMAOrder) -> [Double] {
        precondition(raw.count == order.parameterCount, "one raw value per parameter")
        var result = partialsToCoefficients(raw[0..<order.p].map(tanh))
        result += partialsToCoefficients(raw[order.p..<(order.p + order.q)].map(tanh)).map { -$0 }
        if order.seasonalAR { result.append(tanh(raw[order.p + order.q])) }
        return result
    }

    /// The inverse of ``constrained(_:order:)``; `nil` outside the stationary/invertible region.
    static func unconstrained(_ parameters: [Double], order: ARMAOrder) -> [Double]? {
        guard let ar = coefficientsToPartials(Array(parameters[0..<order.p])),
              let ma = coefficientsToPartials(parameters[order.p..<(order.p + order.q)].map { -$0 }) else { return nil }
        var raw = (ar + ma).map(atanh)
        if order.seasonalAR {
            let seasonal = parameters[order.p + order.q]
            guard abs(seasonal) < 1 else { return nil }
            raw.append(atanh(seasonal))
        }
        return raw
    }

    /// Durbin–Levinson: partial autocorrelations to AR coefficients (R's `partrans`).
    private static func partialsToCoefficients(_ partials: [Double]) -> [Double] {
        var coefficients = partials, work = partials
        for j in stride(from: 1, to: partials.count, by: 1) {
            let a = coefficients[j]
            for k in 0..<j { work[k] -= a * coefficients[j - k - 1] }
            for k in 0..<j { coefficients[k] = work[k] }
        }
        return coefficients
    }

    /// The recursion run backwards (R's `invpartrans`); `nil` when a partial is not inside (−1, 1).
    private static func coefficientsToPartials(_ coefficients: [Double]) -> [Double]? {
        var partials = coefficients, work = coefficients
        for j in stride(from: coefficients.count - 1, to: 0, by: -1) {
            let a = partials[j]
            guard abs(a) < 1 else { return nil }
            for k in 0..<j { work[k] = (partials[k] + a * partials[j - k - 1]) / (1 - a * a) }
            for k in 0..<j { partials[k] = work[k] }
        }
        guard partials.allSatisfy({ abs($0) < 1 }) else { return nil }
        return partials
    }
}
