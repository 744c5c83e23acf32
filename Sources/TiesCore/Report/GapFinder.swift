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
        let score = analysis.score
        let asOf = score.asOf
        let people = analysis.people
        let snoozedDays = facts.snoozed(on: asOf)
        let hidden = Set(people.keys.filter { !facts.shows($0, snoozed: snoozedDays) })
        let wholeNetwork = facts.focus == nil
        let facts = facts.leavingOut(hidden)
        func isAwake(_ s: PersonScore) -> Bool { !hidden.contains(s.personID) }
        func name(_ id: Person.ID) -> String { people[id]?.name ?? "#\(id)" }
        func byName(_ ids: [Person.ID]) -> [Person.ID] {
            ids.sorted { name($0) != name($1) ? name($0) < name($1) : $0 < $1 }
        }
        func list(_ ids: [Person.ID], _ limit: Int = 3) -> String {
            let names = ids.prefix(limit).map(name)
            return names.joined(separator: ", ") + (ids.count > limit ? " and \(ids.count - limit) more" : "")
        }
        var gaps: [Gap] = []
        let status = Dictionary(uniqueKeysWithValues: score.scores.map { ($0.personID, $0) })
        func isActive(_ id: Person.ID) -> Bool { status[id]?.status == .active }
        func hasRole(_ id: Person.ID, _ role: Role) -> Bool { people[id]?.roles.contains(role) ?? false }

        // Recruiter coverage, counting apart the recruiters among the connections never spoken with.
        let recruiters = byName(people.keys.filter { hasRole($0, .recruiter) && isActive($0) })
        let target = configuration.roleTargets[.recruiter] ?? 3
        let allWarmUps = RecruiterWarmUp.rank(analysis, field: facts.field)
        let warmUps = allWarmUps.filter { !hidden.contains($0.personID) }
        if !warmUps.isEmpty {
            gaps.append(
                Gap(
                    code: .dormantRecruiters, severity: recruiters.count < target ? .medium : .low,
                    title:
                        "\(recruiters.count) active recruiter\(recruiters.count == 1 ? "" : "s"); \(Self.dormantRecruiters(allWarmUps.count))",
                    people: warmUps.prefix(WhoNext.maximumWarmUps).map(\.personID),
                    advice: .warmUpDormantRecruiters))
        }
        if !wholeNetwork {
            // Limited to some people (`--tag`): the gaps about the whole network are not theirs.
        } else if recruiters.count < target {
            gaps.append(
                Gap(
                    code: .recruiterCoverage, severity: recruiters.isEmpty ? .high : .medium,
                    title: recruiters.isEmpty
                        ? "No active recruiter relationships (aim for \(target))"
                        : "Only \(recruiters.count) active recruiter\(recruiters.count == 1 ? "" : "s") (aim for \(target)): \(list(recruiters))",
                    people: recruiters,
                    advice: .takeRecruiterCalls
                ))
        } else {
            let firms = Set(recruiters.compactMap { people[$0]?.organisation?.lowercased() })
            if firms.count == 1, recruiters.count >= 2 {
                gaps.append(
                    Gap(
                        code: .recruiterCoverage, severity: .medium,
                        title:
                            "All \(recruiters.count) active recruiters are at \(people[recruiters[0]]?.organisation ?? "one firm")",
                        people: recruiters,
                        advice: .recruiterAtAnotherFirm))
            }
        }

        // Stale disclosures.
        if !facts.staleDisclosures.isEmpty {
            let holders = facts.staleDisclosures.map(\.personID)
            let unique = byName(Array(Set(holders)))
            let recruitersFirst = unique.filter { hasRole($0, .recruiter) } + unique.filter { !hasRole($0, .recruiter) }
            let anyRecruiter = recruitersFirst.contains { hasRole($0, .recruiter) }
            let example =
                facts.staleDisclosures.first { $0.personID == recruitersFirst[0] } ?? facts.staleDisclosures[0]
            gaps.append(
                Gap(
                    code: .staleDisclosure, severity: anyRecruiter ? .high : .medium,
                    title:
                        "\(unique.count) \(unique.count == 1 ? "person holds" : "people hold") out-of-date details of yours: \(list(recruitersFirst))",
                    people: recruitersFirst,
                    advice: .notifyStaleDetails(example: PendingDisclosure(example))
                ))
        }

        // Unanswered inbound.
        let unanswered = byName(Array(facts.unanswered.keys))
        let unansweredRecruiters = unanswered.filter { hasRole($0, .recruiter) }
        let unansweredOthers = unanswered.filter { !hasRole($0, .recruiter) }
        if !unansweredRecruiters.isEmpty {
            gaps.append(
                Gap(
                    code: .unansweredInbound, severity: .high,
                    title:
                        "Recruiter\(unansweredRecruiters.count == 1 ? "" : "s") waiting for your answer: \(list(unansweredRecruiters))",
                    people: unansweredRecruiters,
                    advice: .answerRecruiters))
        }
        if !unansweredOthers.isEmpty {
            gaps.append(
                Gap(
                    code: .unansweredInbound, severity: .medium,
                    title:
                        "\(unansweredOthers.count) \(unansweredOthers.count == 1 ? "person" : "people") waiting for your answer: \(list(unansweredOthers))",
                    people: unansweredOthers, advice: .replyBriefly))
        }

        // Commitments.
        let mine = facts.openCommitments.filter { $0.owner == .me }
        let overdue = mine.filter { $0.due.map { $0 < asOf } ?? false }
        let open = mine.filter { !($0.due.map { $0 < asOf } ?? false) }
        if !overdue.isEmpty {
            let ids = byName(Array(Set(overdue.map(\.personID))))
            let sorted = overdue.compactMap { promise in promise.due.map { (promise, $0) } }
                .sorted { ($0.1, $0.0.id ?? 0) < ($1.1, $1.0.id ?? 0) }
            gaps.append(
                Gap(
                    code: .commitmentOverdue, severity: .high,
                    title:
                        "\(overdue.count) promise\(overdue.count == 1 ? "" : "s") past due: \(sorted.prefix(2).map { "\"\($0.0.text)\" to \(name($0.0.personID)) (due \($0.1))" }.joined(separator: "; "))",
                    people: ids, advice: .followUpOnPromises(commitment: sorted.first?.0.id)))
        }
        if !open.isEmpty {
            gaps.append(
                Gap(
                    code: .commitmentOpen, severity: .low,
                    title: "\(open.count) open promise\(open.count == 1 ? "" : "s") of yours",
                    people: byName(Array(Set(open.map(\.personID)))),
                    advice: .keepOpenPromises))
        }
        let theirs = facts.openCommitments.filter { $0.owner == .them && ($0.due.map { $0 < asOf } ?? false) }
        if !theirs.isEmpty {
            gaps.append(
                Gap(
                    code: .commitmentOverdue, severity: .medium,
                    title: "\(theirs.count) promise\(theirs.count == 1 ? "" : "s") made to you past due",
                    people: byName(Array(Set(theirs.map(\.personID)))),
                    advice: .remindThem))
        }

        // Cooling strong ties and cold bridges.
        let cooling = score.scores.filter(isAwake).filter {
            $0.strength >= WhoNext.strongTie && ($0.status == .cooling || $0.status == .cold)
        }.map(\.personID)
        if !cooling.isEmpty {
            gaps.append(
                Gap(
                    code: .coolingStrongTie, severity: .medium,
                    title:
                        "\(cooling.count) strong relationship\(cooling.count == 1 ? " is" : "s are") going quiet: \(list(cooling))",
                    people: cooling, advice: .reachOutToQuietTies))
        }
        let coldBridges = score.scores.filter(isAwake).filter {
            $0.status == .cold && (analysis.positions[$0.personID]?.isBridge ?? false)
                && ($0.silenceDays ?? .max) <= WhoNext.lostBridgeDays
        }.map(\.personID)
        if !coldBridges.isEmpty {
            gaps.append(
                Gap(
                    code: .coldBridge, severity: .medium,
                    title:
                        "\(coldBridges.count) bridge\(coldBridges.count == 1 ? " has" : "s have") gone cold: \(list(coldBridges))",
                    people: coldBridges,
                    advice: .reconnectBridges))
        }

        // Role gaps.
        let mentors = people.keys.filter { hasRole($0, .mentor) && isActive($0) }
        if mentors.isEmpty && wholeNetwork {
            gaps.append(
                Gap(
                    code: .roleGap, severity: .medium, title: "No active mentor", people: [],
                    advice: .findMentor))
        }
        if wholeNetwork && !people.keys.contains(where: { hasRole($0, .sponsor) && isActive($0) }) {
            gaps.append(
                Gap(
                    code: .roleGap, severity: .low, title: "No active sponsor", people: [],
                    advice: .findSponsor))
        }

        // Concentration.
        let activeCount = score.scores.filter { $0.status == .active }.count
        if wholeNetwork, activeCount >= 5, let largest = analysis.shape.largestOrganisation, largest.share >= 0.5 {
            gaps.append(
                Gap(
                    code: .concentration, severity: .medium,
                    title: "\(Int((largest.share * 100).rounded()))% of your active network is at \(largest.name)",
                    people: [],
                    advice: .investOutside(organisation: largest.name)))
        }
        if wholeNetwork, let closed = Closure(analysis)?.gap { gaps.append(closed) }

        // Journal.
        let (y, m, _) = asOf.civil
        let quarterStart = Day(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)!
        if !wholeNetwork {
            // The journal is the user's own, not about the people a listing is limited to.
        } else if let last = facts.journalDays.filter({ $0 <= asOf }).max() {
            if last < quarterStart {
                gaps.append(
                    Gap(
                        code: .journalStale, severity: .low,
                        title: "Nothing in your career journal this quarter (last entry \(last))",
                        people: [],
                        advice: .recordJournalEntry(first: false)))
            }
        } else {
            gaps.append(
                Gap(
                    code: .journalStale, severity: .medium, title: "Your career journal is empty",
                    people: [],
                    advice: .recordJournalEntry(first: true)))
        }

        // Unverified contact points.
        var mapper = DayMapper(timeZone: timeZone)
        let unverified = score.scores.filter { s in
            guard s.status == .active, isAwake(s), let person = people[s.personID] else { return false }
            return person.contactPoints.contains { point in
                (point.kind == .email || point.kind == .phone)
                    && (point.verifiedAt.map { asOf - mapper.day(for: $0) > 365 } ?? true)
            }
        }.map(\.personID)
        if !unverified.isEmpty {
            gaps.append(
                Gap(
                    code: .contactUnverified, severity: .low,
                    title:
                        "\(unverified.count) active \(unverified.count == 1 ? "person has" : "people have") contact details not verified in a year: \(list(unverified))",
                    people: unverified, advice: .verifyContactDetails(person: unverified[0])))
        }

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
