import Foundation

/// Finds the gaps of DESIGN.md in an analysed network.
///
/// The rules, with their thresholds:
/// "Active" is the status ``RelationshipStatus/active`` everywhere: cooling and cold people are not.
///
/// - `recruiter-coverage`: fewer than `roleTargets[.recruiter]` (3) active recruiters —
///   high with none, medium otherwise — or, with two or more, all at one organisation (medium). Recruiters
///   among the connections the user has never spoken with (dormant) are not active.
/// - `dormant-recruiters`: recruiters among the connections never spoken with, counted apart from the
///   active ones ("4 active recruiters; 212 recruiters among your connections you have never spoken
///   with"), the best placed to warm up first (``RecruiterWarmUp``); medium while recruiters are missing
///   from the target, else low.
/// - `stale-disclosure`: anyone holding an out-of-date detail; high when a recruiter does.
/// - `unanswered-inbound`: high for recruiters, medium for everyone else (one gap each).
/// - `commitment-overdue` (high) and `commitment-open` (low): promises made by the user; promises made to
///   the user that are overdue are medium (a nudge).
/// - `cooling-strong-tie`: strength ≥ ``WhoNext/strongTie`` and cooling or cold (medium).
/// - `cold-bridge`: a bridge gone cold within ``WhoNext/lostBridgeDays`` (medium).
/// - `role-gap`: no active mentor (medium); no active sponsor (low).
/// - `concentration`: with at least 5 active people, one organisation holds half or more of them (medium);
///   or, when who knows whom is recorded for enough of them to measure it (``Closure``), half or more of the
///   pairs of active people know each other (medium: a closed network); or, when it is not, a prompt to
///   record it (low).
/// - `journal-stale`: no journal entry since the start of the quarter (low; medium with no entry at all).
/// - `contact-unverified`: active people whose email or phone was never verified or not in the last 365
///   days (low).
///
/// People snoozed on the day (``NetworkFacts/snoozes``) are left out of every gap about people to contact —
/// unanswered, promises, stale details, cooling ties, cold bridges, recruiters to warm up, unverified
/// details — and a gap left with no one disappears. The recruiter coverage still counts an active snoozed
/// recruiter: snoozing someone does not end the relationship.
///
/// With a ``NetworkFacts/focus`` (`--tag`), the gaps name only the people in it (their titles count only
/// them), and the gaps about the whole network — recruiter coverage, role gaps, concentration, a closed
/// network, the journal — are left out.
///
/// Gaps are ordered by severity (high first), then by their order in ``GapCode``, then by the first
/// person's name.
public enum GapFinder {
    public static func find(
        in analysis: NetworkAnalysis, facts: NetworkFacts, configuration: ScoringConfiguration, timeZone: TimeZone
    ) -> [Gap] {
        let scan = GapScan(analysis, facts: facts, configuration: configuration)
        let gaps =
            scan.recruiterGaps() + scan.staleDisclosureGaps() + scan.unansweredGaps() + scan.promiseGaps()
            + scan.quietTieGaps() + scan.networkGaps() + scan.unverifiedGaps(timeZone: timeZone)
        return gaps.enumerated().sorted { a, b in
            if a.element.severity != b.element.severity { return a.element.severity > b.element.severity }
            if a.element.code != b.element.code { return a.element.code < b.element.code }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// "212 recruiters among your connections you have never spoken with".
    static func dormantRecruiters(_ count: Int) -> String {
        "\(count) recruiter\(count == 1 ? "" : "s") among your connections you have never spoken with"
    }
}
