import Foundation

/// Turns a ``RegressionFormula`` into regression columns for any months, fitted or future.
///
/// The trend's origin is fixed at the first fitted month (t = 1 there, as in R's `tslm`) and the
/// column holds t − t̄, t̄ the mean over the fitted months: centring keeps designs over real years
/// well conditioned. Coefficients are reported back in the uncentred form (see ``RegressionFit``).
struct DesignMatrix: Sendable {
    let model: RegressionFormula
    /// t = 1 in this month.
    let origin: Month
    /// t̄ over the fitted months.
    let trendCentre: Double
    let regressors: [String: MonthlySeries]
    /// One name per column, R-style: `(Intercept)`, `trend`, `season2`…, `S1-12`, `C1-12`….
    let termNames: [String]
    /// The index of the trend column, if any.
    let trendColumn: Int?

    init(model: RegressionFormula, fittedMonths: [Month], regressors: [String: MonthlySeries]) {
        precondition(!fittedMonths.isEmpty, "a design needs at least one month")
        self.model = model
        self.regressors = regressors
        origin = fittedMonths[0]
        let origin = self.origin
        trendCentre = fittedMonths.reduce(0.0) { $0 + Double(origin.distance(to: $1) + 1) }
            / Double(fittedMonths.count)
        var names = ["(Intercept)"]
        var trendColumn: Int?
        for term in model.terms {
            switch term {
            case .trend:
                trendColumn = names.count
                names.append("trend")
            case .season: names += (2...12).map { "season\($0)" }
            case .fourier(let k):
                for j in 1...k {
                    if j < 6 { names.append("S\(j)-12") }
                    names.append("C\(j)-12")
                }
            case .intervention(let intervention): names.append(intervention.description)
            case .regressor(let name): names.append(name)
            }
        }
        termNames = names
        self.trendColumn = trendColumn
    }

    var columnCount: Int { termNames.count }

    /// The design row for one month; `overrides` replace regressor values and switch
    /// interventions (used for scenario months only).
    /// - Throws: ``ModelError/missingRegressor(name:month:)``.
    func row(for month: Month, overrides: RowOverrides = .none) throws(ModelError) -> [Double] {
        var row = [1.0]
        row.reserveCapacity(columnCount)
        for term in model.terms {
            switch term {
            case .trend:
                row.append(Double(origin.distance(to: month) + 1) - trendCentre)
            case .season:
                for m in 2...12 { row.append(month.month == m ? 1 : 0) }
            case .fourier(let k):
                for j in 1...k {
                    let angle = 2 * Double.pi * Double(j * month.month) / 12
                    if j < 6 { row.append(sin(angle)) }
                    row.append(cos(angle))
                }
            case .intervention(let intervention):
                let natural = intervention.value(at: month)
                switch overrides.interventions[intervention] {
                case nil: row.append(natural)
                case false: row.append(0)
                case true: row.append(natural != 0 ? natural : 1)
                }
            case .regressor(let name):
                guard let value = overrides.regressors[name]?[month] ?? regressors[name]?[month] else {
                    throw .missingRegressor(name: name, month: month)
                }
                guard isSupportedMagnitude(value) else { throw .valueOutOfRange(month: month, value: value) }
                row.append(value)
            }
        }
        return row
    }

    /// The design for `months`, one row each.
    func matrix(for months: [Month]) throws(ModelError) -> Matrix {
        var matrix = Matrix(rows: months.count, columns: columnCount)
        for (i, month) in months.enumerated() {
            let row = try row(for: month)
            for j in row.indices { matrix[i, j] = row[j] }
        }
        return matrix
    }
}

/// Scenario replacements in forecast rows: regressor values, interventions on or off.
struct RowOverrides: Sendable {
    var regressors: [String: [Month: Double]] = [:]
    var interventions: [Intervention: Bool] = [:]

    static let none = RowOverrides()
}
