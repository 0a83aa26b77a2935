import Outturn

/// Why a model was chosen, in the current language. In English this is ``ModelSelection/reason``
/// byte for byte (a test checks it).
func localizedReason(_ reason: ModelSelection.Reason) -> String {
    let separator = localized(.reasonNoteSeparator)
    switch reason {
    case .asRequested:
        return localized(.reasonAsRequested)
    case .sharedCalendar(let count):
        return localized(.reasonSharedCalendar, String(count))
    case .lowestAICc(let choice, let candidates, let notes):
        let compared = candidates.map {
            localized(.reasonCandidate, $0.model, ModelSelection.Reason.criterion($0.aicc))
        }.joined(separator: localized(.reasonListSeparator))
        return localized(.reasonLowestAICc, choiceName(choice), compared) + notes.map { separator + localizedNote($0) }.joined()
    case .ensemble(let theta, let damped, let quarters, let seasonal):
        return localized(.reasonEnsemble, ModelSelection.Reason.weight(theta), ModelSelection.Reason.weight(damped))
            + (quarters ? localized(.reasonEnsembleQuarters) : "")
            + separator + localized(seasonal ? .reasonSeasonallyAdjusted : .reasonNotSeasonal)
    case .adjusted(let requested, let notes):
        return localized(.reasonAdjusted, requested) + notes.map { separator + localizedNote($0) }.joined()
    case .etsLowestAICc(let candidates):
        return localized(.reasonETSLowestAICc, String(candidates))
    case .combination(let choice, let members):
        return localized(.reasonCombination, choice, members.map { member in
            let weight = ModelSelection.Reason.weight(member.weight)
            return member.reason == .asRequested ? localized(.reasonCombinationMember, member.model, weight)
                : localized(.reasonCombinationMemberWhy, member.model, weight, localizedReason(member.reason))
        }.joined(separator: localized(.reasonListSeparator)))
    }
}

/// `auto` and `regression` as the reason's first word; another choice keeps its name.
private func choiceName(_ choice: String) -> String {
    switch choice {
    case "auto": localized(.reasonChoiceAuto)
    case "regression": localized(.reasonChoiceRegression)
    default: choice
    }
}

private func localizedNote(_ note: ModelSelection.Reason.Note) -> String {
    switch note {
    case .regressionTermsGiven: localized(.reasonNoteRegressionTerms)
    case .missingMonth(let month): localized(.reasonNoteMissingMonth, month.description)
    case .forecastInsideHistory(let month): localized(.reasonNoteInsideHistory, month.description)
    case .tooFewForSmoothing(let months, let minimum): localized(.reasonNoteTooFewForSmoothing, String(months), String(minimum))
    case .noSeasonalTerms(let observed, let minimum): localized(.reasonNoteNoSeasonalTerms, String(observed), String(minimum))
    case .fellBack(let model, let fallback): localized(.reasonNoteFellBack, model, fallback)
    case .armaOrders(let order, let candidates): localized(.reasonNoteARMAOrders, order, String(candidates))
    }
}
