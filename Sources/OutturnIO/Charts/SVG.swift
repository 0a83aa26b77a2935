import Foundation

/// A minimal SVG writer: elements with escaped attributes and text, nothing more.
///
/// Plot (used for the HTML report) models HTML and XML but has no SVG vocabulary; charts need
/// only a handful of shapes, so they are written directly, with escaping in one place.
struct SVG {
    private(set) var body = ""
    let width: Double
    let height: Double

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A CJK-capable font stack, no font embedded: Chinese names render wherever a CJK font exists.
    static let fonts = "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif"

    mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        body += "<\(name)" + attributes.map { " \($0.0)=\"\(Self.escape($0.1))\"" }.joined()
        if let text { body += ">\(Self.escape(text))</\(name)>\n" } else { body += "/>\n" }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                       width: Double = 1, dash: String? = nil) {
        var attributes = [("x1", f(x1)), ("y1", f(y1)), ("x2", f(x2)), ("y2", f(y2)), ("stroke", stroke),
                          ("stroke-width", f(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("line", attributes)
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5, dash: String? = nil) {
        guard points.count > 1 else { return }
        var attributes = [("points", points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")),
                          ("fill", "none"), ("stroke", stroke), ("stroke-width", f(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        element("polyline", attributes)
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        guard points.count > 2 else { return }
        element("polygon", [("points", points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")),
                            ("fill", fill), ("fill-opacity", f(opacity)), ("stroke", "none")])
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String) {
        element("circle", [("cx", f(x)), ("cy", f(y)), ("r", f(radius)), ("fill", fill)])
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, opacity: Double = 1) {
        element("rect", [("x", f(x)), ("y", f(y)), ("width", f(max(w, 0))), ("height", f(max(h, 0))),
                         ("fill", fill), ("fill-opacity", f(opacity))])
    }

    mutating func text(_ x: Double, _ y: Double, _ content: String, size: Double = 11, anchor: String = "start",
                       weight: String = "normal", fill: String = "#333") {
        element("text", [("x", f(x)), ("y", f(y)), ("font-size", f(size)), ("text-anchor", anchor),
                         ("font-weight", weight), ("fill", fill)], text: content)
    }

    /// The finished document; `title` becomes the accessible name.
    func rendered(title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" "
            + "height=\"\(f(height))\" font-family=\"\(Self.escape(Self.fonts))\" role=\"img\">\n"
            + "<title>\(Self.escape(title))</title>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n"
            + body + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private func f(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return String(format: "%.1f", value)
    }
}

/// A linear scale with "nice" ticks (1, 2, 2.5, 5 × 10ᵏ).
struct LinearScale {
    let low: Double, high: Double
    let pixelLow: Double, pixelHigh: Double

    init(covering values: [Double], pixels: ClosedRange<Double>, flipped: Bool = true) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if low == high { low -= max(abs(low) * 0.1, 1); high += max(abs(high) * 0.1, 1) }
        let pad = (high - low) * 0.06
        self.low = low - pad
        self.high = high + pad
        (pixelLow, pixelHigh) = flipped ? (pixels.upperBound, pixels.lowerBound) : (pixels.lowerBound, pixels.upperBound)
    }

    func callAsFunction(_ value: Double) -> Double {
        pixelLow + (value - low) / (high - low) * (pixelHigh - pixelLow)
    }

    private var step: Double {
        let raw = (high - low) / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        return [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
    }

    var ticks: [Double] {
        let step = step
        // Multiples of the step, not a running sum, so no tick drifts to 0.30000000000000004.
        var index = (low / step).rounded(.up)
        var result: [Double] = []
        while index * step <= high + step * 1e-9 { result.append(index * step); index += 1 }
        return result
    }

    /// The label of `tick`: one number of decimals for the whole axis, the fewest that tell the
    /// step apart (2.5 needs one, 20 none), so an axis never reads "4.000 / 2.000 / 0.00".
    func label(_ tick: Double) -> String {
        let step = step
        var decimals = 0
        while decimals < 10, abs((step * pow(10, Double(decimals))).rounded() - step * pow(10, Double(decimals))) > 1e-6 * step * pow(10, Double(decimals)) {
            decimals += 1
        }
        return formatFixed(tick, decimals: decimals)
    }
}

/// `value` with exactly `decimals` decimals and thousands grouped (`11,400`, `2.50`), and no "-0".
func formatFixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    let fixed = String(format: "%.\(decimals)f", abs(value))
    let parts = fixed.split(separator: ".", maxSplits: 1)
    var integer = String(parts[0]), grouped = ""
    while integer.count > 3 {
        grouped = "," + integer.suffix(3) + grouped
        integer.removeLast(3)
    }
    let sign = value < 0 && fixed.contains(where: { $0 != "0" && $0 != "." }) ? "-" : ""
    return sign + integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
}
