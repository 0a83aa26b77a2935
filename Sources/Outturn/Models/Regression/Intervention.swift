/// A one-off change at a named month, such as the 2020 epidemic, modelled as a regression term
/// rather than by editing the data.
public struct Intervention: Hashable, Sendable, CustomStringConvertible {
    /// The shape of the change.
    public enum Kind: String, Sendable, CaseIterable {
        /// 0 before the month, 1 from it on: a lasting shift in level.
        case step
        /// 1 in the month only: a one-month outlier.
        case pulse
        /// 0 before the month, then 1, 2, 3 … from it on: a change of slope.
        case ramp
    }

    /// Step, pulse or ramp.
    public let kind: Kind
    /// The first month the change is in effect.
    public let month: Month

    /// Creates an intervention of `kind` starting at `month`.
    public init(_ kind: Kind, at month: Month) {
        self.kind = kind
        self.month = month
    }

    /// Parses `step@2020-02`, `pulse@2020-02` or `ramp@2020-02`.
    public init(parsing text: some StringProtocol) throws(ModelError) {
        let parts = text.split(separator: "@")
        guard parts.count == 2, let kind = Kind(rawValue: String(parts[0])),
              let month = try? Month(parsing: String(parts[1]))
        else { throw .unknownModel(String(text)) }
        self.init(kind, at: month)
    }

    /// The regressor's value in `month`.
    func value(at other: Month) -> Double {
        let offset = month.distance(to: other)
        switch kind {
        case .step: return offset >= 0 ? 1 : 0
        case .pulse: return offset == 0 ? 1 : 0
        case .ramp: return offset >= 0 ? Double(offset + 1) : 0
        }
    }

    /// `kind@YYYY-MM`.
    public var description: String { "\(kind.rawValue)@\(month)" }
}
