import ArgumentParser
import Foundation
import Outturn
import OutturnIO
import OutturnStore

/// `--record [STORE]`: saves a `project` run into the projection store.
struct RecordOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Record the run in a projection store (SQLite), for `outturn history`; alone, outturn.sqlite beside the observations.",
        valueName: "store"))
    var record: String?

    /// `--record` takes an optional value, which ArgumentParser cannot express: a bare `--record`
    /// (last, or followed by another option) is given ``besideObservations`` as its value.
    static func normalised(_ arguments: [String]) -> [String] {
        arguments.enumerated().map { index, argument in
            guard argument == "--record" else { return argument }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            return next.map { $0.hasPrefix("-") } ?? true ? "--record=\(besideObservations)" : argument
        }
    }

    /// The value of a bare `--record`: a control character no one types as a path (ArgumentParser
    /// refuses an empty value).
    static let besideObservations = "\u{1}"

    /// The store path: the one given, or `outturn.sqlite` beside the observations.
    func storePath(observations: String) -> String? {
        guard let record else { return nil }
        guard record == Self.besideObservations else { return record }
        let folder = (observations as NSString).deletingLastPathComponent
        return folder.isEmpty ? "outturn.sqlite" : (folder as NSString).appendingPathComponent("outturn.sqlite")
    }

    /// Runs `emit` (which writes the report); with `--record`, inside the transaction that saves
    /// the run, so that a run whose report cannot be written records nothing, and a run that
    /// cannot be recorded prints nothing.
    func recording(_ report: ProjectionReport, workspace: TargetWorkspace, model: ModelOptions,
                   emit: () throws -> Void) throws {
        guard let path = storePath(observations: workspace.observationsPath) else { return try emit() }
        let resolved = { (file: String) in URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath() }
        if workspace.inputPaths.contains(where: { resolved($0) == resolved(path) }) {
            throw InputError(file: nil, field: "--record", message: "'\(path)' is an input of this command; choose another store")
        }
        let bytes = { (file: String) throws(InputError) -> Data in
            do { return try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
                throw InputError(file: file, message: "cannot read it again to record its digest (\(error.localizedDescription))")
            }
        }
        let base = ([model.model] + model.intervention + model.regressor.map { "regressor \($0)" }).joined(separator: " + ")
        // Targets with their own model (the `model` column) are named too: each target's own is
        // recorded with its projection, and the run's field must not claim --model for all.
        let book = workspace.book
        let modelText = runModelDescription(base, targetModels: book.targets.indices.map(book.model(forTarget:)), choice: book.model)
        let run = RecordedRun(report: report, dataset: workspace.dataset, observationsFile: workspace.observationsPath,
                              observationsBytes: try bytes(workspace.observationsPath),
                              targetsFile: workspace.targetsFile.file, targetsBytes: try bytes(workspace.targetsFile.file),
                              model: modelText, intervalMethod: model.intervals.rawValue,
                              outturnVersion: OutturnCommand.configuration.version)
        let store = try ProjectionStore.openForRecording(at: path)
        try store.record(run, beforeCommit: emit)
    }
}
