import ArgumentParser
import Foundation
import Outturn
import OutturnIO

struct Plot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an SVG fan chart for every target into a folder.")

    @Argument(help: "Observations CSV (long or wide form).")
    var observations: String

    @Option(name: .long, help: "Targets file (CSV or JSON).")
    var targets: String

    @Option(name: .long, help: "Project as known at the end of this month (YYYY-MM).")
    var asOf: String?

    @Option(name: .long, help: "The folder to write the charts into (created if missing).")
    var out: String

    @OptionGroup var modelOptions: ModelOptions

    func run() async throws {
        try await reportingErrors {
            let workspace = try TargetWorkspace(observations: observations, targets: targets, asOf: asOf,
                                                modelOptions: modelOptions)
            let projections = try await workspace.projections()
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            var used: Set<String> = []
            for projection in projections {
                let name = chartFileName(projection.target, used: &used)
                let svg = FanChart.svg(projection, series: workspace.dataset.series(projection.target.indicator)!)
                try OutputFile.write(svg, to: (out as NSString).appendingPathComponent(name), inputs: workspace.inputPaths)
            }
            FileHandle.standardError.write(Data("outturn: wrote \(projections.count) charts to \(out)\n".utf8))
        }
    }
}
