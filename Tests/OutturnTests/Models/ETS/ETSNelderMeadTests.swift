import Foundation
import Testing
@testable import Outturn

/// R's `nmmin` as forecast 8.20's `ets()` runs it: from R's starting values, the same number of
/// objective evaluations and the same optimum as R. Expected values from R 4.x + forecast 8.20
/// on air passengers' 132 training months (`../shared/oracle/series/air_passengers.json`):
/// `etsmodel` instrumented to print `fred$fncount` and `fred$value` after its
/// `.Call("etsNelderMead", …)`, then `ets(y, model = m, damped = d)`:
///
///     ANN 177 1552.9197303633139      AAN 323 1552.6277477725323
///     ANA 2001 1369.0061290345182     AAA 2001 1366.588462072596
///     MAM 2001 1223.5730396457884     MNM 2001 1267.5181573839529
///     MAdM 2001 1208.4579942901962    AAdA 2001 1368.246302180381
@Suite("ETSNelderMead")
struct ETSNelderMeadTests {
    static let expected: [(model: String, count: Int, value: Double)] = [
        ("ANN", 177, 1552.9197303633139), ("AAN", 323, 1552.6277477725323),
        ("ANA", 2001, 1369.0061290345182), ("AAA", 2001, 1366.588462072596),
        ("MAM", 2001, 1223.5730396457884), ("MNM", 2001, 1267.5181573839529),
        ("MAdM", 2001, 1208.4579942901962), ("AAdA", 2001, 1368.246302180381),
    ]

    @Test("R's path from R's start: R's evaluation count and optimum", arguments: expected)
    func followsR(_ case_: (model: String, count: Int, value: Double)) throws {
        let oracle = try SharedReferences.json("oracle/series/air_passengers.json")
        let values = try oracle.object("train").doubles("values")
        let model = try ETSModel(parsing: case_.model)
        let start = ETSEstimation.initialParameters(model: model, values: values)
        let objective = ETSObjective(model: model, values: values)
        let run = ETSNelderMead().minimise({ objective($0) }, start: start.vector)
        #expect(run.evaluations == case_.count, "\(model): \(run.evaluations) evaluations, R \(case_.count)")
        #expect(isClose(run.value, case_.value, relative: 1e-9), "\(model): \(run.value), R \(case_.value)")
        #expect(run.converged == (case_.count < 2000))
    }

    /// A quadratic bowl: the minimum at (1, −2), reached to R's relative tolerance.
    @Test func findsAQuadraticMinimum() {
        let run = ETSNelderMead().minimise({ v in (v[0] - 1) * (v[0] - 1) + 10 * (v[1] + 2) * (v[1] + 2) + 3 },
                                           start: [0, 0])
        #expect(run.converged)
        #expect(abs(run.value - 3) < 1e-6)
        #expect(abs(run.point[0] - 1) < 1e-3 && abs(run.point[1] + 2) < 1e-3)
    }
}
