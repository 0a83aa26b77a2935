import Outturn

/// The model a run names once for all its targets (a backtest's header, a recorded run): the model
/// chosen for the run, or, when targets of a targets file have their own (the `model` column),
/// which models those are too. Saying only `--model` there would claim a model some targets did
/// not use.
/// - Parameters:
///   - base: the run's model as given (`--model`, with any interventions and regressors).
///   - targetModels: the model each target is projected with (`TargetBook.model(forTarget:)`).
///   - choice: the run's model choice, which `base` describes.
/// - Returns: `base` when every target uses `choice`; otherwise `per target: theta, snaive` (the
///   distinct models other than `choice`, in order of first use), followed by `; others <base>`
///   when some targets still use `choice`.
public func runModelDescription(_ base: String, targetModels: [ModelChoice], choice: ModelChoice) -> String {
    var own: [String] = []
    for model in targetModels where model != choice && !own.contains(model.description) {
        own.append(model.description)
    }
    guard !own.isEmpty else { return base }
    let list = "per target: " + own.joined(separator: ", ")
    return targetModels.contains(choice) ? list + "; others " + base : list
}
