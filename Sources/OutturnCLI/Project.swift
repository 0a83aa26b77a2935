import ArgumentParser
import Outturn
import OutturnIO

struct Project: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Project every target's year-end value, interval and probability of being met.")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "Targets file (CSV or JSON).")
    var targets: String

    @Option(name: .long, help: "Project as known at the end of this month (YYYY-MM); default: the last observed month in the file.")
    var asOf: String?

    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        try await reportingErrors {
            let levels = try modelOptions.levels()
            let choice = try modelOptions.choice()
            let extraTerms = try modelOptions.extraTerms()
            let requestedAsOf = try parseAsOf(asOf)
            let dataset = try ObservationsFile.read(path: observations)
            let targetsFile = try TargetsFile.read(path: targets)
            try targetsFile.checkIndicators(in: dataset)
            let regressors = try modelOptions.regressors(for: choice, in: dataset)
            // The default as-of is the last month observed for a target's indicator: a regressor
            // known into the future must not move it. Checked above: every target's series exists.
            let lastMonth = targetsFile.targets.map { dataset.series($0.indicator)!.end }.max()!
            if let requestedAsOf, requestedAsOf > lastMonth {
                throw InputError(file: nil, field: "--as-of",
                                 message: "\(requestedAsOf) is after the data end (\(lastMonth)) in \(observations); use \(lastMonth) or earlier")
            }
            let asOf = requestedAsOf ?? lastMonth
            let requests = targetsFile.targets.map { target in
                YearEndProjection.Request(series: dataset.series(target.indicator)!, target: target, model: choice,
                                          extraTerms: extraTerms, regressors: regressors)
            }
            var projections: [YearEndProjection] = []
            for (index, result) in await YearEndProjection.projectAll(requests, asOf: asOf, levels: levels).enumerated() {
                switch result {
                case .success(let projection): projections.append(projection)
                case .failure(let error):
                    throw targetsFile.error(at: index, message: "\(targetsFile.targets[index].indicator): \(error)")
                }
            }
            let report = ProjectionReport(asOf: asOf, levels: levels, projections: projections)
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: [observations, targets])
        }
    }
}
