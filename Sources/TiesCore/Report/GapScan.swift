import Foundation

/// One run of ``GapFinder``: the network, the facts with the people who are not to be named left out, and
/// the helpers every kind of gap uses; each kind of gap is one method.
struct GapScan {
    let analysis: NetworkAnalysis
    /// The facts without the hidden people's unanswered contacts, promises and stale details.
    let facts: NetworkFacts
    let configuration: ScoringConfiguration
    /// People snoozed on the day, or outside the focus (`--tag`): no gap names them.
    let hidden: Set<Person.ID>
    /// Whether the gaps are of the whole network (no focus): only then are the gaps about it found.
    let wholeNetwork: Bool
    let status: [Person.ID: PersonScore]

    init(_ analysis: NetworkAnalysis, facts: NetworkFacts, configuration: ScoringConfiguration) {
        self.analysis = analysis
        self.configuration = configuration
        let snoozed = facts.snoozed(on: analysis.score.asOf)
        hidden = Set(analysis.people.keys.filter { !facts.shows($0, snoozed: snoozed) })
        wholeNetwork = facts.focus == nil
        self.facts = facts.leavingOut(hidden)
        status = Dictionary(uniqueKeysWithValues: analysis.score.scores.map { ($0.personID, $0) })
    }

    var score: NetworkScore { analysis.score }
    var asOf: Day { analysis.score.asOf }
    var people: [Person.ID: Person] { analysis.people }

    func isAwake(_ s: PersonScore) -> Bool { !hidden.contains(s.personID) }
    func name(_ id: Person.ID) -> String { people[id]?.name ?? "#\(id)" }
    func byName(_ ids: [Person.ID]) -> [Person.ID] {
        ids.sorted { name($0) != name($1) ? name($0) < name($1) : $0 < $1 }
    }
    func list(_ ids: [Person.ID], _ limit: Int = 3) -> String {
        let names = ids.prefix(limit).map(name)
        return names.joined(separator: ", ") + (ids.count > limit ? " and \(ids.count - limit) more" : "")
    }
    func isActive(_ id: Person.ID) -> Bool { status[id]?.status == .active }
    func hasRole(_ id: Person.ID, _ role: Role) -> Bool { people[id]?.roles.contains(role) ?? false }

    /// Recruiter coverage, and the recruiters among the connections never spoken with.
    func recruiterGaps() -> [Gap] {
        var gaps: [Gap] = []
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
                        "\(recruiters.count) active recruiter\(recruiters.count == 1 ? "" : "s"); \(GapFinder.dormantRecruiters(allWarmUps.count))",
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
            let firms = Set(recruiters.compactMap { people[$0]?.firm })
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
        return gaps
    }

    /// People holding out-of-date details of the user's.
    func staleDisclosureGaps() -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }

    /// People waiting for an answer, recruiters apart.
    func unansweredGaps() -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }

    /// Promises past due or open, both ways.
    func promiseGaps() -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }

    /// Strong ties going quiet and bridges gone cold.
    func quietTieGaps() -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }

    /// The gaps about the whole network: roles, concentration, closure, the journal.
    func networkGaps() -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }

    /// Active people whose email or phone was not verified in a year.
    func unverifiedGaps(timeZone: TimeZone) -> [Gap] {
        var gaps: [Gap] = []
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
        return gaps
    }
}
