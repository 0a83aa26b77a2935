import Foundation
import Testing
@testable import Outturn

/// The four-lane objective (`ETSObjective.callAsFunction(lanes:count:)`) and the speculative
/// Nelder–Mead built on it are a speed change only: every lane must give the one-point
/// objective's value to the last bit, whatever the other lanes hold (feasible, outside the
/// bounds, non-finite), and the lane-driven Nelder–Mead must end on the same point, value and
/// evaluation count as the same Nelder–Mead driven one point at a time. The expected values are
/// the one-point objective's, which `ETSObjectiveTests` ties to the reference recursion and to
/// R's `lik`.
@Suite("ETS four-lane objective equals the one-point objective")
struct ETSObjectiveLanesTests {
    @Test("every lane equals the one-point objective bit for bit, 15 models × fixture series",
          arguments: ETSAllModelsOracleTests.files)
    func sameBits(_ file: String) throws {
        let data = try Data(contentsOf: ETSAllModelsOracleTests.folder.appendingPathComponent(file))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let values = try doc.doubles("values")
        let fits = try doc.object("fits")
        var random = ETSObjectiveTests.SplitMix(state: 20_261_130)
        var finite = 0, infinite = 0
        for (spec, entryAny) in fits.sorted(by: { $0.key < $1.key }) {
            let r = try #require(entryAny as? [String: Any])
            let model = try ETSModel(parsing: spec)
            let par = try r.object("parameters")
            func optional(_ key: String) -> Double? { (par[key] as? NSNumber)?.doubleValue }
            let rPoint = ETSParameters(alpha: try par.double("alpha"), beta: optional("beta"),
                                       gamma: optional("gamma"), phi: optional("phi"), level: try par.double("l"),
                                       trend: optional("b"), seasonal: (0..<11).compactMap { optional("s\($0)") }).vector
            let objective = ETSObjective(model: model, values: values)
            let smoothing = 1 + [model.hasTrend, model.hasSeason, model.isDamped].filter { $0 }.count
            func perturbed() -> [Double] {
                var p = rPoint
                for i in p.indices {
                    let u = random.next() - 0.5
                    p[i] = i < smoothing ? p[i] + 0.6 * u : p[i] * (1 + 0.4 * u)
                }
                // Now and then a non-finite coordinate or a non-positive seasonal state.
                let roll = random.next()
                if roll < 0.05 { p[p.count - 1] = .nan }
                if roll > 0.95, model.hasSeason { p[p.count - 1] = -abs(p[p.count - 1]) }
                return p
            }
            for round in 0..<20 {
                let count = 1 + round % ETSObjective.laneCount
                let points = (0..<count).map { k in round == 0 && k == 0 ? rPoint : perturbed() }
                let flat = points.flatMap { $0 }
                let lanes = flat.withUnsafeBufferPointer { objective(lanes: $0, count: count) }
                for k in 0..<ETSObjective.laneCount {
                    if k < count {
                        let one = objective(points[k])
                        #expect(lanes[k].bitPattern == one.bitPattern,
                                "\(file) \(spec) lane \(k) of \(count): \(lanes[k]) vs \(one)")
                        if one.isFinite { finite += 1 } else { infinite += 1 }
                    } else {
                        #expect(lanes[k] == .infinity, "\(file) \(spec): unused lane \(k) of \(count)")
                    }
                }
            }
        }
        #expect(finite > 100 && infinite > 100, "\(file): \(finite) finite, \(infinite) infinite")
    }

    @Test("the lane-driven Nelder–Mead ends where the one-point one does",
          arguments: ["ANN", "AAdN", "ANA", "AAdA", "MNN", "MAdN", "MNA", "MAM", "MAdM"])
    func sameRun(_ spec: String) throws {
        let oracle = try SharedReferences.json("oracle/series/air_passengers.json")
        let values = try oracle.object("train").doubles("values")
        let model = try ETSModel(parsing: spec)
        let start = ETSEstimation.initialParameters(model: model, values: values).vector
        let objective = ETSObjective(model: model, values: values)
        let lanes = ETSNelderMead().minimise(lanes: { objective(lanes: $0, count: $1) }, start: start)
        let single = ETSNelderMead().minimise({ objective($0) }, start: start)
        var lazy = ETSNelderMead()
        lazy.speculative = false
        let unspeculated = lazy.minimise(lanes: { objective(lanes: $0, count: $1) }, start: start)
        for other in [single, unspeculated] {
            #expect(lanes.evaluations == other.evaluations)
            #expect(lanes.converged == other.converged)
            #expect(lanes.value.bitPattern == other.value.bitPattern, "\(spec): \(lanes.value) vs \(other.value)")
            #expect(lanes.point.map(\.bitPattern) == other.point.map(\.bitPattern), "\(spec)")
        }
    }

    @Test("the lane-driven polishing run ends where the one-point one does",
          arguments: ["AAdN", "ANA", "AAdA", "MAdN", "MNM", "MAdM"])
    func samePolish(_ spec: String) throws {
        let oracle = try SharedReferences.json("oracle/series/air_passengers.json")
        let values = try oracle.object("train").doubles("values")
        let model = try ETSModel(parsing: spec)
        let start = ETSEstimation.initialParameters(model: model, values: values)
        let objective = ETSObjective(model: model, values: values)
        let steps = ETSEstimation.steps(for: start, model: model, values: values).map { $0 * 0.5 }
        var polish = NelderMead()
        polish.maximumEvaluations = 600
        let lanes = polish.minimise(lanes: { objective(lanes: $0, count: $1) }, start: start.vector, steps: steps)
        let single = polish.minimise({ objective($0) }, start: start.vector, steps: steps)
        polish.speculative = false
        let unspeculated = polish.minimise(lanes: { objective(lanes: $0, count: $1) }, start: start.vector, steps: steps)
        for other in [single, unspeculated] {
            #expect(lanes.evaluations == other.evaluations)
            #expect(lanes.value.bitPattern == other.value.bitPattern, "\(spec): \(lanes.value) vs \(other.value)")
            #expect(lanes.point.map(\.bitPattern) == other.point.map(\.bitPattern), "\(spec)")
        }
    }
}

