import Foundation

extension DemoBuilder {
    /// Tier weights `[inner, close, regular, distant, rare]` by role, for people outside the fixed core.
    static func tierWeights(_ role: Role) -> [Double] {
        switch role {
        case .manager: return [1, 0, 0, 0, 0]
        case .sponsor, .mentor: return [0, 0.6, 0.4, 0, 0]
        case .colleague: return [0.1, 0.35, 0.35, 0.2, 0]
        case .formerColleague: return [0, 0, 0.25, 0.5, 0.25]
        case .peer: return [0, 0.03, 0.4, 0.42, 0.15]
        case .friend: return [0, 0.03, 0.4, 0.42, 0.15]
        case .client: return [0, 0.1, 0.5, 0.4, 0]
        case .recruiter: return [0, 0, 0.35, 0.5, 0.15]
        case .other: return [0, 0, 0.15, 0.45, 0.4]
        }
    }

    /// Probability that a relationship in this role has ended (gone cold one to three years ago).
    static func endedProbability(_ role: Role) -> Double {
        switch role {
        case .formerColleague, .other: return 0.25
        case .client: return 0.2
        case .peer, .recruiter: return 0.12
        case .friend: return 0.06
        case .mentor: return 0.04
        case .manager, .sponsor, .colleague: return 0
        }
    }

    mutating func makePeople() {
        people.reserveCapacity(n)
        plans.reserveCapacity(n)
        var usedNames = Set<String>()
        usedNames.reserveCapacity(n)
        for i in 0..<n {
            let profile = profiles[i]
            let org = personOrg[i].map { orgs[$0] }
            let (name, local) = uniqueName(&usedNames)
            let tier = profile.tier ?? DemoTier(rawValue: rng.weightedIndex(Self.tierWeights(profile.primary)))!
            let plan = makePlan(profile, tier: tier)
            var roles: Set<Role> = [profile.primary]
            if let extra = profile.extraRole { roles.insert(extra) }
            people.append(
                Person(
                    id: Int64(i + 1), name: name, roles: roles, recruiterKind: profile.recruiterKind,
                    organisation: org?.name, title: title(profile, org: org), closeness: closeness(tier),
                    tags: tags(profile), archived: plan.ended && rng.bernoulli(0.15),
                    contactPoints: contactPoints(local: local, profile: profile, tier: tier, org: org)))
            plans.append(plan)
        }
    }

    /// Folded (ASCII, lower-case) forms of the name lists, for e-mail addresses.
    static let foldedFirstNames = DemoVocabulary.firstNames.map { foldASCII(Substring($0)) }
    static let foldedLastNames = DemoVocabulary.lastNames.map { foldASCII(Substring($0)) }

    /// A first and last name not used yet (ignoring case): plain, then with a middle initial, then numbered.
    /// Also returns the matching e-mail local part ("dana.r.reyes").
    func uniqueName(_ used: inout Set<String>) -> (name: String, local: String) {
        let f = rng.index(below: DemoVocabulary.firstNames.count)
        let l = rng.index(below: DemoVocabulary.lastNames.count)
        let first = DemoVocabulary.firstNames[f]
        let last = DemoVocabulary.lastNames[l]
        let plain = first + " " + last
        let local = Self.foldedFirstNames[f] + "." + Self.foldedLastNames[l]
        if used.insert(plain.lowercased()).inserted { return (plain, local) }
        let initials = DemoVocabulary.initials
        let offset = rng.index(below: initials.count)
        for k in 0..<initials.count {
            let initial = initials[(offset + k) % initials.count]
            let candidate = first + " " + initial + ". " + last
            if used.insert(candidate.lowercased()).inserted {
                return (
                    candidate, Self.foldedFirstNames[f] + "." + initial.lowercased() + "." + Self.foldedLastNames[l]
                )
            }
        }
        var number = 2
        while true {
            let candidate = plain + " " + String(number)
            if used.insert(candidate.lowercased()).inserted { return (candidate, local + String(number)) }
            number += 1
        }
    }

    func title(_ profile: DemoProfile, org: DemoOrgDraft?) -> String? {
        let words: [String]
        switch profile.primary {
        case .manager: words = DemoVocabulary.managerTitles
        case .sponsor: words = DemoVocabulary.sponsorTitles
        case .mentor:
            switch profile.pool {
            case .school: words = DemoVocabulary.facultyTitles
            case .association: words = DemoVocabulary.associationLeaderTitles
            default: words = DemoVocabulary.mentorTitles
            }
        case .colleague, .formerColleague: words = DemoVocabulary.colleagueTitles
        case .peer: words = DemoVocabulary.peerTitles
        case .friend:
            if profile.pool == .friends && rng.bernoulli(0.25) { return nil }
            words = profile.pool == .friends ? DemoVocabulary.friendTitles : DemoVocabulary.peerTitles
        case .client: words = DemoVocabulary.clientTitles
        case .recruiter:
            words = profile.recruiterKind == .inHouse ? DemoVocabulary.inHouseTitles : DemoVocabulary.searchFirmTitles
        case .other:
            if rng.bernoulli(0.2) { return nil }
            words = DemoVocabulary.otherTitles
        }
        return rng.element(of: words)
    }

    /// The closeness the user stated, more often for closer people, or nil.
    func closeness(_ tier: DemoTier) -> Int? {
        switch tier {
        case .inner: return rng.bernoulli(0.9) ? (rng.bernoulli(0.7) ? 5 : 4) : nil
        case .close: return rng.bernoulli(0.7) ? (rng.bernoulli(0.5) ? 4 : 3) : nil
        case .regular: return rng.bernoulli(0.4) ? (rng.bernoulli(0.5) ? 3 : 2) : nil
        case .distant: return rng.bernoulli(0.3) ? (rng.bernoulli(0.5) ? 2 : 1) : nil
        case .rare: return rng.bernoulli(0.2) ? 1 : nil
        }
    }

