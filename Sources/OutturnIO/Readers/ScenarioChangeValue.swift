import Outturn

/// The value of one scenario change, written the same way in files and on the command line:
/// `set` and `add` take a plain decimal, `scale` a percentage with its `%` sign (`-10%`), `factor`
/// a multiplier (`0.9`). A bare-number scale is refused because people write both 0.9 and −10 for
/// "10% less", and guessing which would silently give a forecast 90 times too small or too large.
public enum ScenarioChangeValue {
    /// Why a value was refused; the reader adds file, line and field (or the flag).
    public struct Problem: Error, Sendable {
        /// A sentence for the user.
        public let message: String
    }

    /// The operation `kind` (set, scale, factor or add) with the value `text`.
    public static func operation(_ kind: String, _ text: String) throws(Problem) -> Scenario.Change.Operation {
        switch kind {
        case "scale":
            guard text.hasSuffix("%") else {
                guard parseDecimal(text) != nil else { throw Problem(message: numberAdvice(text)) }
                throw Problem(message: "'\(text)' has no unit; write a percentage with its sign, e.g. scale -10%, or a multiplier, e.g. factor 0.9")
            }
            return .scale(percent: try number(String(text.dropLast())))
        case "factor":
            if text.hasSuffix("%") {
                throw Problem(message: "'\(text)' is a percentage; write factor as a multiplier (0.9), or use scale \(text)")
            }
            return .factor(try number(text))
        case "set": return .set(try number(text))
        default: return .add(try number(text))
        }
    }

    /// A plain decimal, as in the data files: no hexadecimal, infinities or separators.
    static func number(_ text: String) throws(Problem) -> Double {
        guard let value = parseDecimal(text) else { throw Problem(message: numberAdvice(text)) }
        return value
    }
}

/// Numbers given on the command line follow the data files' rules (`0x50`, `1e3`, `inf` refused).
public enum CommandLineNumber {
    /// `text` as a plain decimal, or an error naming `flag`.
    public static func parse(_ text: String, flag: String) throws(InputError) -> Double {
        guard let value = parseDecimal(text) else { throw InputError(file: nil, field: flag, message: numberAdvice(text)) }
        return value
    }
}
