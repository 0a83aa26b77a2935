/// A milestone count with a due month: "3 negative-pressure ambulances by December".
///
/// The indicator's series holds the cumulative count reached each month. A handful of deliveries
/// supports no statistical model, so a milestone is judged by its run-rate (see ``MilestoneProgress``).
public struct Milestone: Hashable, Sendable {
    /// The identifier of the indicator's series (cumulative counts).
    public let indicator: String
    /// The count to reach.
    public let count: Double
    /// The month by which it must be reached.
    public let due: Month
    /// A display name.
    public let name: String?
    /// The unit counted.
    public let unit: String?

    /// Creates a milestone.
    /// - Throws: ``TargetError/emptyIndicator`` or ``TargetError/thresholdNotFinite`` (a count
    ///   that is not a finite, non-negative number).
    public init(indicator: String, count: Double, due: Month, name: String? = nil, unit: String? = nil) throws(TargetError) {
        guard !indicator.isEmpty else { throw .emptyIndicator }
        guard count.isFinite, count >= 0 else { throw .thresholdNotFinite }
        self.indicator = indicator
        self.count = count
        self.due = due
        self.name = name
        self.unit = unit
    }
}

/// A milestone's state as of a month, by run-rate.
///
/// With c the latest cumulative count by the as-of month and c₀ the count at the end of the year
/// before the due year (0 when not observed), the run-rate is (c − c₀)/m over the m months of the
/// due year elapsed, and the count projected at the due month is c + rate·(months left).
///
/// The tiers, like a target's, say how far the pace so far is from what is needed. With the gap
/// g = count − c still to deliver and the share of it the run-rate covers by the due month,
/// rate·(months left)/g:
/// - `met` once c reaches the count; `missed` when the due month has passed without it;
/// - `onTrack` when the run-rate covers the whole gap (the projected count reaches the due count);
/// - `atRisk` when it covers at least half of it (the pace needed is at most twice the pace so far);
/// - `offTrack` when it covers less than half (more than twice the pace so far is needed, which
///   includes a run-rate of zero: 0 of 9 after eight months).
public struct MilestoneProgress: Sendable {
    /// Where a milestone stands.
    public enum Status: String, Sendable, CaseIterable, CustomStringConvertible {
        /// The count is reached.
        case met
        /// The due month has passed without the count.
        case missed
        /// The run-rate reaches the count by the due month.
        case onTrack = "on track by run-rate"
        /// The run-rate covers at least half of the remaining count by the due month, not all of it.
        case atRisk = "at risk"
        /// The run-rate covers less than half of the remaining count by the due month.
        case offTrack = "off track"

        /// How the status reads: "on track by run-rate", as in the table and the JSON.
        public var description: String { rawValue }
    }

    /// The milestone judged.
    public let milestone: Milestone
    /// The last month known.
    public let asOf: Month
    /// The latest cumulative count by ``asOf``.
    public let reached: Double
    /// The month that count was first reached (the first month of its latest run of equal
    /// observed counts), not merely the latest month.
    public let reachedIn: Month
    /// Counts per month so far in the due year.
    public let ratePerMonth: Double
    /// The count projected at the due month at that rate.
    public let projectedAtDue: Double
    /// Months from ``asOf`` to the due month (0 when due).
    public let monthsLeft: Int
    /// The count still needed each month to be on time; `nil` once met or past due.
    public let requiredPerMonth: Double?
    /// Met, missed, on track by run-rate, at risk or off track.
    public let status: Status

    /// Judges `milestone` from its cumulative series as known at the end of `asOf`.
    /// - Throws: ``ModelError/tooFewObservations(model:needed:available:)`` when no count is
    ///   observed by `asOf`.
    public init(series: MonthlySeries, milestone: Milestone, asOf: Month) throws(ModelError) {
        guard let observations = series.through(asOf)?.observations, let latest = observations.last else {
            throw .tooFewObservations(model: "run-rate", needed: 1, available: 0)
        }
        self.milestone = milestone
        self.asOf = asOf
        reached = latest.value
        reachedIn = observations.reversed().prefix { $0.value == latest.value }.last?.month ?? latest.month
        let yearStart = milestone.due.january
        let baseline = series[yearStart.advanced(by: -1)] ?? 0
        let elapsed = max(yearStart.distance(to: asOf) + 1, 1)
        ratePerMonth = (reached - baseline) / Double(elapsed)
        monthsLeft = max(asOf.distance(to: milestone.due), 0)
        projectedAtDue = reached + ratePerMonth * Double(monthsLeft)
        if reached >= milestone.count {
            status = .met
            requiredPerMonth = nil
        } else if monthsLeft == 0 {
            status = .missed
            requiredPerMonth = nil
        } else {
            let gap = milestone.count - reached, covered = ratePerMonth * Double(monthsLeft)
            status = projectedAtDue >= milestone.count ? .onTrack : covered >= gap / 2 ? .atRisk : .offTrack
            requiredPerMonth = gap / Double(monthsLeft)
        }
    }
}
