import Outturn

/// A projection's warning in the current language, with its numbers. In English this is
/// ``ProjectionWarning/description`` byte for byte (a test checks it), which the JSON carries.
func localizedWarning(_ warning: ProjectionWarning) -> String {
    switch warning {
    case .shortHistory(let observed, let minimum):
        localized(.warningShortHistory, String(observed), String(minimum))
    case .exactFit(let observed, _):
        localized(.warningExactFit, String(observed))
    case .longExtrapolation(let horizon, let observed):
        localized(.warningLongExtrapolation, String(horizon), String(observed))
    case .fellBack(let requested, let fitted, let observed):
        // `auto` is a choice, not a model's name: said in words, as the reason says it.
        requested == "auto" ? localized(.warningFellBackAuto, fitted, String(observed))
            : localized(.warningFellBack, requested, fitted, String(observed))
    case .observedOutsideBounds(let month, let value, let bounds, let count):
        count == 1 ? localized(.warningObservedOutsideBounds, month.description, ProjectionWarning.format(value), bounds.description)
            : localized(.warningObservedOutsideBoundsMany, month.description, ProjectionWarning.format(value), bounds.description,
                        String(count))
    }
}
