import Foundation
import Testing

/// `--model ets` and `--model "ets(MAM)"` through the real binary, against R forecast 8.20's
/// `ets()` fitted to the whole air-passengers series (`Tests/Fixtures/ets-cli`, written by
/// `scripts/ets-cli-oracle.R`).
///
/// Outturn's estimation follows R's own Nelder–Mead path from R's start and polishes the point
/// where R's run ends on its budget, so it ends at R's likelihood or a slightly higher one: the
/// tests require a log-likelihood no worse than R's, and compare forecasts with R's own run
/// (see ``mamForecastsNearR()``).
@Suite struct ETSCommandTests {
    static let airPassengers = CLIRunner.shared.appendingPathComponent("data/series/air_passengers.csv").path

    /// R's fit of `model` to the whole series: its default run, or (`refined`) the maximum
    /// likelihood found by restarting R's own optimisation.
    static func rFit(_ model: String, refined: Bool = false) throws -> [String: Any] {
        let url = CLIRunner.packageRoot.appendingPathComponent("Tests/Fixtures/ets-cli/air_passengers.json")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require((doc[refined ? "refined" : "fits"] as? [String: Any])?[model] as? [String: Any])
    }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// Point forecasts of ETS(M,A,M) for 1961. R's own `ets()` run stops on its 2,000-evaluation
    /// budget at log-likelihood −682.40 (α = 0.39); Outturn follows the same path and polishes the
    /// point, so it must be no worse than that and near it: within 1 (ours is −681.82) and its
    /// means within 1% of R's (0.8% at most here, at h = 11). Restarting R's objective from a
    /// grid of starting α's reaches another mode, −676.06 at α = 0.72 (the fixture's `refined`
    /// entry, see scripts/ets-cli-oracle.R), whose means differ by up to 10%: neither R's
    /// default run nor Outturn's looks for it.
    @Test func mamForecastsNearR() throws {
        let r = try Self.rFit("MAM")
        let output = try CLIRunner.run(["forecast", Self.airPassengers, "--indicator", "air_passengers",
                                        "--model", "ets(MAM)", "--horizon", "12", "--format", "json"])
        #expect(try JSONSchemaTests.validate([(schema: "forecast", document: output.stdout)]).allSatisfy(\.isEmpty))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let model = try #require(document["model"] as? [String: Any])
        #expect(model["name"] as? String == "ETS(M,A,M)")
        let loglik = try #require(model["logLikelihood"] as? Double)
        let rDefault = try #require(r["loglik"] as? Double)
        #expect(loglik >= rDefault - 1e-6, "\(loglik) vs R \(rDefault)")
        #expect(loglik - rDefault < 1, "\(loglik) vs R \(rDefault)")
        let means = try #require(r["mean"] as? [Double])
        let forecasts = try #require(document["forecasts"] as? [[String: Any]])
        #expect(forecasts.count == 12)
        for (h, forecast) in forecasts.enumerated() {
            let value = try #require(forecast["value"] as? Double)
            #expect(abs(value / means[h] - 1) < 0.01, "h=\(h + 1): \(value) vs R \(means[h])")
        }
    }

    /// `fit --model "ets(AAA)"`: an R-like summary in every format. The log-likelihood is no
    /// worse than R's `ets(y, model = "AAA")`, and AIC/AICc/BIC follow from it by R's
    /// definitions with k + 1 = 17 parameters (16 free plus σ) and n = 144:
    /// AIC = −2ℓ + 34, AICc = AIC + 2·17·18/(144 − 17 − 1), BIC = −2ℓ + 17·log 144.
    @Test func aaaSummaryInEveryFormat() throws {
        let r = try Self.rFit("AAA")
        let arguments = ["fit", Self.airPassengers, "--indicator", "air_passengers", "--model", "ets(AAA)"]
        let output = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(try JSONSchemaTests.validate([(schema: "fit", document: output.stdout)]).allSatisfy(\.isEmpty))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let model = try #require(document["model"] as? [String: Any])
        let loglik = try #require(model["logLikelihood"] as? Double)
        #expect(loglik >= (r["loglik"] as? Double ?? .infinity) - 1e-6)
        let aic = -2 * loglik + 34
        #expect(isClose(try #require(model["aic"] as? Double), aic, relative: 1e-12))
        #expect(isClose(try #require(model["aicc"] as? Double), aic + 2 * 17 * 18 / 126.0, relative: 1e-12))
        #expect(isClose(try #require(model["bic"] as? Double), -2 * loglik + 17 * log(144.0), relative: 1e-12))
        for key in ["alpha", "beta", "gamma", "initialLevel", "initialTrend"] { #expect(model[key] is Double, "\(key)") }
        let states = try #require(model["initialSeasonalStates"] as? [Double])
        #expect(states.count == 12 && abs(states.reduce(0, +)) < 1e-8 * states.map(abs).reduce(0, +))
        #expect(model["phi"] == nil)
        #expect(model["residualDegreesOfFreedom"] as? Int == 144 - 16)

        let table = try CLIRunner.run(arguments)
        #expect(table.status == 0, "\(table.stderr)")
        for text in ["ETS(A,A,A)", "as requested", "alpha", "gamma", "s11", "sigma:", "Log-likelihood", "AICc", "BIC"] {
            #expect(table.stdout.contains(text), "\(text)")
        }
        let markdown = try CLIRunner.run(arguments + ["--format", "markdown"])
        #expect(markdown.status == 0 && markdown.stdout.contains("| alpha"), "\(markdown.stdout)")
        let csv = try CLIRunner.run(arguments + ["--format", "csv"])
        #expect(csv.status == 0)
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["parameter", "estimate"])
        #expect(Set(rows.map { $0[0] }).isSuperset(of: ["alpha", "beta", "gamma", "l", "b", "s0", "s11", "sigma", "logLik", "AIC", "AICc", "BIC"]))
    }

