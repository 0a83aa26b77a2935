import ArgumentParser
import Outturn
import OutturnIO

struct Sweep: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "P(target met) as the remaining months shift uniformly, e.g. from −30% to +30%.")

    @OptionGroup var inputs: TargetInputs

    @Option(name: .long, parsing: .unconditional, help: "Smallest shift in percent (may be negative).")
    var from: Double = -30

    @Option(name: .long, parsing: .unconditional, help: "Largest shift in percent.")
    var to: Double = 30

    @Option(name: .long, help: "Step in percent.")
    var step: Double = 10

    @Option(name: .long, help: "Also write the sweep as an SVG line chart to this file.")
    var chart: String?

    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        try await reportingErrors {
            guard from > -100, to >= from, step > 0, (to - from) / step <= 200 else {
                throw InputError(file: nil, field: "--step",
                                 message: "shifts need -100 < from ≤ to and a step > 0 giving at most 200 columns")
            }
            let workspace = try inputs.workspace()
            let shifts = stride(from: from, through: to + step / 1e6, by: step).map { ($0 * 1e9).rounded() / 1e9 }
            let report = try await Self.sweep(workspace: workspace, baseline: try await workspace.projections(), shifts: shifts)
            if let chart { try OutputFile.write(SweepChart.svg(report), to: chart, inputs: workspace.inputPaths) }
            try outputOptions.emit(report.rendered(outputOptions.format), inputs: workspace.inputPaths)
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
                // A period already fully observed has nothing left to shift.
                guard let open = target.openMonths(after: workspace.asOf) else { continue }
                let change = Scenario.Change(indicator: target.indicator, months: open, operation: .scale(percent: shift))
                if !changes.contains(where: { $0.indicator == change.indicator && $0.months.overlaps(change.months) }) {
                    changes.append(change)
                }
            }
            columns.append(try await workspace.projections(scenario: Scenario(name: "shift \(shift)%", changes: changes)))
        }
        let rows = baseline.indices.map { index in (baseline[index], columns.map { $0[index].probability }) }
        return SweepReport(asOf: workspace.asOf, shifts: shifts, rows: rows)
    }
}
