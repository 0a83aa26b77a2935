import ArgumentParser
import Foundation
import Outturn
import OutturnIO

struct Plot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an SVG fan chart for every target into a folder.")

    @OptionGroup var inputs: TargetInputs

    @Option(name: .long, help: "The folder to write the charts into (created if missing).")
    var out: String


    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let workspace = try inputs.workspace()
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
