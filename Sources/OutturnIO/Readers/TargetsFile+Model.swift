import Outturn

/// The optional `model` column: a target's own model, overriding `--model` for that target.
extension TargetsFile {
    /// Reads a `model` cell as `--model` reads its value; `nil` for an empty cell.
    /// - Parameter fail: makes the error at the cell from a message.
    /// - Throws: the error `fail` makes, for a name `--model` would refuse or one that names a
    ///   regressor (its series would come from `--regressor`, which applies to every target).
    static func modelColumn(_ text: String?, fail: (String) -> InputError) throws(InputError) -> ModelChoice? {
        guard let text else { return nil }
        let choice: ModelChoice
        do { choice = try ModelChoice(parsing: text) } catch { throw fail(error.description) }
        if case .fixed(let formula) = choice, let name = formula.regressorNames.first {
            throw fail("'\(excerpt(text))' names the regressor '\(excerpt(name))'; a row's model takes no regressors (give them with --model and --regressor)")
        }
        return choice
    }

    /// Refuses two different models for targets of one indicator and year: they are judged
    /// together on draws from one fitted model (``TargetBook/model(forTarget:)``), so a model
    /// given on one row serves the others, and two would contradict each other.
    /// - Throws: ``InputError`` at the later row's `model`.
    func checkSharedModels() throws(InputError) {
        var first: [String: Int] = [:]
        for (index, target) in targets.enumerated() {
            guard let model = models[index] else { continue }
            let key = "\(target.indicator)\u{0}\(target.year)"
            guard let earlier = first[key] else { first[key] = index; continue }
            if let other = models[earlier], other != model {
                throw error(at: index, field: "model",
                            message: "'\(excerpt(model.description))' differs from '\(excerpt(other.description))' given for \(excerpt(target.indicator)) \(target.year) at \(place(of: earlier)); targets of one indicator and year share one model, so give one name (or leave all but one empty)")
            }
        }
    }
}