    func tags(_ profile: DemoProfile) -> Set<String> {
        var tags = Set<String>()
        switch profile.primary {
        case .manager, .sponsor, .colleague, .formerColleague:
            if rng.bernoulli(0.5) { tags.insert(rng.element(of: DemoVocabulary.colleagueTags)) }
        case .mentor:
            if rng.bernoulli(0.5) { tags.insert("career-advice") }
        case .peer:
            if rng.bernoulli(0.6) { tags.insert(rng.element(of: DemoVocabulary.peerTags)) }
        case .friend:
            tags.insert("personal")
            if rng.bernoulli(0.4) { tags.insert(rng.element(of: DemoVocabulary.friendTags)) }
        case .recruiter:
            if rng.bernoulli(0.7) {
                tags.insert(profile.recruiterKind == .inHouse ? "talent-acquisition" : "executive-search")
            }
            if rng.bernoulli(0.3) { tags.insert(rng.element(of: DemoVocabulary.recruiterTags)) }
        case .client, .other:
            if rng.bernoulli(0.4) { tags.insert(rng.element(of: DemoVocabulary.otherTags)) }
        }
        if profile.pool == .school && rng.bernoulli(0.5) { tags.insert("alumni") }
        return tags
    }

    func contactPoints(local: String, profile: DemoProfile, tier: DemoTier, org: DemoOrgDraft?) -> [ContactPoint] {
        let emailP: Double
        let phoneP: Double
        switch profile.primary {
        case .recruiter: (emailP, phoneP) = (1, 0.9)
        case .manager, .mentor, .sponsor: (emailP, phoneP) = (0.95, 0.6)
        case .colleague: (emailP, phoneP) = (0.8, 0.3)
        default: (emailP, phoneP) = (0.5, 0.25)
        }
        var points: [ContactPoint] = []
        if rng.bernoulli(emailP) {
            let domain = org?.domain ?? (rng.bernoulli(0.5) ? "inbox.example" : "mail.example")
            points.append(ContactPoint(kind: .email, value: local + "@" + domain, verifiedAt: verifiedAt()))
        }
        if rng.bernoulli(phoneP) || tier == .inner && rng.bernoulli(0.8) {
            let line = 100 + rng.index(below: 100)
            let value = "+1 " + rng.element(of: DemoVocabulary.areaCodes) + " 555 0" + String(line)
            points.append(ContactPoint(kind: .phone, value: value, verifiedAt: verifiedAt()))
        }
        return points
    }

    /// When a contact point was last verified: never (15%), or up to about 2.7 years before the end day.
    func verifiedAt() -> Date? {
        if rng.bernoulli(0.15) { return nil }
        return instant(endDay - rng.index(below: 1_000), 9 * 3600 + rng.index(below: 8 * 3600))
    }

    // MARK: Plans

    func uniformDay(from low: Day, to high: Day) -> Day {
        high <= low ? low : low + rng.index(below: high - low + 1)
    }

    func drawGap(_ tier: DemoTier) -> Double {
        let range = tier.gapRange
        return range.low + (range.high - range.low) * rng.uniform()
    }

    func makePlan(_ profile: DemoProfile, tier: DemoTier) -> DemoPlan {
        let role = profile.primary
        let gap = drawGap(tier)
        var gapBefore = gap
        var switchDay = windowStart
        var start: Day
        if profile.pool == .current && role != .recruiter {
            // Met on joining the current employer, or later (a new hire).
            start = rng.bernoulli(0.85) ? joinDay + rng.index(below: 30) : uniformDay(from: joinDay, to: endDay - 14)
        } else if profile.recentStart {
            start = endDay - (60 + rng.index(below: 240))
        } else if profile.pool == .former {
            start = windowStart
            switchDay = joinDay
            // Before the job change they saw each other more often: one step closer, or two for mentors
            // (the user's old boss), but ex-colleagues at most in the close tier.
            gapBefore = drawGap(
                role == .formerColleague ? DemoTier(rawValue: max(1, tier.rawValue - 1))! : tier.closer.closer)
        } else {
            let u = rng.uniform()
            start =
                u < 0.72
                ? windowStart
                : u < 0.92
                    ? uniformDay(from: windowStart, to: endDay - 120)
                    : uniformDay(from: endDay - 120, to: endDay - 10)
        }
        let recentStart = profile.recentStart || start > windowStart + 30
        var limit = endDay
        var ended = profile.ended ?? false
        if profile.ended == nil && profile.pool != .current && !profile.unansweredTail {
            ended = rng.bernoulli(Self.endedProbability(role))
        }
        if ended {
            limit = max(endDay - (365 + rng.index(below: 731)), windowStart + 14)
            if start >= limit - 30 {
                start = max(windowStart, limit - (90 + rng.index(below: 630)))
            }
        }
        var tailDay: Day?
        if profile.unansweredTail && !ended {
            tailDay = weekdayOnOrBefore(endDay - (2 + rng.index(below: 24)))
            limit = tailDay! - 1
            if start > limit { start = limit - 30 }
        }
        return DemoPlan(
            role: role, start: max(start, windowStart), limit: limit,
            ended: ended, switchDay: switchDay, gapBefore: gapBefore, gap: gap, tailDay: tailDay,
            recentStart: recentStart, weekends: role == .friend)
    }

    func weekdayOnOrBefore(_ day: Day) -> Day {
        switch day.isoWeekday {
        case 6: return day - 1
        case 7: return day - 2
        default: return day
        }
    }
}
