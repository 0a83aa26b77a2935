import Foundation

/// Student's t distribution with ν degrees of freedom: the distribution of a projection's error
/// when σ is estimated from ν residual degrees of freedom.
///
/// Written here rather than taken from a package because none of the available ones
/// (swift-numerics among them) provides the incomplete beta function.
struct StudentT: Sendable {
    let degreesOfFreedom: Double

    init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T > t) for t ≥ 0, computed without cancellation: ½·I_{ν/(ν+t²)}(ν/2, ½).
    func upperTail(_ t: Double) -> Double {
        // NaN (a t-statistic of 0/0 from an exact fit) has no tail; never trap on it.
        if t.isNaN { return .nan }
        precondition(t >= 0)
        if t.isInfinite { return 0 }
        let nu = degreesOfFreedom
        return 0.5 * regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// P(T ≤ t).
    func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        return t >= 0 ? 1 - upperTail(t) : upperTail(-t)
    }

    /// P(T ≤ t) for a whole number of degrees of freedom ν ≤ ``finiteSeriesLimit``, by the finite
    /// series of Abramowitz & Stegun 26.7.3–4 in θ = atan(t/√ν): about ν/2 multiply-adds and one
    /// arctangent, several times faster than the incomplete beta, to an absolute accuracy near
    /// 1e-15 (relative accuracy of tiny tail probabilities is lost; ``cdf(_:)`` keeps it). Used
    /// where millions of probabilities are needed at once.
    func cdfByFiniteSeries(_ t: Double) -> Double {
        let nu = Int(degreesOfFreedom)
        precondition(Double(nu) == degreesOfFreedom && nu >= 1 && nu <= Self.finiteSeriesLimit, "whole ν within the limit")
        if t.isNaN { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let theta = atan(abs(t) / degreesOfFreedom.squareRoot())
        let sine = sin(theta), cosine = cos(theta), c2 = cosine * cosine
        var central: Double   // P(|T| ≤ |t|)
        if nu % 2 == 1 {
            var term = 1.0, sum = nu > 1 ? 1.0 : 0
            if nu > 1 {
                var k = 2
                while k <= nu - 3 {
                    term *= Double(k) / Double(k + 1) * c2
                    sum += term
                    k += 2
                }
            }
            central = 2 / Double.pi * (theta + sine * cosine * sum)
        } else {
            var term = 1.0, sum = 1.0, k = 1
            while k <= nu - 3 {
                term *= Double(k) / Double(k + 1) * c2
                sum += term
                k += 2
            }
            central = sine * sum
        }
        central = min(max(central, 0), 1)
        return t >= 0 ? 0.5 + 0.5 * central : 0.5 - 0.5 * central
    }

    /// The largest ν ``cdfByFiniteSeries(_:)`` takes.
    static let finiteSeriesLimit = 400

    /// The density at t.
    func pdf(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// The t with P(T ≤ t) = p, for 0 < p < 1.
    func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "probability must lie in (0, 1)")
        if p == 0.5 { return 0 }
        // A panel's projections ask for the same few (ν, p) hundreds of thousands of times; each
        // solve is ≈ 20 incomplete-beta evaluations, a lookup is a lock and a hash.
        let key = SIMD2(degreesOfFreedom.bitPattern, p.bitPattern)
        if let known = SolvedQuantiles.shared.value(for: key) { return known }
        let t = solveQuantile(p)
        SolvedQuantiles.shared.store(t, for: key)
        return t
    }

    private func solveQuantile(_ p: Double) -> Double {
        // Solve upperTail(t) = tail for t > 0 and use symmetry; tail stays small and exact.
        let tail = p > 0.5 ? 1 - p : p
        var low = 0.0, high = 1.0
        while upperTail(high) > tail { low = high; high *= 2 }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let gap = upperTail(t) - tail           // decreasing in t
            if gap == 0 { break }
            if gap > 0 { low = t } else { high = t }
            // Newton on the tail, kept inside the bracket; bisection when it would leave it.
            let newton = t + gap / pdf(t)
            let next = (newton > low && newton < high) ? newton : (low + high) / 2
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { t = next; break }
            t = next
        }
        return p > 0.5 ? t : -t
    }
}

/// Quantiles solved so far, by the bit patterns of (ν, p): the result is a pure function of them.
/// A class guarded by an `NSLock` (a pthread mutex) rather than a global `Mutex`: ThreadSanitizer
/// reports every `withLock` on a global `Mutex` as a Swift access race.
private final class SolvedQuantiles: @unchecked Sendable {
    static let shared = SolvedQuantiles()
    private let lock = NSLock()
    private var table: [SIMD2<UInt64>: Double] = [:]

    func value(for key: SIMD2<UInt64>) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return table[key]
    }

    func store(_ value: Double, for key: SIMD2<UInt64>) {
        lock.lock()
        defer { lock.unlock() }
        if table.count >= 4096 { table.removeAll(keepingCapacity: true) }
        table[key] = value
    }
}

/// I_x(a, b), the regularized incomplete beta function, by Lentz's continued fraction
/// (Numerical Recipes §6.4), switching to 1 − I_{1−x}(b, a) where that converges faster.
func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
    precondition(a > 0 && b > 0 && x >= 0 && x <= 1)
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logFront) * betaContinuedFraction(x: x, a: a, b: b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(x: 1 - x, a: b, b: a) / b
}

private func betaContinuedFraction(x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
        let m = Double(m), m2 = 2 * m
        var numerator = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
        d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        result *= d * c
        numerator = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
        d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
        d = 1 / d
        let step = d * c
        result *= step
        if abs(step - 1) < 1e-16 { break }
    }
    return result
}