    /// The example's targets (all but kitchen waste, whose four months are too few for any ETS
    /// model) through every command that fits a model.
    static func exampleWithoutKitchenWaste() throws -> (folder: URL, observations: String, targets: String) {
        let copy = try CLIRunner.exampleCopy()
        let text = try String(contentsOfFile: copy.targets, encoding: .utf8)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("kitchen_waste,") }
        try kept.joined(separator: "\n").write(toFile: copy.targets, atomically: true, encoding: .utf8)
        return copy
    }

    @Test func everyCommandTakesAnETSModel() throws {
        let (folder, observations, targets) = try Self.exampleWithoutKitchenWaste()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = ["--model", "ets(ANN)"]

        let project = try CLIRunner.run(["project", observations, "--targets", targets] + model + ["--format", "json"])
        #expect(project.status == 0, "\(project.stderr)")
        let projections = try #require((try JSONSerialization.jsonObject(with: Data(project.stdout.utf8)) as? [String: Any])?["indicators"] as? [[String: Any]])
        let water = try #require(projections.first { ($0["indicator"] as? String) == "water" })
        #expect(((water["model"] as? [String: Any])?["name"] as? String) == "ETS(A,N,N)")
        #expect(water["probability"] is Double)

        // The year total end to end, from the fitted α and ℓ₀ that `fit` reports: ETS(A,N,N)
        // forecasts every month as the last level ℓ_n (ℓ_t = ℓ_{t−1} + α(y_t − ℓ_{t−1}), run here
        // by hand), so the 2020 water total is January–August as observed plus 4ℓ_n, and its
        // variance (model intervals) is σ²[(1+3α)² + (1+2α)² + (1+α)² + 1].
        let fitted = try #require(try Self.json(["fit", observations, "--indicator", "water"] + model)["model"] as? [String: Any])
        let alpha = try #require(fitted["alpha"] as? Double), sigma = try #require(fitted["sigma"] as? Double)
        var level = try #require(fitted["initialLevel"] as? Double)
        let rows = try String(contentsOfFile: observations, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("water,") }.map { $0.split(separator: ",") }
        var soFar = 0.0
        for row in rows {
            let value = try #require(Double(row[2]))
            level += alpha * (value - level)
            if row[1].hasPrefix("2020-") { soFar += value }
        }
        #expect(rows.last?[1] == "2020-08")
        let modelIntervals = try Self.json(["project", observations, "--targets", targets, "--intervals", "model"] + model)
        let exact = try #require((modelIntervals["indicators"] as? [[String: Any]])?.first { ($0["indicator"] as? String) == "water" })
        let projection = try #require(exact["projection"] as? [String: Any])
        #expect(isClose(try #require(projection["value"] as? Double), soFar + 4 * level, relative: 1e-9))
        let unit = (1 + 3 * alpha) * (1 + 3 * alpha) + (1 + 2 * alpha) * (1 + 2 * alpha) + (1 + alpha) * (1 + alpha) + 1
        #expect(isClose(try #require(projection["standardError"] as? Double), sigma * unit.squareRoot(), relative: 1e-9))

        let whatif = try CLIRunner.run(["whatif", observations, "--targets", targets, "--scale", "water@2020-09..2020-12=+10%"] + model)
        #expect(whatif.status == 0, "\(whatif.stderr)")
        let pace = try CLIRunner.run(["pace", observations, "--targets", targets] + model)
        #expect(pace.status == 0, "\(pace.stderr)")
        let charts = folder.appendingPathComponent("charts")
        let plot = try CLIRunner.run(["plot", observations, "--targets", targets, "--out", charts.path] + model)
        #expect(plot.status == 0, "\(plot.stderr)")
        let svgs = try FileManager.default.contentsOfDirectory(atPath: charts.path).filter { $0.hasSuffix(".svg") }
        #expect(!svgs.isEmpty)
        let backtest = try CLIRunner.run(["backtest", observations, "--indicator", "water", "--as-of-month", "6"] + model)
        #expect(backtest.status == 0, "\(backtest.stderr)")
        #expect(backtest.stdout.contains("ETS(A,N,N)"), "\(backtest.stdout)")
    }

    /// `--model ets` chooses among R's candidates and says how many it compared: on 18 positive
    /// months no seasonal model has enough data (R's rule n > k + 4; ETS(A,N,A) has k = 14), so
    /// the candidates are A and M errors with N, A and Ad trends: six.
    @Test func automaticChoiceSaysWhy() throws {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (0..<18).map { t in "a,\(2019 + t / 12)-\(String(format: "%02d", t % 12 + 1)),\(50 + t + (t * 7) % 5)" }
        try (["indicator,month,value"] + rows).joined(separator: "\n").write(to: folder.appendingPathComponent("obs.csv"),
                                                                           atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["fit", "obs.csv", "--indicator", "a", "--model", "ets"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Chosen: ets: lowest AICc of 6 candidates"), "\(result.stdout)")
        #expect(result.stdout.contains("ETS("))
    }
}
