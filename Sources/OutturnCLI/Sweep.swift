import ArgumentParser
import Outturn
import OutturnIO

struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "P(target met) as the remaining months shift uniformly, e.g. from −30% to +30%.")

    @OptionGroup var inputs: TargetInputs

    // Text, not Double: ArgumentParser's Double reads `0x10` as 16; numbers follow the files' rules.
    @Option(name: .long, parsing: .unconditional, help: "Smallest shift in percent (may be negative).")
    var from: String = "-30"

    @Option(name: .long, parsing: .unconditional, help: "Largest shift in percent.")
    var to: String = "30"

    @Option(name: .long, help: "Step in percent.")
    var step: String = "10"

    @Option(name: .long, help: "Also write the sweep as an SVG line chart to this file.")
    var chart: String?

    @OptionGroup var outputOptions: OutputOptions

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let from = try CommandLineNumber.parse(from, flag: "--from")
            let to = try CommandLineNumber.parse(to, flag: "--to")
            let step = try CommandLineNumber.parse(step, flag: "--step")
            guard from > -100, to >= from, step > 0, (to - from) / step <= 200 else {
                throw InputError(file: nil, field: "--step",
                                 message: "shifts need -100 < from ≤ to and a step > 0 giving at most 200 columns")
            }
            // Beyond ×11 the remaining months are no longer a what-if, and huge factors overflow.
            guard to <= 1000 else {
                throw InputError(file: nil, field: "--to", message: "\(to)% is more than +1000%; sweep a smaller range")
            }
            let workspace = try inputs.workspace()
            let shifts = stride(from: from, through: to + step / 1e6, by: step).map { ($0 * 1e9).rounded() / 1e9 }
            let report = try await Self.sweep(workspace: workspace, baseline: try await workspace.projections(), shifts: shifts)
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   alongside: chart.map { [OutputFile.Item(SweepChart.svg(report), to: $0, field: "--chart")] } ?? [],
                                   inputs: workspace.inputPaths)
        }
    }

    /// P(met) for every target at every shift of the open months of its period.
    static func sweep(workspace: TargetWorkspace, baseline: [YearEndProjection], shifts: [Double]) async throws -> SweepReport {
        var columns: [[YearEndProjection]] = []
        for shift in shifts {
            // The open months of each target's period after the as-of month, once per indicator
            // and period: an indicator with several conditions must not be scaled twice.
            var changes: [Scenario.Change] = []
            for target in workspace.targetsFile.targets {
                // After the indicator's own last observation: one published later than the others
                // has open months up to the as-of month too, and they move with the shift. A period
                // already fully observed has nothing left to shift.
                let known = workspace.dataset.series(target.indicator)?.lastObserved(through: workspace.asOf) ?? workspace.asOf
                guard let open = target.openMonths(after: known) else { continue }
                let change = Scenario.Change(indicator: target.indicator, months: open, operation: .scale(percent: shift))
                if !changes.contains(where: { $0.indicator == change.indicator && $0.months.overlaps(change.months) }) {
                    changes.append(change)
                }
            }
            let scenario = Scenario(name: "shift \(shift)%", changes: changes)
            let flag = shift < 0 ? "--from" : "--to"
            columns.append(try await workspace.projections(scenario: scenario, culprit: {
                InputError(file: nil, field: flag, message: "a shift of \(shift)%: \($0)")
            }))
        }
        let rows = baseline.indices.map { index in (baseline[index], columns.map { $0[index].probability }) }
        return SweepReport(asOf: workspace.asOf, shifts: shifts, rows: rows)
    }
}
