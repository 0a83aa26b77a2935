import Foundation
import Testing

/// `--model combo` through the real binary: the projection is the mean of the members'
/// projections, each made by the binary alone with `--model ets`, `theta` and
/// `trend+season+arma`, and every command that fits a model takes it.
@Suite struct CombinationCommandTests {
    static let deaths = CLIRunner.shared.appendingPathComponent("data/series/us_accidental_deaths.csv").path
    static let members = ["ets", "theta", "trend+season+arma"]
    /// The default members with the ARMA orders given: choosing them takes 18 fits, which a
    /// debug build makes slow, and the tests below are not about that choice.
    static let quick = "combo(ets,theta,trend+season+arma(1,0))"

    static func withTargets<T>(_ body: (String) throws -> T) throws -> T {
        let folder = try CLIRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = folder.appendingPathComponent("targets.csv")
        try "indicator,year,aggregate,comparator,threshold\nus_accidental_deaths,1978,sum,>=,100000\n"
            .write(to: targets, atomically: true, encoding: .utf8)
        return try body(targets.path)
    }

    static func projection(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLIRunner.run(arguments + ["--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let indicator = try #require((document["indicators"] as? [[String: Any]])?.first)
        return indicator
    }

    /// The 1978 total cut at June with the model's own intervals. The observed half is the same
    /// for every model, so the combination's central value is the mean of the members' (the mean
    /// of the members' monthly means, summed); its variance of the total is the mean of the
    /// members' variances (the combination's covariance is the average of theirs):
    /// se_combo² = (se_ets² + se_theta² + se_arma²) / 3.
    @Test func projectIsTheMeanOfTheMembersProjections() throws {
        try Self.withTargets { targets in
            let base = ["project", Self.deaths, "--targets", targets, "--as-of", "1978-06", "--intervals", "model"]
            let combo = try Self.projection(base + ["--model", "combo"])
            let members = try Self.members.map { try Self.projection(base + ["--model", $0]) }
            func figure(_ indicator: [String: Any], _ key: String) throws -> Double {
                try #require((indicator["projection"] as? [String: Any])?[key] as? Double)
            }
            let values = try members.map { try figure($0, "value") }
            let errors = try members.map { try figure($0, "standardError") }
            #expect(isClose(try figure(combo, "value"), values.reduce(0, +) / 3, relative: 1e-9))
            let variance = errors.reduce(0.0) { $0 + $1 * $1 } / 3
            #expect(isClose(try figure(combo, "standardError"), variance.squareRoot(), relative: 1e-9))

            let model = try #require(combo["model"] as? [String: Any])
            let reason = try #require(model["reason"] as? String)
            #expect(reason.hasPrefix("combo: weighted mean of ETS("), "\(reason)")
            #expect(reason.contains(", theta 0.33, trend+season+arma("), "\(reason)")
            #expect(combo["probability"] is Double)
        }
    }

    /// The default `--intervals checked` widens (never narrows) the spread; scenarios and pace
    /// work on the combination as on any model.
    @Test func checkedIntervalsScenariosAndPace() throws {
        try Self.withTargets { targets in
            let base = ["project", Self.deaths, "--targets", targets, "--as-of", "1978-06", "--model", Self.quick]
            let model = try Self.projection(base + ["--intervals", "model"])
            let checked = try Self.projection(base)
            func standardError(_ indicator: [String: Any]) throws -> Double {
                try #require((indicator["projection"] as? [String: Any])?["standardError"] as? Double)
            }
            #expect(try standardError(checked) >= standardError(model))

            let whatif = try CLIRunner.run(["whatif", Self.deaths, "--targets", targets, "--as-of", "1978-06", "--model", Self.quick,
                                            "--scale", "us_accidental_deaths@1978-07..1978-12=+10%"])
            #expect(whatif.status == 0, "\(whatif.stderr)")
            let pace = try CLIRunner.run(["pace", Self.deaths, "--targets", targets, "--as-of", "1978-06", "--model", Self.quick])
            #expect(pace.status == 0, "\(pace.stderr)")
        }
    }

    /// `fit --model combo` lists the members with their weights, then each member's own summary.
    @Test func fitShowsTheMembers() throws {
        let text = try CLIRunner.run(["fit", Self.deaths, "--indicator", "us_accidental_deaths", "--model", Self.quick])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Chosen: \(Self.quick): weighted mean of ETS("), "\(text.stdout)")
        for index in 1...3 { #expect(text.stdout.contains("Member \(index) of 3, weight 0.33:")) }
        #expect(text.stdout.contains("us_accidental_deaths: theta, fitted to 1973-01"))
        #expect(text.stdout.contains("Errors: ARIMA(1,0,0)"))

        // (Without the ARMA member: fit.json does not yet list that family's `errors` and `sigma2`.)
        let json = try CLIRunner.run(["fit", Self.deaths, "--indicator", "us_accidental_deaths", "--model", "combo(ets,theta)",
                                      "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try JSONSchemaTests.validate([(schema: "fit", document: json.stdout)]).allSatisfy(\.isEmpty))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let members = try #require((document["model"] as? [String: Any])?["members"] as? [[String: Any]])
        #expect(members.map { ($0["model"] as? [String: Any])?["name"] as? String }.dropFirst().first == "theta")
        #expect(members.allSatisfy { isClose(($0["weight"] as? Double) ?? 0, 0.5, relative: 1e-12) })
    }

    /// A malformed member list is a usage error that names the whole model.
    @Test func malformedListIsRefused() throws {
        let result = try CLIRunner.run(["fit", Self.deaths, "--indicator", "us_accidental_deaths", "--model", "combo(ets)"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown model 'combo(ets)'"), "\(result.stderr)")
    }
}
