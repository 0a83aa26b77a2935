/// X = centre + scale·T with T Student's t, conditioned on lower ≤ X ≤ upper: the year-end
/// figure of a bounded indicator.
///
/// With F the t cdf and a, b the standardised ends, P(X ≤ x) = (F(s) − F(a)) / (F(b) − F(a)) for
/// s = (x − centre)/scale in [a, b], and the p-quantile is centre + scale·F⁻¹(F(a) + p·(F(b) − F(a))).
/// When [a, b] lies mostly above 0 the same is computed for −T on [−b, −a], so that F is taken in
/// its small lower tail and a far-out interval keeps its precision (F(7) − F(6) would cancel).
struct TruncatedStudentT: Sendable {
    private let t: StudentT
    private let centre: Double, scale: Double
    private let mirrored: Bool
    /// The standardised ends in the working frame (mirrored or not), and F there.
    private let a: Double, b: Double, fa: Double, fb: Double

    /// `nil` when the interval holds no probability the arithmetic can see (all the mass lies
    /// beyond a bound) or `scale` is not positive: the caller then clamps.
    init?(degreesOfFreedom: Double, centre: Double, scale: Double, lower: Double, upper: Double) {
        guard scale > 0, scale.isFinite, lower <= upper else { return nil }
        t = StudentT(degreesOfFreedom: degreesOfFreedom)
        self.centre = centre
        self.scale = scale
        let low = (lower - centre) / scale, high = (upper - centre) / scale
        mirrored = low + high > 0
        (a, b) = mirrored ? (-high, -low) : (low, high)
        fa = t.cdf(a)
        fb = t.cdf(b)
        guard fb - fa > 0, (fb - fa).isFinite else { return nil }
    }

    /// True when the truncation removes no probability at all (both ends beyond the t's reach).
    var isWhole: Bool { fa == 0 && fb == 1 }

    /// The p-quantile, 0 ≤ p ≤ 1.
    func quantile(_ p: Double) -> Double {
        let q = mirrored ? 1 - p : p
        let target = fa + q * (fb - fa)
        let s: Double
        if target <= 0 || q <= 0 { s = a } else if target >= 1 || q >= 1 { s = b } else {
            s = min(max(t.quantile(target), a), b)
        }
        return centre + scale * (mirrored ? -s : s)
    }

    /// P(X ≤ x).
    func cdf(_ x: Double) -> Double {
        let s = (x - centre) / scale
        if mirrored {
            // P(−T' ≤ s) = P(T' ≥ −s) on [a, b].
            let u = min(max(-s, a), b)
            return (fb - t.cdf(u)) / (fb - fa)
        }
        let u = min(max(s, a), b)
        return (t.cdf(u) - fa) / (fb - fa)
    }
}
