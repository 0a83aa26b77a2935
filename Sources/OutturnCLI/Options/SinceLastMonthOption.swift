import ArgumentParser
import Foundation
import Outturn
import OutturnIO
import OutturnStore

/// `--store PATH` of `report`: where last month's projection comes from for "since last month".
struct SinceLastMonthOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The projection store (from `project --record`) to compare with for 'since last month'; default: outturn.sqlite "
            + "beside the observations when it exists. Without a store, last month's projection is recomputed from the same data.",
        valueName: "store"))
    var store: String?

    /// The comparison with last month, and the store it read (an input the report must not overwrite).
    func sinceLastMonth(workspace: TargetWorkspace,
                        current: [YearEndProjection]) async throws -> (comparison: SinceLastMonth, inputs: [String]) {
        if let path = try storePath(observations: workspace.observationsPath) {
            let runs = try ProjectionStore.openForReading(at: path).runs()
            if let run = SinceLastMonth.previousRun(in: runs, before: workspace.asOf) {
                return (SinceLastMonth(current: current, asOf: workspace.asOf, recorded: run, store: path), [path])
            }
            return (try await recomputed(workspace: workspace, current: current, store: path), [path])
        }
        return (try await recomputed(workspace: workspace, current: current, store: nil), [])
    }

    /// The store given, else `outturn.sqlite` beside the observations if there is one.
    /// - Throws: when `--store` names no file: a typo must not silently fall back to recomputing.
    func storePath(observations: String) throws(InputError) -> String? {
        if let store {
            guard FileManager.default.fileExists(atPath: store) else {
                throw InputError(file: nil, field: "--store",
                                 message: "no projection store at '\(store)'; record one with `outturn project … --record \(store)`")
            }
            return store
        }
        let folder = (observations as NSString).deletingLastPathComponent
        let beside = folder.isEmpty ? "outturn.sqlite" : (folder as NSString).appendingPathComponent("outturn.sqlite")
        return FileManager.default.fileExists(atPath: beside) ? beside : nil
    }

    /// Every target projected again as of the month before, from the same data and model. A target
    /// the earlier month cannot project (its data start later, say) has no previous projection.
    private func recomputed(workspace: TargetWorkspace, current: [YearEndProjection],
                            store: String?) async throws -> SinceLastMonth {
        let previous = workspace.asOf.advanced(by: -1)
        let results = await workspace.book.projectionResults(asOf: previous, levels: workspace.levels)
        return SinceLastMonth(current: current, asOf: workspace.asOf, recomputed: results.map { try? $0.get() },
                              previousAsOf: previous, store: store)
    }
}
