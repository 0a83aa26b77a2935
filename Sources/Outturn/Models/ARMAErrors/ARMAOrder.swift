/// The orders of an ARMA error process: u_t = Σφ_i u_{t−i} + ε_t + Σθ_j ε_{t−j}, optionally times a
/// seasonal AR(1) at lag 12, (1 − φ(B))(1 − Φ B¹²) u_t = (1 + θ(B)) ε_t — R's
/// `Arima(order = c(p, 0, q), seasonal = c(P, 0, 0))` with P = 0 or 1.
public struct ARMAOrder: Hashable, Sendable, CustomStringConvertible {
    /// The non-seasonal AR order p.
    public let p: Int
    /// The MA order q.
    public let q: Int
    /// Whether a seasonal AR(1) at lag 12 multiplies the AR polynomial.
    public let seasonalAR: Bool

    /// The largest p or q accepted.
    public static let maximumOrder = 5

    /// - Throws: ``ModelError/unknownModel(_:)`` for an order outside 0 … ``maximumOrder``.
    public init(p: Int, q: Int, seasonalAR: Bool = false) throws(ModelError) {
        guard (0...Self.maximumOrder).contains(p), (0...Self.maximumOrder).contains(q) else {
            throw .unknownModel("arma(\(p),\(q)): orders must lie in 0...\(Self.maximumOrder)")
        }
        self.p = p
        self.q = q
        self.seasonalAR = seasonalAR
    }

    /// The orders tried when they are chosen by AICc: p, q ≤ 2, with and without the seasonal AR(1).
    public static let automaticCandidates: [ARMAOrder] = [false, true].flatMap { seasonal in
        (0...2).flatMap { p in (0...2).map { q in ARMAOrder(checkedP: p, q: q, seasonalAR: seasonal) } }
    }

    /// ARMA(0, 0): independent errors, fitted by maximum likelihood.
    public static let white = ARMAOrder(checkedP: 0, q: 0, seasonalAR: false)

    private init(checkedP p: Int, q: Int, seasonalAR: Bool) {
        self.p = p
        self.q = q
        self.seasonalAR = seasonalAR
    }

    /// The number of ARMA parameters: p + q (+ 1 for Φ).
    public var parameterCount: Int { p + q + (seasonalAR ? 1 : 0) }

    /// `arma(p,q)`, or `arma(p,q)(1)` with the seasonal AR(1).
    public var description: String { "arma(\(p),\(q))" + (seasonalAR ? "(1)" : "") }

    /// R's name of the error process, e.g. `ARIMA(1,0,0)(1,0,0)[12]`.
    public var rName: String { "ARIMA(\(p),0,\(q))" + (seasonalAR ? "(1,0,0)[12]" : "") }
}

/// How a regression's errors are modelled beyond independence (see ``RegressionFormula/errors``).
public enum ARMAErrors: Hashable, Sendable, CustomStringConvertible {
    /// Orders chosen by AICc among ``ARMAOrder/automaticCandidates`` (`arma`).
    case automatic
    /// Given orders (`arma(p,q)` or `arma(p,q)(1)`).
    case fixed(ARMAOrder)

    /// Parses one term of a model name: `arma`, `arma(p,q)`, `arma(p,q)(1)` (or `(0)`); `nil` when
    /// the term does not start with `arma`.
    /// - Throws: ``ModelError/unknownModel(_:)`` for a malformed `arma…` term.
    static func parsing(term: Substring, in name: String) throws(ModelError) -> ARMAErrors? {
        guard term.hasPrefix("arma") else { return nil }
        var rest = term.dropFirst(4)
        if rest.isEmpty { return .automatic }
        let malformed = ModelError.unknownModel(name)
        guard rest.hasPrefix("("), let close = rest.firstIndex(of: ")") else { throw malformed }
        let inner = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",", omittingEmptySubsequences: false)
        guard inner.count == 2, let p = Int(inner[0]), let q = Int(inner[1]),
              inner.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { throw malformed }
        rest = rest[rest.index(after: close)...]
        var seasonal = false
        switch rest {
        case "": break
        case "(0)": break
        case "(1)": seasonal = true
        default: throw malformed
        }
        guard let order = try? ARMAOrder(p: p, q: q, seasonalAR: seasonal) else { throw malformed }
        return .fixed(order)
    }

    /// The term's part of a model name.
    public var description: String {
        switch self {
        case .automatic: "arma"
        case .fixed(let order): order.description
        }
    }
}
