import ArgumentParser
import Foundation
import OutturnIO
import OutturnStore

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how each target's projection, interval and P(met) moved between recorded runs.",
        discussion: """
            Reads a store written by `outturn project … --record`. Each target's runs are listed in
            as-of order with the change since the previous run; a changed status reads 'A → B', and
            'Data revised' names the months whose observed value differs from the previous run's.
            """)

    @Argument(help: "The projection store.")
    var store: String = "outturn.sqlite"

    @Option(name: .long, help: "Only this indicator's targets.")
    var indicator: String?

    @Option(name: .long, help: "Output format: table, json, csv or markdown.")
    var format: OutputFormat = .table

    @Option(name: .long, help: ArgumentHelp("Write an SVG per target into this folder (created if missing) instead of the table.",
                                            valueName: "folder"))
    var chart: String?

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        try reportingErrors(languageOption) {
            let projectionStore = try ProjectionStore.openForReading(at: store)
            let runs = try projectionStore.runs()
            let history = ProjectionHistory(store: store, runs: runs, indicator: indicator)
            if let indicator, history.tracks.isEmpty {
                let known = Array(Set(runs.flatMap { $0.projections.map(\.indicator) })).sorted()
                throw InputError(file: nil, field: "--indicator",
                                 message: "no recorded target of '\(indicator)' in \(store); it holds \(known.isEmpty ? "no runs" : known.joined(separator: ", "))")
            }
            guard let chart else {
                print(history.rendered(format), terminator: "")
                return
            }
            do {
                try FileManager.default.createDirectory(atPath: chart, withIntermediateDirectories: true)
            } catch {
                throw InputError(file: nil, field: "--chart", message: "cannot create the folder '\(chart)' (\(error.localizedDescription))")
            }
            var used: Set<String> = []
            for track in history.tracks {
                let name = HistoryChart.fileName(track, used: &used)
                try OutputFile.write(HistoryChart.svg(track), to: (chart as NSString).appendingPathComponent(name), inputs: [store])
            }
            FileHandle.standardError.write(Data("outturn: wrote \(history.tracks.count) charts to \(chart)\n".utf8))
        }
    }
}