/// The four-lane bounds test against the one-lane one, on parameter sets scattered across and
/// around the admissible region of every model shape.
@Suite("ETS four-lane bounds equal the one-lane bounds")
struct ETSBoundsLanesTests {
    @Test func sameAnswers() {
        var random = ETSObjectiveTests.SplitMix(state: 7)
        var accepted = 0, rejected = 0
        for trend in [false, true] {
            for damped in [false, true] where trend || !damped {
                for season in [false, true] {
                    for _ in 0..<500 {
                        var alpha = SIMD4<Double>(), beta = SIMD4<Double>(), gamma = SIMD4<Double>(), phi = SIMD4<Double>()
                        for k in 0..<4 {
                            alpha[k] = 1.2 * random.next() - 0.1
                            beta[k] = alpha[k] * (1.2 * random.next() - 0.1)
                            gamma[k] = (1 - alpha[k]) * (1.2 * random.next() - 0.1)
                            phi[k] = 0.75 + 0.3 * random.next()
                        }
                        var lanes = SIMDMask<SIMD4<Int64>>(repeating: true)
                        lanes[2] = random.next() < 0.9
                        let answer = ETSBounds.accepts(alpha: alpha, beta: trend ? beta : nil, gamma: season ? gamma : nil,
                                                       phi: damped ? phi : nil, lanes: lanes)
                        for k in 0..<4 {
                            let one = lanes[k] && ETSBounds.accepts(alpha: alpha[k], beta: trend ? beta[k] : nil,
                                                                    gamma: season ? gamma[k] : nil,
                                                                    phi: damped ? phi[k] : nil)
                            #expect(answer[k] == one, "\(alpha[k]) \(beta[k]) \(gamma[k]) \(phi[k])")
                            if one { accepted += 1 } else { rejected += 1 }
                        }
                    }
                }
            }
        }
        #expect(accepted > 1000 && rejected > 1000, "\(accepted) accepted, \(rejected) rejected")
    }
}
