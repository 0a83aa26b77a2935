import ArgumentParser
import Outturn
import OutturnIO

/// `--models a,b,c`: the candidates `compare` backtests.
struct CandidateModelsOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Candidate models, comma-separated, each a name --model accepts (commas inside parentheses, as in arma(1,0) or ETS(M,Ad,M), stay in the name). Default: auto,ets,theta,damped,trend+season+arma,regression,snaive,runrate.", valueName: "models"))
    var models: String?

    /// The candidates, in the order given.
    /// - Throws: ``InputError`` at `--models` for an empty, unknown or repeated name.
    func candidates() throws -> [ModelChoice] {
        guard let models else { return ModelComparison.defaultCandidates }
        var result: [ModelChoice] = []
        for name in Self.split(models) {
            guard !name.isEmpty else {
                throw InputError(file: nil, field: "--models", message: "'\(excerpt(models))' has an empty name; separate names with single commas")
            }
            let choice: ModelChoice
            do { choice = try ModelChoice(parsing: name) } catch {
                throw InputError(file: nil, field: "--models", message: error.description)
            }
            guard !result.contains(choice) else {
                throw InputError(file: nil, field: "--models", message: "'\(excerpt(name))' is listed twice")
            }
            result.append(choice)
        }
        return result
    }

    /// `text` split at the commas outside parentheses, each part trimmed.
    static func split(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            switch character {
            case "(": depth += 1
            case ")": depth = max(depth - 1, 0)
            case "," where depth == 0:
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        return parts + [current.trimmingCharacters(in: .whitespaces)]
    }
}
