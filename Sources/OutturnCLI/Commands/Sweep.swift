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

    /// The shifts asked for, in percent, each rounded to 1e-9 so that 0.1 steps print cleanly.
    /// - Throws: an ``InputError`` naming the flag at fault.
    func shifts() throws -> [Double] {
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
        return stride(from: from, through: to + step / 1e6, by: step).map { ($0 * 1e9).rounded() / 1e9 }
    }

    func validate() throws {
        try reportingErrors { _ = try shifts() }
    }

    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        try await reportingErrors(languageOption) {
            let shifts = try shifts()
            let workspace = try inputs.workspace()
            let report = try await Self.sweep(try await workspace.fit(), shifts: shifts, workspace: workspace)
            try outputOptions.emit(report.rendered(outputOptions.format),
                                   alongside: chart.map { [OutputFile.Item(SweepChart.svg(report), to: $0, field: "--chart")] } ?? [],
                                   inputs: workspace.inputPaths)
        }
    }

    /// P(met) for every target at every shift of the open months of its period, on `fitted`'s
    /// fits; a failure names the flag whose end of the range the shift lies towards.
    static func sweep(_ fitted: FittedBook, shifts: [Double], workspace: TargetWorkspace) async throws -> SweepReport {
        do {
            return SweepReport(asOf: workspace.asOf, sensitivity: try await fitted.sweep(shifts: shifts))
        } catch {
            guard case .scenario(let position, let inner) = error else { throw workspace.error(error) }
            let shift = shifts[position]
            throw workspace.error(inner, scenario: fitted.shifted(by: shift)) {
                InputError(file: nil, field: shift < 0 ? "--from" : "--to", message: "a shift of \(shift)%: \($0)")
            }
        }
    }
}
