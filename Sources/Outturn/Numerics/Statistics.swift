import Foundation

/// The slope of the least-squares line through (0, y₀), (1, y₁), …
func leastSquaresSlope(_ values: [Double]) -> Double {
    let n = Double(values.count)
    let meanT = (n - 1) / 2
    let meanY = values.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0
    for (t, y) in values.enumerated() {
        let dt = Double(t) - meanT
        sxy += dt * (y - meanY)
        sxx += dt * dt
    }
    return sxy / sxx
}
